// package.json's contributions against the code: the settings schema cannot drift from
// NianbaoSettings / DEFAULT_SETTINGS (checked at compile time by tsc and at run time here), every
// rule id has its setting, every %nls% key exists in both languages, the files named exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, RULE_LEVELS, type NianbaoSettings } from '../../server/src/shared/protocol';
import { RULE_IDS } from '../../server/src/core';
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
const enumsAreExact: { [K in keyof typeof ENUMS]: Equals<(typeof ENUMS)[K][number], NianbaoSettings[K]> } = {
  detect: true,
  run: true,
  edition: true,
  inlayHints: true,
  locale: true,
};
const othersAreExact: [Equals<NianbaoSettings['reportYear'], number | null>, Equals<NianbaoSettings['maxFileSize'], number>] = [true, true];
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
  rulesUrl: 'string',
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

// The rule properties are written by scripts/generate.ts (test/unit/generated.test.ts checks they are current).
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
  assert.equal(nlsZh['command.showSummary'], '显示摘要');
});

const COMMANDS = [
  'nianbao.showSummary',
  'nianbao.newReport',
  'nianbao.exportSummary',
  'nianbao.fixAll',
  'nianbao.openExample',
  'nianbao.showRules',
  'nianbao.checkFile',
  'nianbao.checkWorkspace',
];
const nls = (table: Record<string, string>, value: string) => value.replace(/^%(.+)%$/, (_, key: string) => table[key]);

test('commands: activation events, registered by the client', () => {
  assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command), COMMANDS);
  for (const c of pkg.contributes.commands) assert.equal(c.category, '%command.category%');
  assert.deepEqual(pkg.activationEvents, [
    'onLanguage:nianbao',
    'onLanguage:plaintext',
    'onLanguage:markdown',
    ...COMMANDS.map((id) => `onCommand:${id}`),
    // A rule page left open when VS Code restarts is served by the extension (client/src/rulePages.ts).
    'onFileSystem:nianbao-rules',
    // Word and PDF files open through the custom editor; their extracted text is served under its scheme.
    'onCustomEditor:nianbao.published',
    'onCustomEditor:nianbao.publishedPdf',
    'onFileSystem:nianbao-extract',
  ]);
  const source = readFileSync(join(root, 'client/src/nianbao.ts'), 'utf8');
  for (const id of COMMANDS) assert.ok(source.includes(`command('${id}'`), `registered: ${id}`);
});

test('every command is found by typing 年报 or Nianbao, whatever the display language', () => {
  // The command palette matches "category: title": one of them carries both words in each language.
  for (const [language, table] of [['en', nlsEn], ['zh-cn', nlsZh]] as const) {
    for (const c of pkg.contributes.commands as { command: string; title: string; category: string }[]) {
      const label = `${nls(table, c.category)}: ${nls(table, c.title)}`;
      assert.match(label, /年报/, `${language} ${c.command}: ${label}`);
      assert.match(label, /Nianbao/i, `${language} ${c.command}: ${label}`);
    }
  }
});

test('nianbao.locale is Chinese by default, whatever VS Code speaks', () => {
  assert.equal(properties['nianbao.locale'].default, 'zh-cn');
  assert.equal(DEFAULT_SETTINGS.locale, 'zh-cn');
});

test('editor defaults for reports: no unicode boxes on full-width punctuation, wrapped prose, no word completion', () => {
  const defaults = pkg.contributes.configurationDefaults['[nianbao]'];
  // VS Code ships the same two for [plaintext] and [markdown]; a report is Chinese prose too.
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
  // Otherwise every Chinese character is boxed in an untrusted workspace.
  assert.equal(defaults['editor.unicodeHighlight.nonBasicASCII'], false);
  assert.equal(defaults['editor.wordWrap'], 'on');
  assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
});

test('rule pages: the nianbao-rules scheme opens in the Markdown preview, and the pages ship', () => {
  assert.deepEqual(pkg.contributes.configurationDefaults['workbench.editorAssociations'], {
    'nianbao-rules:/**': 'vscode.markdown.preview.editor',
  });
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  for (const needed of ['!docs/rules/*.md', '!media/walkthrough/*.md', '!examples/2023-qingxi-town.txt']) {
    assert.ok(ignore.includes(needed), `.vscodeignore lets in ${needed}`);
  }
  for (const id of RULE_IDS) assert.ok(existsSync(join(root, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`);
});

test('the walkthrough: six steps, each with its page and a way to mark it done; its commands exist', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  assert.equal(walkthrough.id, 'nianbao.start');
  assert.deepEqual(
    walkthrough.steps.map((step: { id: string }) => step.id),
    ['open', 'findings', 'fixOne', 'fixAll', 'summary', 'configure'],
  );
  const ours = new Set(COMMANDS);
  for (const step of walkthrough.steps as { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[]) {
    assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
    assert.ok(step.completionEvents.length > 0, `${step.id} can be completed`);
    for (const table of [nlsEn, nlsZh]) {
      const text = nls(table, step.description);
      assert.match(text, /[\u4e00-\u9fff]/, `${step.id} is written in Chinese in every language`);
      for (const [, command] of text.matchAll(/\]\(command:([\w.]+)/g)) {
        if (command.startsWith('nianbao.')) assert.ok(ours.has(command), `${step.id} runs ${command}, which exists`);
      }
    }
  }
  // The rule list is one click away from the walkthrough.
  assert.match(nlsZh['walkthrough.configure.description'], /command:nianbao\.showRules/);
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

test('the client hands nianbao, plain-text and Markdown documents (file, untitled, extracted text) to the server', () => {
  assert.deepEqual(
    DOCUMENT_SELECTOR.map((s) => `${s.language}:${s.scheme}`),
    [
      'nianbao:file',
      'nianbao:untitled',
      'nianbao:nianbao-extract',
      'plaintext:file',
      'plaintext:untitled',
      'plaintext:nianbao-extract',
      'markdown:file',
      'markdown:untitled',
      'markdown:nianbao-extract',
    ],
  );
});

test('published formats: Word opens in the extracted view by default, PDF only on request; the Explorer offers 检查此文件', () => {
  const editors = pkg.contributes.customEditors as { viewType: string; selector: { filenamePattern: string }[]; priority: string }[];
  assert.deepEqual(
    editors.map((e) => [e.viewType, e.selector.map((s) => s.filenamePattern), e.priority]),
    [
      ['nianbao.published', ['*.docx', '*.doc'], 'default'],
      // Not "default": it would compete with any PDF viewer the user has, for every PDF, report or not.
      ['nianbao.publishedPdf', ['*.pdf'], 'option'],
    ],
  );
  const [menu] = pkg.contributes.menus['explorer/context'];
  assert.equal(menu.command, 'nianbao.checkFile');
  const extname = new RegExp(menu.when.match(/resourceExtname =~ \/(.+)\/i/)[1], 'i');
  for (const ext of ['.docx', '.DOC', '.pdf', '.html', '.htm']) assert.ok(extname.test(ext), ext);
  for (const ext of ['.txt', '.md', '.docm', '.pdfx']) assert.ok(!extname.test(ext), ext);
  assert.equal(nlsZh['command.checkFile'], '检查此文件');
  assert.equal(nlsZh['command.checkWorkspace'], '检查工作区全部报告');
  // The command needs a file: not in the palette.
  assert.ok(pkg.contributes.menus.commandPalette.some((m: { command: string; when: string }) => m.command === 'nianbao.checkFile' && m.when === 'false'));
});
