// What a report author meets first, in a VS Code whose display language is English (this workbench:
// code-server has no Chinese language pack offline), tried as a new user would (issue 15): Chinese
// findings, hovers, fixes, status and panel by default and English ones on request, switched without
// a reload; every command found by 年报 and by Nianbao; no unicode box on full-width punctuation; the
// style rules listed in the Problems panel; a finding's link opening its rule page offline; the
// walkthrough; the log. What the API cannot show (the palette, the Problems panel, decorations, the
// status bar, notifications) is read from the workbench page by the launcher (askPage/pageWhen).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  askPage,
  canReadPage,
  canReadWebviews,
  codeOf,
  diagnosticsWhen,
  pageWhen,
  pollUntil,
  screenshot,
  waitForEvent,
  webviewTextWhen,
  workspaceFile,
} from './helpers';
import { CIXI, EXTENSION_ID, closeEverything, extension, freshCopy, has, removeLater, show, withRule } from './nianbao';

const HAN = /[\u4e00-\u9fff]/;
/** A finding's message without the report's own words (quoted “…”): what is left is Nianbao's wording. */
const ownWords = (message: string) => message.replace(/“[^”]*”/g, '');
/** The finding on cixi's first heading, "1、 总体情况" (line 4). */
const firstHeading = (d: readonly vscode.Diagnostic[]) => d.find((x) => codeOf(x) === 'section-numbering' && x.range.start.line === 3);
/** The four rules about style, listed in the Problems panel as information (hints are not listed there). */
const STYLE_RULES = ['row-label', 'cell-malformed', 'foreign-text', 'section-heading'];

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function fixTitles(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<string[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
  return actions.map((a) => a.title);
}

/** 表三's 一、本年新收 total in cixi (one cell per line): the first "103" after its label. */
function receivedTotal(document: vscode.TextDocument): vscode.Position {
  let line = 0;
  while (!document.lineAt(line).text.includes('一、本年新收')) line++;
  while (document.lineAt(line).text.trim() !== '103') line++;
  return new vscode.Position(line, document.lineAt(line).text.indexOf('103'));
}

/** The Markdown preview of a page served under nianbao-rules:, if it is open. */
function previewTab(page: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === `nianbao-rules:/${page}`);
}

/** Every command as the palette shows it in this (English) workbench: "category: title". */
function paletteLabels(): string[] {
  const root = extension().extensionPath;
  const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const text = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key]);
  const { commands, menus } = extension().packageJSON.contributes as {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
  // Commands that need an argument (nianbao.checkFile: the Explorer's file) are kept out of the palette.
  const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  return commands.filter((c) => !hidden.has(c.command)).map((c) => `${text(c.category)}: ${text(c.title)}`);
}

describe('Nianbao for a report author, in an English VS Code', () => {
  afterEach(closeEverything);

  it('@vsix speaks Chinese by default; nianbao.locale en re-words findings, hovers, fixes, status and panel at once', async function () {
    this.timeout(150_000);
    assert.match(vscode.env.language, /^en/, 'this workbench is in English, as VS Code on an office PC often is');
    const uri = await freshCopy(CIXI, `locale/${CIXI}`);
    const document = (await show(uri)).document;
    let diagnostics = await diagnosticsWhen(uri, (d) => !!firstHeading(d), 'the finding on "1、 总体情况"');
    assert.match(firstHeading(diagnostics)!.message, /^部分标题“1、 总体情况”用了阿拉伯数字编号/);
    assert.match(await hoverText(uri, receivedTotal(document)), /应为 103/);
    assert.ok((await fixTitles(uri, firstHeading(diagnostics)!)).includes('改为“一、”'));
    await vscode.commands.executeCommand('nianbao.showSummary');
    if (canReadWebviews()) await webviewTextWhen((t) => t.includes('发现的问题') && t.includes('部分标题'), 'the summary panel in Chinese');
    if (canReadPage()) await pageWhen<string>({ op: 'text', selector: '.statusbar' }, (t) => /年报 \d+ ✗/.test(t), 'the status item in Chinese');
    await screenshot('locale-zh-cn');

    const config = vscode.workspace.getConfiguration('nianbao');
    await config.update('locale', 'en', vscode.ConfigurationTarget.Global);
    try {
      // The same document, not reopened, not reloaded: only the setting changed.
      diagnostics = await diagnosticsWhen(
        uri,
        (d) => !!firstHeading(d) && !HAN.test(ownWords(firstHeading(d)!.message)),
        'the finding in English',
      );
      assert.match(firstHeading(diagnostics)!.message, /“1、 总体情况”/, 'the report’s own words stay quoted as written');
      assert.match(await hoverText(uri, receivedTotal(document)), /should be 103/);
      assert.ok((await fixTitles(uri, firstHeading(diagnostics)!)).includes('Change to “一、”'));
      if (canReadWebviews()) {
        await webviewTextWhen((t) => t.includes('Findings') && !t.includes('发现的问题') && /Section heading|numbered/i.test(t), 'the summary panel in English');
      }
      if (canReadPage()) await pageWhen<string>({ op: 'text', selector: '.statusbar' }, (t) => /Nianbao \d+ ✗/.test(t), 'the status item in English');
      await screenshot('locale-en');
    } finally {
      await config.update('locale', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(uri, (d) => /^部分标题/.test(firstHeading(d)?.message ?? ''), 'Chinese again once the setting is removed');
  });

  it('the command palette finds every command by 年报 and by Nianbao', async function () {
    if (!canReadPage()) this.skip();
    const uri = await freshCopy(CIXI, `palette/${CIXI}`);
    await show(uri);
    await diagnosticsWhen(uri, (d) => !!firstHeading(d), 'the report to be checked');
    // The report commands are offered for a checked report: wait until the status item says it is one.
    await pageWhen<string>({ op: 'text', selector: '.statusbar' }, (t) => /年报 \d+ ✗/.test(t), 'the status item');
    const labels = paletteLabels();
    assert.equal(labels.length, 7);
    for (const query of ['年报', 'Nianbao']) {
      await vscode.commands.executeCommand('workbench.action.quickOpen', `>${query}`);
      try {
        await pageWhen<string>(
          { op: 'text', selector: '.quick-input-widget' },
          (t) => labels.every((label) => t.includes(label)),
          `every command in the palette for ">${query}" (${labels.join(' | ')})`,
        );
        if (query === '年报') await screenshot('command-palette');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
    }
  });

  it('no unicode highlight box on full-width punctuation in a *.nianbao.txt, and the prose wraps', async function () {
    if (!canReadPage()) this.skip();
    const uri = workspaceFile('unicode/punctuation.nianbao.txt');
    removeLater(workspaceFile('unicode'));
    removeLater(workspaceFile('.vscode'));
    const text = '2023年，本机关（本级）共收到政府信息公开申请103件；其中，自然人102件、法人或其他组织1件。\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await show(uri);
    assert.equal(editor.document.languageId, 'nianbao');
    const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'nianbao' });
    assert.equal(editorConfig().get('wordWrap'), 'on');
    assert.equal(editorConfig().get('unicodeHighlight.ambiguousCharacters'), false);

    // The control: with the highlighting turned on for this language the same text shows boxes, so
    // counting them below can see a box when there is one.
    const boxes = { op: 'count', selector: '.monaco-editor .unicode-highlight' } as const;
    await editorConfig().update('unicodeHighlight.ambiguousCharacters', true, vscode.ConfigurationTarget.Workspace, true);
    try {
      await pageWhen<number>(boxes, (n) => n > 0, 'boxes around "，" once the highlighting is on');
    } finally {
      await editorConfig().update('unicodeHighlight.ambiguousCharacters', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
    await pageWhen<number>(boxes, (n) => n === 0, 'no box with the extension’s defaults');
    await screenshot('full-width-punctuation');
  });

  // Fails until the four style rules default to information (issue 15, item 3: their rule files are
  // changed when the branches are merged); hints are never listed in the Problems panel.
  it('the four style rules are listed in the Problems panel, as information', async function () {
    // cixi (its row label "本年新收到…") with web-page debris, a "00" and a non-standard heading added.
    const original = fs.readFileSync(workspaceFile(CIXI).fsPath, 'utf8').split('\n');
    original.splice(1, 0, '发布日期：2024-01-20　　浏览次数：123');
    let text = original.join('\n').replace('五、存在的主要问题及改进情况', '五、存在问题及下一步工作打算');
    const received = text.indexOf('二、上年结转');
    const zero = text.indexOf('\t0\n', received);
    text = `${text.slice(0, zero)}\t00\n${text.slice(zero + 3)}`;
    const uri = workspaceFile('style/cixi-style.txt');
    removeLater(workspaceFile('style'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await show(uri);
    const diagnostics = await diagnosticsWhen(uri, (d) => STYLE_RULES.every((rule) => has(d, rule)), `a finding of each of ${STYLE_RULES.join(', ')}`);
    for (const rule of STYLE_RULES) {
      for (const d of withRule(diagnostics, rule)) assert.equal(d.severity, vscode.DiagnosticSeverity.Information, `${rule} at line ${d.range.start.line + 1}`);
    }
    if (!canReadPage()) return;
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await pageWhen<string>(
      { op: 'text', selector: '.markers-panel' },
      (t) => STYLE_RULES.every((rule) => t.includes(rule)),
      `the Problems panel to list ${STYLE_RULES.join(', ')}`,
    );
    await screenshot('problems-information');
  });

  it("@vsix a finding's rule name opens the rule's page, shipped with the extension, in the Markdown preview", async () => {
    const uri = await freshCopy(CIXI, `links/${CIXI}`);
    await show(uri);
    const diagnostics = await diagnosticsWhen(uri, (d) => !!firstHeading(d), 'the finding on "1、 总体情况"');
    const code = firstHeading(diagnostics)!.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), 'nianbao-rules:/section-numbering.md', 'a page of the extension, not a web address');
    const opened = waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => !!previewTab('section-numbering.md'), 30_000, 'the rule page in the Markdown preview');
    if (canReadPage()) {
      // A real click on the rule name in the Problems panel, as the user does.
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await pageWhen<number>({ op: 'count', selector: '.markers-panel a.monaco-link' }, (n) => n > 0, 'the rule links in the Problems panel');
      await askPage({ op: 'click', selector: '.markers-panel a.monaco-link', text: 'section-numbering' });
    } else {
      await vscode.commands.executeCommand('vscode.open', code.target);
    }
    if (previewTab('section-numbering.md')) opened.catch(() => undefined);
    else await opened;
    const tab = previewTab('section-numbering.md')!;
    assert.equal((tab.input as vscode.TabInputCustom).viewType, 'vscode.markdown.preview.editor');
    if (canReadWebviews()) {
      await webviewTextWhen((t) => t.includes('部分与小节的编号连续'), 'the rule page rendered (its Chinese summary)');
    }
    await screenshot('rule-page');
  });

  it('@vsix the rule list and the example report open from their commands', async () => {
    await vscode.commands.executeCommand('nianbao.showRules');
    await pollUntil(() => !!previewTab('README.md'), 20_000, 'the rule list in the Markdown preview');
    if (canReadWebviews()) await webviewTextWhen((t) => t.includes('section-numbering') && t.includes('默认级别'), 'the rule list rendered');

    const opened = waitForEvent(
      vscode.workspace.onDidOpenTextDocument,
      (d) => d.languageId === 'nianbao' && d.uri.scheme === 'untitled',
      20_000,
      'nianbao.openExample to open the example as a new document',
    );
    await vscode.commands.executeCommand('nianbao.openExample');
    const example = await opened;
    assert.match(example.getText(), /^清水县清溪镇人民政府2023年政府信息公开工作年度报告/);
    // An example with defects to try the walkthrough on: its wrong year is found.
    await diagnosticsWhen(example.uri, (d) => has(d, 'year-mismatch'), 'the example’s wrong year');
  });

  it('@vsix the walkthrough is listed, with its six steps, in Chinese', async function () {
    if (!canReadPage()) this.skip();
    await vscode.commands.executeCommand('welcome.showAllWalkthroughs');
    try {
      await pageWhen<string>({ op: 'text', selector: '.quick-input-widget' }, (t) => t.includes('年报入门'), 'the walkthrough among all walkthroughs');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#nianbao.start`, false);
    const steps = ['打开或新建一份年报', '查看发现的问题', '修复一个问题', '修复全部', '打开摘要', '配置规则'];
    await pageWhen<string>({ op: 'text' }, (t) => steps.every((step) => t.includes(step)), `the walkthrough's steps (${steps.join(', ')})`);
    await screenshot('walkthrough');
  });

  it('the Nianbao output channel says what was checked: version, server start, settings, each report', async function () {
    const signals = process.env.NIANBAO_TEST_SIGNALS;
    if (!signals) this.skip(); // the desktop launcher's logs are not in a known place
    const uri = await freshCopy(CIXI, `log/${CIXI}`);
    await show(uri);
    await diagnosticsWhen(uri, (d) => !!firstHeading(d), 'the report to be checked');
    // code-server keeps each output channel's log under the profile's logs folder.
    const logs = path.join(path.dirname(signals!), 'user-data', 'logs');
    const version = extension().packageJSON.version as string;
    const expected = [
      `Nianbao ${version} activated`,
      `Nianbao language server ${version} started`,
      'settings in force',
      `checked ${CIXI} v1: 2021 edition, year 2023 (title)`,
    ];
    let text = '';
    await pollUntil(
      () => {
        text = findFiles(logs, /Nianbao\.log$/).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
        return expected.every((line) => text.includes(line));
      },
      20_000,
      `the log to hold ${expected.join(' | ')}`,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; it holds: ${text.slice(-1500)}`);
    });
  });
});

function findFiles(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? findFiles(full, name) : name.test(entry.name) ? [full] : [];
  });
}
