// nianbao/extract and nianbao/checkFiles: files read from disk by the server (through the one adapter,
// published.ts), not documents the editor has open. Extract gives the text a .docx/.pdf/.html was read
// as, for the client's read-only view; checkFiles checks many files for the workspace check, each
// with the analysis an open document gets (same settings, same engine), and forgets it afterwards so
// that a workspace of thousands of files leaves nothing behind.
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, summarize, type Locale } from '../core/index';
import { CHECK_FILES_MAX, type CheckedFile, type ExtractResult, type NianbaoSettings, type SourceFormat } from '../shared/protocol';
import type { Analysis } from './analysis';
import { SOURCE } from './convert';
import { readSourceFile, type SourceResult } from './published';
import { resolveLocale } from './settings';

/** Word and PDF files are larger than their text: their own limit, the text's is nianbao.maxFileSize. */
export const PUBLISHED_MAX_BYTES = 64 * 1024 * 1024;

/** What these requests need from the server. */
export interface PublishedHost {
  settings(uri: string): Promise<NianbaoSettings>;
  forgetSettings(uri: string): void;
  /** The analysis of a document (the open one when open, else the one given), null when not a report. */
  analyze(document: TextDocument): Promise<Analysis | null>;
  forgetAnalysis(uri: string): void;
  /** The document the editor has open under that URI, if any: its text wins over the file's. */
  openDocument(uri: string): TextDocument | undefined;
  displayLanguage: string | undefined;
}

const NOT_A_FILE = {
  'zh-cn': '只能读取本机上的文件（file: 地址）。',
  en: 'Only files on this machine (file: URIs) can be read.',
};
const NO_TEXT_LAYER = {
  'zh-cn': '这份 PDF 没有文字层（可能是扫描件），无法检查其中的表格和文字：请取得可复制文字的版本。',
  en: 'This PDF has no text layer (it may be a scan): its tables and text cannot be checked; get a version with selectable text.',
};

export class PublishedFiles {
  constructor(private readonly host: PublishedHost) {}

  async extract(uri: unknown): Promise<ExtractResult> {
    if (typeof uri !== 'string') return { ok: false, message: localize(NOT_A_FILE, 'zh-cn') };
    const locale = await this.locale(uri);
    const source = await this.read(uri);
    if (!source.ok) return { ok: false, message: localize(source.message, locale) };
    return { ok: true, text: source.text, format: source.format, writable: source.writable, scanned: !!source.scanned };
  }

  /** Checks each file in turn (at most CHECK_FILES_MAX); `cancelled()` stops between files. */
  async checkFiles(uris: unknown, cancelled: () => boolean): Promise<CheckedFile[]> {
    const list = Array.isArray(uris) ? uris.filter((u): u is string => typeof u === 'string').slice(0, CHECK_FILES_MAX) : [];
    const files: CheckedFile[] = [];
    for (const uri of list) {
      if (cancelled()) break;
      files.push(await this.checkFile(uri));
    }
    return files;
  }

  private async checkFile(uri: string): Promise<CheckedFile> {
    const none = { uri, message: null, body: null, year: null, edition: null, diagnostics: [] };
    const locale = await this.locale(uri);
    const open = this.host.openDocument(uri);
    if (open) return this.checked(uri, 'text', await this.host.analyze(open));
    const source = await this.read(uri);
    try {
      if (!source.ok) return { ...none, state: 'unreadable', format: null, message: localize(source.message, locale) };
      if (source.scanned) return { ...none, state: 'report', format: source.format, diagnostics: [noTextLayer(locale)] };
      const document = TextDocument.create(uri, languageIdOf(uri, source.format), -1, source.text);
      return this.checked(uri, source.format, await this.host.analyze(document));
    } finally {
      this.host.forgetAnalysis(uri);
      this.host.forgetSettings(uri);
    }
  }

  private checked(uri: string, format: SourceFormat, analysis: Analysis | null): CheckedFile {
    const summary = analysis?.result ? summarize(analysis.result.report) : null;
    return {
      uri,
      state: analysis ? 'report' : 'not-report',
      format,
      message: null,
      body: summary?.body ?? null,
      year: summary?.year ?? null,
      edition: summary ? summary.edition : null,
      diagnostics: analysis ? analysis.diagnostics : [],
    };
  }

  private async read(uri: string): Promise<SourceResult> {
    const file = filePathOf(uri);
    if (!file) return { ok: false, message: NOT_A_FILE };
    const settings = await this.host.settings(uri);
    const binary = /\.(docx?|pdf)$/i.test(file);
    return readSourceFile(file, { maxSize: binary ? PUBLISHED_MAX_BYTES : settings.maxFileSize });
  }

  private async locale(uri: string): Promise<Locale> {
    return resolveLocale((await this.host.settings(uri)).locale, this.host.displayLanguage);
  }
}

/** The local path of a `file:` URI; null for anything else (or a malformed URI). */
export function filePathOf(uri: string): string | null {
  if (typeof uri !== 'string' || !/^file:/i.test(uri)) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The language an editor would give the file: `nianbao` for *.nianbao.txt/md, Markdown, else plain text. */
export function languageIdOf(uri: string, format: SourceFormat): string {
  if (/\.nianbao\.(txt|md)$/i.test(uri)) return 'nianbao';
  return format === 'markdown' ? 'markdown' : 'plaintext';
}

/** A PDF that is only pictures of pages: one finding, not silence. */
function noTextLayer(locale: Locale): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'table-missing',
    source: SOURCE,
    message: localize(NO_TEXT_LAYER, locale),
  };
}
