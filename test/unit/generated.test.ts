// The texts that repeat the rule list (package.json's nianbao.rules, both nls files, the rule tables
// of README.md and docs/rules/README.md) are written by scripts/generate.ts from the rule files. This
// runs the generator in memory: it fails when a generated text is stale, and checks that the
// generator follows the registry (a rule added or removed there is added or removed everywhere)
// while keeping every hand-written part as it is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS, type RuleId } from '../../server/src/core';
import { defineRule } from '../../server/src/core/rules/rule';
import { RULE_LEVELS } from '../../server/src/shared/protocol';
import { ROOT, generate, staleFiles, type GeneratedFile } from '../../scripts/generate';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const textOf = (files: GeneratedFile[], file: string) => files.find((g) => g.file === file)!.text;

/** Lines of `after` that are not in `before`, and lines of `before` that are not in `after`. */
function lineChanges(before: string, after: string): { added: string[]; removed: string[] } {
  const a = new Set(before.split('\n'));
  const b = new Set(after.split('\n'));
  return { added: [...b].filter((l) => !a.has(l)), removed: [...a].filter((l) => !b.has(l)) };
}

const NEW_RULE = defineRule({
  id: 'new-rule',
  category: 'text',
  description: { 'zh-cn': '新规则的说明', en: 'What the new rule checks' },
  defaultSeverity: 'hint',
  fixable: true,
  messages: {},
  check() {},
});

describe('generated files', () => {
  test('are current (otherwise: run npm run generate)', () => {
    const stale = staleFiles();
    assert.deepEqual(stale, [], `stale: ${stale.join(', ')}: run npm run generate`);
  });

  test('a rule added to the registry gets its setting, nls entries and table rows, and nothing else changes', () => {
    const now = generate(read);
    const next = generate(read, [...RULES, NEW_RULE]);
    const pkg = JSON.parse(textOf(next, 'package.json'));
    const setting = pkg.contributes.configuration.properties['nianbao.rules'].properties['new-rule'];
    assert.deepEqual(setting, {
      type: 'string',
      enum: [...RULE_LEVELS],
      enumDescriptions: RULE_LEVELS.map((l) => `%configuration.rules.${l}%`),
      description: '%configuration.rules.new-rule%',
    });
    const en = JSON.parse(textOf(next, 'package.nls.json'));
    const zh = JSON.parse(textOf(next, 'package.nls.zh-cn.json'));
    assert.equal(en['configuration.rules.new-rule'], 'What the new rule checks (default: hint).');
    assert.equal(zh['configuration.rules.new-rule'], '新规则的说明（默认：提示）。');
    // With the other rules' entries, before the levels' entries.
    const keys = Object.keys(en);
    assert.equal(keys.indexOf('configuration.rules.new-rule'), keys.indexOf(`configuration.rules.${RULES[RULES.length - 1].id}`) + 1);
    assert.equal(keys.indexOf('configuration.rules.off'), keys.indexOf('configuration.rules.new-rule') + 1);

    const rows: Record<string, string> = {
      'README.md': '| [`new-rule`](docs/rules/new-rule.md) | What the new rule checks<br>新规则的说明 | `hint` | yes |',
      'docs/rules/README.md': '| [`new-rule`](new-rule.md) | 新规则的说明<br>What the new rule checks | `hint` 提示 | 有 yes |',
    };
    for (const file of Object.keys(rows)) {
      assert.deepEqual(lineChanges(textOf(now, file), textOf(next, file)), { added: [rows[file]], removed: [] }, file);
    }
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const { added, removed } = lineChanges(textOf(now, file), textOf(next, file));
      assert.equal(added.length, 1, file);
      assert.deepEqual(removed, [], file);
    }
  });

  test('a rule removed from the registry leaves no setting, nls entry or table row behind', () => {
    const next = generate(read, RULES.slice(1));
    assert.equal(RULES[0].id, 'balance');
    for (const g of next) {
      assert.ok(!/\bbalance\.md\b|configuration\.rules\.balance\b|"balance":/.test(g.text), `${g.file} still lists balance`);
    }
    // The levels' own nls entries stay.
    assert.ok(JSON.parse(textOf(next, 'package.nls.json'))['configuration.rules.off']);
  });

  test('the text outside the generated region is kept; the region is rewritten whatever it holds', () => {
    const readme = read('README.md');
    const edited = readme
      .replace('## Rules', '## Rules (edited by hand)')
      .replace(/(<!-- rules:start -->\n)[^]*?(<!-- rules:end -->)/, '$1| stale table |\n$2');
    const out = textOf(generate((f) => (f === 'README.md' ? edited : read(f))), 'README.md');
    assert.ok(out.includes('## Rules (edited by hand)'));
    assert.ok(!out.includes('| stale table |'));
    assert.equal(out.replace('## Rules (edited by hand)', '## Rules'), readme);
  });

  test('a table file without its markers is an error, not left silently stale', () => {
    const unmarked = read('docs/rules/README.md').replace('<!-- rules:end -->\n', '');
    assert.throws(() => generate((f) => (f === 'docs/rules/README.md' ? unmarked : read(f))), /docs\/rules\/README\.md: expected one <!-- rules:start -->/);
  });
});

describe('rule ids', () => {
  test('RULE_IDS is the registry, in order, each id once and usable as a page name', () => {
    assert.deepEqual(RULE_IDS, RULES.map((r) => r.id));
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
    for (const id of RULE_IDS) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('RuleId is the union of the declared ids, not any string (checked by tsc)', () => {
    const known: RuleId = 'balance';
    // @ts-expect-error no rule declares this id
    const unknown: RuleId = 'no-such-rule';
    assert.ok(RULE_IDS.includes(known));
    assert.ok(!(RULE_IDS as readonly string[]).includes(unknown));
  });
});
