// The rule pages under docs/rules/ are checked against the code, so they cannot drift from it:
// - every rule in the registry has a page, every page belongs to a rule, and the index
//   (docs/rules/README.md) and the root README.md list every rule once (scripts/generate.ts writes
//   both tables; test/unit/generated.test.ts checks they are current);
// - each page states the rule's default severity and whether it has a fix as the rule declares them;
// - each page's examples really behave as documented: a ```text failing block makes the engine
//   report the rule, a ```text passing block does not, and the ```text output / ```text output-en
//   block after a failing one is exactly what the CLI prints for that rule (zh-cn / en).
//
// Page conventions this test relies on (docs/rules/README.md explains them to writers):
//   **默认级别 / Default severity:** `error`
//   **自动修复 / Fix:** 有 / yes …   or   **自动修复 / Fix:** 无 / no …
//   ```text failing | passing | output | output-en | previous
// A ```text previous block is last year's report for the examples after it (the cross-year rules
// compare with it; CheckOptions.previous).
// An output block belongs to the nearest failing block above it (a passing block may sit between).
// Output lines use the CLI's text format for a file named report.txt:
//   report.txt:LINE:COLUMN SEVERITY RULE MESSAGE
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { RULES, check, type CheckOptions, type Locale } from '../../server/src/core';
import { buildProfile } from '../../server/src/core/crossyear/profile';

const DOCS = path.resolve(__dirname, '../../docs/rules');
/** Files in docs/rules/ that are not rule pages. */
const NOT_PAGES = new Set(['README.md']);

interface Block {
  kind: 'failing' | 'passing' | 'output' | 'output-en' | 'previous';
  text: string;
  /** Last year's report (the nearest ```text previous block above), as the check's `previous`. */
  options: CheckOptions;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** The ```text <kind> blocks of a page, in order. Other fenced blocks (json, jsonc…) are skipped. */
function blocksOf(page: string): Block[] {
  const blocks: Block[] = [];
  const lines = page.split('\n');
  let options: CheckOptions = {};
  for (let i = 0; i < lines.length; i++) {
    const open = /^```text[ \t]+(failing|passing|output-en|output|previous)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    assert.ok(i < lines.length, `unclosed block opened at line ${start + 1}`);
    const text = body.join('\n') + '\n';
    if (open[1] === 'previous') {
      const last = check(text);
      options = { previous: buildProfile(last.report, last.lines) };
    }
    blocks.push({ kind: open[1] as Block['kind'], text, line: start + 1, options });
  }
  return blocks;
}

/** What `nianbao check report.txt` prints for one rule's findings (server/src/cli/format.ts). */
function cliLines(text: string, rule: string, locale: Locale, options: CheckOptions = {}): string[] {
  const { lines, diagnostics } = check(text, { ...options, locale });
  return diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => {
      const p = lines.positionAt(d.start);
      return `report.txt:${p.line + 1}:${p.character + 1} ${d.severity} ${d.rule} ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
    });
}

function nonEmptyLines(text: string): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
}

const pageFiles = readdirSync(DOCS).filter((f) => f.endsWith('.md') && !NOT_PAGES.has(f));

describe('rule pages', () => {
  test('every rule has a page and every page belongs to a rule', () => {
    const ids = RULES.map((r) => r.id).sort();
    assert.deepEqual(pageFiles.map((f) => f.slice(0, -3)).sort(), ids);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      const page = (() => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      })();

      test('has a page titled with the rule id and its description', () => {
        assert.ok(page, `docs/rules/${rule.id}.md is missing`);
        assert.equal(page.split('\n')[0], `# ${rule.id}`);
        assert.ok(page.includes(rule.description['zh-cn']), 'the Chinese one-line summary is the rule description');
        assert.ok(page.includes(rule.description.en), 'the English one-line summary is the rule description');
      });

      test('states the default severity and the fix as the code declares them', () => {
        const severity = /\*\*默认级别 \/ Default severity:\*\* `([a-z]+)`/.exec(page);
        assert.ok(severity, 'no "**默认级别 / Default severity:** `…`" line');
        assert.equal(severity[1], rule.defaultSeverity);
        const fix = /\*\*自动修复 \/ Fix:\*\* (有 \/ yes|无 \/ no)/.exec(page);
        assert.ok(fix, 'no "**自动修复 / Fix:** 有 / yes|无 / no" line');
        assert.equal(fix[1] === '有 / yes', rule.fixable);
      });

      test('says how to turn the rule off and dismiss one finding, with this rule id', () => {
        for (const snippet of [
          `"nianbao.rules": { "${rule.id}": "off" }`,
          `--rule ${rule.id}=off`,
          `<!-- nianbao-disable-next-line ${rule.id} -->`,
          `"rule": "${rule.id}"`,
        ]) {
          assert.ok(page.includes(snippet), `missing ${snippet}`);
        }
      });

      const blocks = page ? blocksOf(page) : [];

      test('has at least one failing and one passing example, each failing one with its output', () => {
        assert.ok(blocks.some((b) => b.kind === 'failing'), 'no ```text failing block');
        assert.ok(blocks.some((b) => b.kind === 'passing'), 'no ```text passing block');
        blocks.forEach((b, i) => {
          if (b.kind !== 'failing') return;
          const next = blocks.slice(i + 1).findIndex((x) => x.kind === 'failing');
          const following = next < 0 ? blocks.slice(i + 1) : blocks.slice(i + 1, i + 1 + next);
          assert.ok(following.some((x) => x.kind === 'output'), `failing example at line ${b.line} has no output block`);
        });
      });

      const firstFailing = blocks.find((b) => b.kind === 'failing');
      if (firstFailing) {
        test('the documented ways to turn it off and to dismiss a finding work on the failing example', () => {
          const { text, options } = firstFailing;
          const before = check(text, options).diagnostics.filter((d) => d.rule === rule.id);
          assert.ok(before.length > 0);
          // The setting / --rule: off.
          assert.equal(check(text, { ...options, rules: { [rule.id]: 'off' } }).diagnostics.filter((d) => d.rule === rule.id).length, 0);
          // The page's .nianbao-ignore.json entry names a line of the failing example that has a finding.
          const json = /`(\{ "ignore": \[.*\] \})`/.exec(page);
          assert.ok(json, 'no `{ "ignore": [...] }` example');
          const { ignore } = JSON.parse(json[1]) as { ignore: { rule: string; text: string }[] };
          assert.ok(ignore.every((e) => e.rule === rule.id));
          const ignored = check(text, { ...options, ignore }).diagnostics.filter((d) => d.rule === rule.id);
          assert.ok(ignored.length < before.length, `the ignore entry ${json[1]} dismisses nothing`);
          // A Markdown comment above the line of the first finding.
          const { lines } = check(text, options);
          const at = lines.starts[lines.lineOf(before[0].start)];
          const commented = text.slice(0, at) + `<!-- nianbao-disable-next-line ${rule.id} -->\n` + text.slice(at);
          const left = check(commented, options).diagnostics.filter((d) => d.rule === rule.id);
          assert.ok(left.length < before.length, 'the disable comment dismisses nothing');
        });
      }

      let failing: Block | null = null;
      for (const block of blocks) {
        if (block.kind === 'failing') {
          failing = block;
          const at = block.line;
          test(`failing example (line ${at}) is reported`, () => {
            assert.ok(cliLines(block.text, rule.id, 'zh-cn', block.options).length > 0, `no ${rule.id} finding for:\n${block.text}`);
            // A rule whose findings carry fixes must say so (the page's fix line is checked against it).
            const fixed = check(block.text, block.options).diagnostics.some((d) => d.rule === rule.id && d.fix && d.fix.edits.length > 0);
            if (fixed) assert.ok(rule.fixable, `${rule.id} offers a fix here but declares fixable: false`);
          });
        } else if (block.kind === 'passing') {
          test(`passing example (line ${block.line}) is not reported`, () => {
            assert.deepEqual(cliLines(block.text, rule.id, 'zh-cn', block.options), []);
          });
        } else if (block.kind !== 'previous') {
          const source = failing;
          const locale: Locale = block.kind === 'output-en' ? 'en' : 'zh-cn';
          test(`output (line ${block.line}) is what the CLI prints for the failing example (${locale})`, () => {
            assert.ok(source, 'an output block must follow a failing example');
            assert.deepEqual(nonEmptyLines(block.text), cliLines(source.text, rule.id, locale, source.options));
          });
        }
      }
    });
  }
});

describe('rule index and README table', () => {
  /** Markdown table rows that link a rule page, keyed by rule id. */
  function rowsByRule(text: string, linkPrefix: string): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    const link = new RegExp(`^\\|\\s*\\[\`?([a-z-]+)\`?\\]\\(${linkPrefix.replace(/[/.]/g, '\\$&')}([a-z-]+)\\.md\\)`);
    for (const line of text.split('\n')) {
      const m = link.exec(line);
      if (!m) continue;
      assert.equal(m[1], m[2], `link text and target differ: ${line}`);
      assert.ok(!rows.has(m[1]), `${m[1]} listed twice`);
      rows.set(m[1], line.split('|').slice(1, -1).map((c) => c.trim()));
    }
    return rows;
  }

  // docs/rules/README.md links pages beside it; the root README.md links them under docs/rules/.
  for (const [file, prefix] of [
    ['docs/rules/README.md', ''],
    ['README.md', 'docs/rules/'],
  ] as const) {
    test(`${file} lists every rule once, in registry order, with its description, severity and fix`, () => {
      const rows = rowsByRule(readFileSync(path.resolve(__dirname, '../..', file), 'utf8'), prefix);
      assert.deepEqual([...rows.keys()], RULES.map((r) => r.id));
      for (const rule of RULES) {
        const cells = rows.get(rule.id)!;
        assert.equal(cells.length, 4, `${rule.id}: expected 4 columns`);
        assert.ok(cells[1].includes(rule.description['zh-cn']) && cells[1].includes(rule.description.en), `${rule.id}: description`);
        assert.ok(cells[2].includes(`\`${rule.defaultSeverity}\``), `${rule.id}: severity`);
        assert.match(cells[3], rule.fixable ? /^(有|yes)(\s|$)/ : /^(无|no)(\s|$)/, `${rule.id}: fix`);
      }
    });
  }
});
