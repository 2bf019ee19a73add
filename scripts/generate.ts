// Writes every text that repeats the list of rules, from the rules themselves (each rule file's
// declaration, in registry order), so that adding a rule touches only its file, its registry line,
// its docs page and its tests (markdownlint's build-config-schema is the model):
//   package.json            nianbao.rules: one property per rule, its enum the setting levels
//   package.nls.json        configuration.rules.<id>: description and default severity, English
//   package.nls.zh-cn.json  the same in Chinese
//   README.md               the rule table between <!-- rules:start --> and <!-- rules:end -->
//   docs/rules/README.md    the rule index, between the same markers
// Everything outside those parts is hand-written and kept as it is.
//
//   npm run generate               rewrites the files that are stale
//   npm run generate -- --check    lists them and exits 1 (test/unit/generated.test.ts does the same in memory)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, type Rule } from '../server/src/core';
import type { Severity } from '../server/src/core/types';
import { RULE_LEVELS } from '../server/src/shared/protocol';

export const ROOT = join(__dirname, '..');

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  text: string;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The generated files' full text, each built from its current text (`read`) with the generated parts replaced. */
export function generate(read: (file: string) => string, rules: readonly Rule<string>[] = RULES): GeneratedFile[] {
  return [
    { file: 'package.json', text: json(settingsSchema(JSON.parse(read('package.json')), rules)) },
    { file: 'package.nls.json', text: json(nlsEntries(JSON.parse(read('package.nls.json')), rules, 'en')) },
    { file: 'package.nls.zh-cn.json', text: json(nlsEntries(JSON.parse(read('package.nls.zh-cn.json')), rules, 'zh-cn')) },
    { file: 'README.md', text: replaceRegion('README.md', read('README.md'), readmeTable(rules)) },
    { file: 'docs/rules/README.md', text: replaceRegion('docs/rules/README.md', read('docs/rules/README.md'), indexTable(rules)) },
  ];
}

/** The generated files whose text on disk differs from what `generate` makes of it. */
export function staleFiles(root = ROOT): string[] {
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  return generate(read)
    .filter((g) => read(g.file) !== g.text)
    .map((g) => g.file);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

// --- package.json -------------------------------------------------------------------------------

interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
}

/** `nianbao.rules`'s properties: one per rule, in registry order, each offering every level. */
function settingsSchema(pkg: Manifest, rules: readonly Rule<string>[]): Manifest {
  const setting = pkg.contributes?.configuration?.properties?.['nianbao.rules'];
  if (!setting) throw new Error('package.json has no contributes.configuration.properties["nianbao.rules"]');
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    properties[rule.id] = {
      type: 'string',
      enum: [...RULE_LEVELS],
      enumDescriptions: RULE_LEVELS.map((level) => `%configuration.rules.${level}%`),
      description: `%configuration.rules.${rule.id}%`,
    };
  }
  setting.properties = properties;
  return pkg;
}

// --- package.nls*.json --------------------------------------------------------------------------

const RULE_KEY = /^configuration\.rules\.([a-z0-9-]+)$/;
const LEVEL_SET = new Set<string>(RULE_LEVELS);

function nlsDescription(rule: Rule<string>, locale: 'en' | 'zh-cn'): string {
  const severity = rule.defaultSeverity;
  return locale === 'en'
    ? `${rule.description.en} (default: ${severity}).`
    : `${rule.description['zh-cn']}（默认：${SEVERITY_ZH[severity]}）。`;
}

/**
 * The nls table with one `configuration.rules.<id>` entry per rule, in registry order, where the
 * first such entry stood (else before the levels' entries); entries of rules that no longer exist go.
 */
function nlsEntries(nls: Record<string, string>, rules: readonly Rule<string>[], locale: 'en' | 'zh-cn'): Record<string, string> {
  const generated = rules.map((rule) => [`configuration.rules.${rule.id}`, nlsDescription(rule, locale)] as const);
  const isRuleKey = (key: string) => {
    const m = RULE_KEY.exec(key);
    return m !== null && !LEVEL_SET.has(m[1]);
  };
  const keys = Object.keys(nls);
  let at = keys.findIndex(isRuleKey);
  if (at < 0) at = keys.indexOf(`configuration.rules.${RULE_LEVELS[0]}`);
  if (at < 0) at = keys.length;
  const out: Record<string, string> = {};
  keys.forEach((key, i) => {
    if (i === at) for (const [k, v] of generated) out[k] = v;
    if (!isRuleKey(key)) out[key] = nls[key];
  });
  if (at === keys.length) for (const [k, v] of generated) out[k] = v;
  return out;
}

// --- Markdown tables ----------------------------------------------------------------------------

/** A table cell: a `|` in a description would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The README's table: English first, pages under docs/rules/. */
function readmeTable(rules: readonly Rule<string>[]): string {
  const rows = rules.map(
    (r) =>
      `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${cell(r.description.en)}<br>${cell(r.description['zh-cn'])} | \`${r.defaultSeverity}\` | ${r.fixable ? 'yes' : 'no'} |`,
  );
  return ['| Rule | What it checks | Default | Fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** docs/rules/README.md's index: Chinese first, pages beside it. */
function indexTable(rules: readonly Rule<string>[]): string {
  const rows = rules.map(
    (r) =>
      `| [\`${r.id}\`](${r.id}.md) | ${cell(r.description['zh-cn'])}<br>${cell(r.description.en)} | \`${r.defaultSeverity}\` ${SEVERITY_ZH[r.defaultSeverity]} | ${r.fixable ? '有 yes' : '无 no'} |`,
  );
  return ['| 规则 Rule | 说明 What it checks | 默认级别 Default | 自动修复 Fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with the lines between the start and end markers replaced by `body`. */
function replaceRegion(file: string, text: string, body: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start || text.indexOf(START, start + 1) >= 0) {
    throw new Error(`${file}: expected one ${START} … ${END} region for the rule table`);
  }
  return `${text.slice(0, start)}${START}\n${body}\n${text.slice(end)}`;
}

// --- command line -------------------------------------------------------------------------------

function main(args: string[]): number {
  const check = args.includes('--check');
  const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
  const stale = generate(read).filter((g) => read(g.file) !== g.text);
  if (check) {
    for (const g of stale) console.error(`${g.file} is stale: run npm run generate`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const g of stale) {
    writeFileSync(join(ROOT, g.file), g.text);
    console.log(`wrote ${g.file}`);
  }
  if (stale.length === 0) console.log('generated files are up to date');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
