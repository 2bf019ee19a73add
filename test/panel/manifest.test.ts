// package.json's contributions against the code: the settings schema cannot drift from
// NianbaoSettings / DEFAULT_SETTINGS (checked at compile time by tsc and at run time here), every
// rule id has its setting, every %nls% key exists in both languages, the files named exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type NianbaoSettings } from '../../server/src/shared/protocol';
import { RULE_IDS } from '../../server/src/core/types';
import { DOCUMENT_SELECTOR } from '../../client/src/selector';

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const pkg = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsZh: Record<string, string> = read('package.nls.zh-cn.json');

// --- compile time: these lists are exactly the unions of NianbaoSettings (tsc fails otherwise) ---
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const ENUMS = {
  detect: ['auto', 'always', 'never'],
  run: ['onType', 'onSave'],
  edition: ['auto', '2019', '2021'],
  inlayHints: ['mismatch', 'always', 'off'],
  locale: ['auto', 'zh-cn', 'en'],
} as const;
const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
const enumsAreExact: { [K in keyof typeof ENUMS]: Equals<(typeof ENUMS)[K][number], NianbaoSettings[K]> } = {
  detect: true,
  run: true,
  edition: true,
  inlayHints: true,
  locale: true,
};
const othersAreExact: [
  Equals<(typeof RULE_LEVELS)[number], NianbaoSettings['rules'][string]>,
  Equals<NianbaoSettings['reportYear'], number | null>,
  Equals<NianbaoSettings['maxFileSize'], number>,
] = [true, true, true];
/** JSON-schema type of every setting; a new key in NianbaoSettings fails tsc until it is listed. */
const TYPES: Record<keyof NianbaoSettings, string | string[]> = {
  detect: 'string',
  run: 'string',
  rules: 'object',
  reportYear: ['integer', 'null'],
  edition: 'string',
  inlayHints: 'string',
  maxFileSize: 'integer',
  locale: 'string',
};
void enumsAreExact;
void othersAreExact;

const properties: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

// The display language is a per-user choice, not a per-folder one; every other setting may differ per folder.
const SCOPES: Partial<Record<keyof NianbaoSettings, string>> = { locale: 'application' };

test('one setting per key of NianbaoSettings, with its default, type, enum and scope', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(DEFAULT_SETTINGS).map((k) => `nianbao.${k}`).sort());
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof NianbaoSettings)[]) {
    const p = properties[`nianbao.${key}`];
    assert.deepEqual(p.default, DEFAULT_SETTINGS[key], `default of nianbao.${key}`);
    assert.deepEqual(p.type, TYPES[key], `type of nianbao.${key}`);
    assert.equal(p.scope, SCOPES[key] ?? 'resource', `scope of nianbao.${key}`);
    if (key in ENUMS) {
      const values = p.enum as unknown[];
      assert.deepEqual(values, [...ENUMS[key as keyof typeof ENUMS]], `enum of nianbao.${key}`);
      assert.equal((p.enumDescriptions as unknown[]).length, values.length);
    }
  }
});

test('nianbao.rules lists every rule id with the severity levels, and nothing else', () => {
  const rules = properties['nianbao.rules'] as { properties: Record<string, { enum: string[]; description: string }>; additionalProperties: boolean };
  assert.deepEqual(Object.keys(rules.properties), [...RULE_IDS]);
  for (const id of RULE_IDS) assert.deepEqual(rules.properties[id].enum, [...RULE_LEVELS], id);
  assert.equal(rules.additionalProperties, false);
});

test('every %key% of the manifest is translated in both nls files, and no key is unused', () => {
  const used = new Set([...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(used.size > 40);
  for (const key of used) {
    assert.ok(nlsEn[key]?.trim(), `package.nls.json: ${key}`);
    assert.ok(nlsZh[key]?.trim(), `package.nls.zh-cn.json: ${key}`);
  }
  assert.deepEqual(Object.keys(nlsEn).sort(), [...used].sort());
  assert.deepEqual(Object.keys(nlsZh).sort(), [...used].sort());
  assert.equal(nlsZh['command.category'], '年报');
  assert.equal(nlsZh['command.showSummary'], '显示摘要');
});

test('commands: category 年报, activation events, registered by the client', () => {
  const ids = ['nianbao.showSummary', 'nianbao.newReport', 'nianbao.exportSummary', 'nianbao.fixAll'];
  assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command), ids);
  for (const c of pkg.contributes.commands) assert.equal(c.category, '%command.category%');
  assert.deepEqual(pkg.activationEvents, [
    'onLanguage:nianbao',
    'onLanguage:plaintext',
    'onLanguage:markdown',
    ...ids.map((id) => `onCommand:${id}`),
  ]);
  const source = readFileSync(join(root, 'client/src/nianbao.ts'), 'utf8');
  for (const id of ids) assert.ok(source.includes(`command('${id}'`), `registered: ${id}`);
});

test('language, grammar, icon and capabilities', () => {
  const [language] = pkg.contributes.languages;
  assert.equal(language.id, 'nianbao');
  assert.equal(language.aliases[0], '政府信息公开年报');
  assert.deepEqual(language.extensions, ['.nianbao.txt', '.nianbao.md']);
  assert.ok(existsSync(join(root, language.configuration)));
  const [grammar] = pkg.contributes.grammars;
  assert.equal(grammar.scopeName, 'text.nianbao');
  assert.equal(read(grammar.path).scopeName, 'text.nianbao');
  assert.ok(existsSync(join(root, pkg.icon)));
  assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  assert.deepEqual(pkg.extensionKind, ['workspace']);
});

test('the client hands nianbao, plain-text and Markdown documents (file, untitled) to the server', () => {
  assert.deepEqual(
    DOCUMENT_SELECTOR.map((s) => `${s.language}:${s.scheme}`),
    ['nianbao:file', 'nianbao:untitled', 'plaintext:file', 'plaintext:untitled', 'markdown:file', 'markdown:untitled'],
  );
});
