// Reports as published, in a real VS Code: 年报：检查工作区全部报告 puts every report of a folder into
// the Problems panel (its own collection, keyed by the file), and 年报：检查此文件 on a web page shows
// the text read from it, read-only, with its findings and no fixes. The folder holds a .txt, a .md
// and an .html copy of the fixtures, and the same reports published as .docx and .pdf
// (test/data/sources, copied into the workspace's published-files/ by the test launcher).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, listDiagnostics, workspaceFile } from './helpers';
import { CIXI, SUSHUI, XIAOCAOE, closeEverything, extension, removeLater } from './nianbao';

/** A web page as a CMS publishes a plain report: the text in a <pre>, the markup on lines of its own. */
function asWebPage(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年报</title></head><body><pre>\n${escaped}\n</pre></body></html>\n`;
}

/** The folder's reports: file name → (fixture, how it is published, a rule it must be found to break). */
const PUBLISHED: { name: string; fixture: string; make: (text: string) => string; rule: string }[] = [
  { name: 'published/cixi.txt', fixture: CIXI, make: (t) => t, rule: 'section-numbering' },
  { name: 'published/sushui.md', fixture: SUSHUI, make: (t) => t, rule: 'year-mismatch' },
  { name: 'published/xiaocaoe.html', fixture: XIAOCAOE, make: asWebPage, rule: 'section-missing' },
];

/** Word and PDF files as published: read by the server's input layer, their findings on lines of the text read. */
const BINARY: { name: string; rule: string }[] = [
  { name: 'published-files/2023-xiaocaoe-town.docx', rule: 'balance' },
  { name: 'published-files/2023-sushui-town.pdf', rule: 'year-mismatch' },
  { name: 'published-files/2023-xiaocaoe-town.scanned.pdf', rule: 'table-missing' },
];

interface WorkspaceCheck {
  files: { uri: string; state: string }[];
  cancelled: boolean;
  summary: string;
}

describe('reports as published, and the whole workspace', () => {
  before(async () => {
    await extension().activate();
    const folder = workspaceFile('published');
    await vscode.workspace.fs.createDirectory(folder);
    removeLater(folder);
    for (const report of PUBLISHED) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(report.fixture)));
      await vscode.workspace.fs.writeFile(workspaceFile(report.name), new TextEncoder().encode(report.make(text)));
    }
  });
  after(() => closeEverything());

  it('年报：检查工作区全部报告 puts every report of the folder into the Problems panel, and nothing for notes.txt', async () => {
    const result = await vscode.commands.executeCommand<WorkspaceCheck>('nianbao.checkWorkspace');
    assert.ok(result, 'the command answers with what it checked');
    assert.equal(result.cancelled, false);
    for (const report of PUBLISHED) {
      const uri = workspaceFile(report.name);
      assert.equal(result.files.find((f) => f.uri === uri.toString())?.state, 'report', report.name);
      const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === report.rule), `${report.rule} on ${report.name}`);
      assert.ok(diagnostics.every((d) => d.source === 'nianbao'), listDiagnostics(diagnostics));
    }
    for (const report of BINARY) {
      const uri = workspaceFile(report.name);
      assert.equal(result.files.find((f) => f.uri === uri.toString())?.state, 'report', report.name);
      await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === report.rule), `${report.rule} on ${report.name}`);
    }
    // A web page's lines are those of the text read from it: each finding links there.
    const page = vscode.languages.getDiagnostics(workspaceFile('published/xiaocaoe.html'));
    for (const d of page) {
      assert.equal(d.relatedInformation?.[0]?.location.uri.scheme, 'nianbao-extract', `${codeOf(d)} links to the extracted text`);
    }
    assert.equal(result.files.find((f) => f.uri === workspaceFile('notes.txt').toString())?.state, 'not-report');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceFile('notes.txt')), []);
    assert.match(result.summary, /已检查 \d+ 个文件/);
  });

  it('年报：检查此文件 on a web page shows its text read-only, with its findings and no fixes', async () => {
    const page = workspaceFile('published/xiaocaoe.html');
    const shown = await vscode.commands.executeCommand<string | null>('nianbao.checkFile', page);
    assert.ok(shown, 'the command answers with the view it opened');
    const view = vscode.Uri.parse(shown, true);
    assert.equal(view.scheme, 'nianbao-extract');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), shown);
    const diagnostics = await diagnosticsWhen(view, (d) => d.some((x) => codeOf(x) === 'section-missing'), 'section-missing on the extracted text');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      view,
      diagnostics[0].range,
    );
    assert.deepEqual((actions ?? []).map((a) => a.title), [], 'no fixes on a read-only text');
    // Opening it moved its findings from the workspace check's entry to the live view.
    assert.deepEqual(
      vscode.languages.getDiagnostics(page).filter((d) => d.source === 'nianbao'),
      [],
    );
  });
});
