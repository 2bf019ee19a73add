// Custom protocol between the extension client and the language server, defined once and imported
// by both sides (vscode-eslint's pattern). Standard LSP covers diagnostics, code actions, hover,
// inlay hints, symbols and folding; these are the extras the summary panel and commands need.
// Each message is a typed RequestType / NotificationType: `sendRequest(SummaryRequest, params)` and
// `onRequest(SummaryRequest, handler)` get their parameter and result types from it. The client
// imports the message objects through its lazily loaded languageClient.ts, so that loading the
// protocol library stays out of the extension's activation.
import { NotificationType, RequestType, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import type { ReportSummary } from '../core/summary';
import type { Severity } from '../core/types';

export interface SummaryParams {
  uri: string;
}
export interface SummaryFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based, as LSP. */
  line: number;
  character: number;
}
export interface SummaryResult {
  uri: string;
  version: number | null;
  isReport: boolean;
  summary: ReportSummary | null;
  findings: SummaryFinding[];
}

/** Request `nianbao/summary`: the summary of an open document, for the panel and exports. */
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult, void>('nianbao/summary');

export interface DidCheckParams {
  uri: string;
  version: number | null;
  errors: number;
  warnings: number;
  others: number;
  /** Milliseconds the engine took. */
  elapsed: number;
  /**
   * False when the server looked at the document and decided not to check it (nianbao.detect said
   * it is not a report, or it is too large): the client then hides its status item for it.
   * Absent means true.
   */
  isReport?: boolean;
}

/** Notification `nianbao/didCheck` (server → client) after each check, for the status bar and panel. */
export const DidCheckNotification = new NotificationType<DidCheckParams>('nianbao/didCheck');

/** `initializationOptions` the client sends in the initialize request. */
export interface NianbaoInitializationOptions {
  /** VS Code's display language (`vscode.env.language`, e.g. "zh-cn", "en-US"): resolves nianbao.locale = auto. */
  displayLanguage: string;
  /** Milliseconds between the last keystroke and the check (default 250). */
  debounceMs?: number;
  /**
   * Where the client serves the rule pages: findings link to `<rulePages><rule>.md` (VS Code:
   * `nianbao-rules:/`, shown in the Markdown preview). Without it, to the page's file beside the server.
   */
  rulePages?: string;
}

/** Server command behind "修复全部" (fix all): applies every fix of a document through workspace/applyEdit. */
export const FixAllCommand = 'nianbao.server.fixAll';
/** The single argument of FixAllCommand: the document and the version the fixes were computed for. */
export interface FixAllParams {
  uri: string;
  version: number;
}
/**
 * What FixAllCommand answers: how many findings of each rule its edit fixes (none: nothing to fix), and
 * whether the client applied it. `null` when the version asked for is not the open one.
 */
export interface FixAllResult {
  applied: boolean;
  fixed: { rule: string; count: number }[];
}

/** The values of a rule in `nianbao.rules`, in the order the settings editor offers them (package.json's enum). */
export const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** The settings the server reads (section `nianbao`), one source of truth for package.json. */
export interface NianbaoSettings {
  detect: 'auto' | 'always' | 'never';
  run: 'onType' | 'onSave';
  rules: Record<string, RuleLevel>;
  reportYear: number | null;
  edition: 'auto' | '2019' | '2021';
  inlayHints: 'mismatch' | 'always' | 'off';
  maxFileSize: number;
  /** `zh-cn` by default whatever the editor's language: the reports and their authors are Chinese. */
  locale: 'auto' | 'zh-cn' | 'en';
  /**
   * An organisation's own copy of the rule pages, `{rule}` standing for the rule id
   * (https://docs.example.gov.cn/nianbao/{rule}.html). Empty: the pages shipped with the extension.
   */
  rulesUrl: string;
}

export const DEFAULT_SETTINGS: NianbaoSettings = {
  detect: 'auto',
  run: 'onType',
  rules: {},
  reportYear: null,
  edition: 'auto',
  inlayHints: 'mismatch',
  maxFileSize: 2_000_000,
  locale: 'zh-cn',
  rulesUrl: '',
};

/**
 * The workspace file of dismissed findings, at the root of a workspace folder. The server reads and
 * watches it and passes `ignore` to the engine (CheckOptions.ignore); "忽略此问题" appends to it.
 */
export const IGNORE_FILE_NAME = '.nianbao-ignore.json';
export interface IgnoreEntry {
  rule: string;
  /** The trimmed source line the finding starts on. */
  text: string;
}
export interface IgnoreFile {
  ignore: IgnoreEntry[];
}

/**
 * Node options the extension starts the server with. A small young generation keeps the resident
 * memory of a server with dozens of open reports low (V8 otherwise grows it to 16 MB per space);
 * the benchmark starts the server the same way.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2'];

// ---- Reports as published (.docx, .doc, .pdf, .html) and the workspace check (issue 16, part 2) ----

/** The formats the input layer reads; `text` and `markdown` are the ones an editor can also write back. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'doc' | 'pdf';

/** Request `nianbao/extract`: the text the server reads from a file on disk (a .docx, a .pdf, a web page…). */
export interface ExtractParams {
  /** A `file:` URI: the server reads the file itself, so the client never ships its bytes. */
  uri: string;
}
/** The extracted text, or why there is none (worded in the user's language). */
export type ExtractResult =
  | { ok: true; text: string; format: SourceFormat; writable: boolean; scanned: boolean }
  | { ok: false; message: string };
export const ExtractRequest = new RequestType<ExtractParams, ExtractResult, void>('nianbao/extract');

/** Request `nianbao/checkFiles`: checks files on disk (open or not), for the workspace check. */
export interface CheckFilesParams {
  /** `file:` URIs; at most CHECK_FILES_MAX per request (the client sends batches, to show progress). */
  uris: string[];
}
export const CHECK_FILES_MAX = 200;
/** One file of a workspace check. `report` has findings; `not-report` and `unreadable` have none. */
export interface CheckedFile {
  uri: string;
  state: 'report' | 'not-report' | 'unreadable';
  format: SourceFormat | null;
  /** Why it could not be read (unreadable only), in the user's language. */
  message: string | null;
  body: string | null;
  year: number | null;
  edition: string | null;
  /** LSP diagnostics; their ranges are lines of the text that was read (the extracted text for .docx/.pdf/.html). */
  diagnostics: LspDiagnostic[];
}
export interface CheckFilesResult {
  files: CheckedFile[];
}
export const CheckFilesRequest = new RequestType<CheckFilesParams, CheckFilesResult, void>('nianbao/checkFiles');
