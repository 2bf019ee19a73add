// Reports as published (.docx, .doc, .pdf, and web pages): the server reads the file and answers with
// its text (nianbao/extract); the client shows that text as a read-only document under its own scheme,
// `nianbao-extract:/path/report.docx.txt`. Being a plain-text document of a scheme in the language
// client's selector, it gets findings, hovers, inlay hints and the summary panel like any report, and
// no fixes (languageClient.ts filters them: the text cannot be written back into a Word file).
//
// Opening a .docx/.doc/.pdf goes through a custom editor (package.json customEditors) that is only a
// doorway: it shows "reading…", opens the extracted text in its place and closes itself; when the
// file cannot be read, it stays and says why. A user who clicks a report thus lands in a text editor
// with its findings, not in a webview that mimics one.
import * as vscode from 'vscode';
import type { ExtractResult } from '../../server/src/shared/protocol';
import { messages, type Locale } from './i18n';
import { escapeHtml } from './escapeHtml';
import { EXTRACT_SCHEME } from './selector';

/** The read-only view of a file's text: same authority and path, `.txt` added (plain-text language). */
export function extractedUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: EXTRACT_SCHEME, path: `${file.path}.txt` });
}

/** The file behind an extracted view. */
export function sourceOf(extracted: vscode.Uri): vscode.Uri {
  return extracted.with({ scheme: 'file', path: extracted.path.replace(/\.txt$/, '') });
}

/** The formats shown through the extracted view rather than as the file itself. */
export function isPublishedFile(uri: vscode.Uri): boolean {
  return /\.(docx?|pdf|html?)$/i.test(uri.path);
}

export type OpenOutcome = { ok: true; editor: vscode.TextEditor } | { ok: false; message: string };

export class ExtractedDocuments implements vscode.TextDocumentContentProvider {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  /** Text just read by `open`, handed to VS Code's first request for it (not read twice). */
  private readonly fresh = new Map<string, string>();

  constructor(
    private readonly extract: (fileUri: string) => Promise<ExtractResult>,
    private readonly locale: () => Locale,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const text = this.fresh.get(key);
    if (text !== undefined) {
      this.fresh.delete(key);
      return text;
    }
    // A view restored with the window, or reloaded: read the file again.
    const result = await this.extract(sourceOf(uri).toString());
    if (!result.ok) throw new Error(result.message);
    return result.text;
  }

  /** Reads `file` through the server and shows its text (read again if it is already open). */
  async open(file: vscode.Uri, options: vscode.TextDocumentShowOptions = {}): Promise<OpenOutcome> {
    const result = await this.extract(file.toString());
    if (!result.ok) return result;
    if (result.scanned && result.text.trim() === '') return { ok: false, message: messages(this.locale()).extractScanned };
    const uri = extractedUri(file);
    this.fresh.set(uri.toString(), result.text);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) this.changes.fire(uri);
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    return { ok: true, editor: await vscode.window.showTextDocument(document, options) };
  }

  dispose(): void {
    this.changes.dispose();
    this.fresh.clear();
  }
}

/** The custom editor of .docx/.doc/.pdf: a doorway to the extracted text (see the top of this file). */
export class PublishedEditor implements vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'nianbao.published';
  /** The same editor for .pdf, contributed as an option only (see package.json and the report). */
  static readonly pdfViewType = 'nianbao.publishedPdf';

  constructor(
    private readonly documents: ExtractedDocuments,
    private readonly locale: () => Locale,
  ) {}

  static register(documents: ExtractedDocuments, locale: () => Locale): vscode.Disposable[] {
    const editor = new PublishedEditor(documents, locale);
    return [
      vscode.workspace.registerTextDocumentContentProvider(EXTRACT_SCHEME, documents),
      vscode.window.registerCustomEditorProvider(PublishedEditor.viewType, editor),
      vscode.window.registerCustomEditorProvider(PublishedEditor.pdfViewType, editor),
      documents,
    ];
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const m = messages(this.locale());
    panel.webview.options = { enableScripts: false, enableCommandUris: false };
    panel.webview.html = doorwayHtml(this.locale(), m.extractReading, document.uri.path.split('/').pop() ?? '');
    let outcome: OpenOutcome;
    try {
      outcome = await this.documents.open(document.uri, { viewColumn: panel.viewColumn, preview: true });
    } catch (error) {
      outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.ok) panel.dispose();
    else panel.webview.html = doorwayHtml(this.locale(), outcome.message, document.uri.path.split('/').pop() ?? '');
  }
}

/** The doorway's page: a file name and one sentence, no script, nothing loaded. */
export function doorwayHtml(locale: Locale, sentence: string, fileName: string): string {
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>${escapeHtml(fileName)}</title>
</head>
<body>
<h1>${escapeHtml(fileName)}</h1>
<p>${escapeHtml(sentence)}</p>
</body>
</html>`;
}
