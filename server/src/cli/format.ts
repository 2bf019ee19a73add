// The three output formats. Each file's part is formatted where it was checked (in a worker when
// there are workers), so the main thread only writes strings in order: `fileChunk` gives one file's
// part, `streamHeader`/`joiner`/`streamFooter` wrap the parts into the whole document.
//
// Positions are 1-based lines and columns, columns in UTF-16 code units (as LSP counts them, so a
// CJK character counts 1 and an emoji 2); the end is exclusive (the column after the last character).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { RULES, SEVERITY_OF_SETTING, type Diagnostic, type Locale, type RuleSetting, type Severity, LineIndex } from '../core';
import type { ReportSummary } from '../core';
import type { OutputFormat } from './args';
import type { FixChange } from './changes';

export interface Range1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function range1(lines: LineIndex, start: number, end: number): Range1 {
  const a = lines.positionAt(start);
  const b = lines.positionAt(end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** Everything a formatter needs about one checked file. */
export interface CheckedFile {
  path: string;
  lines: LineIndex;
  diagnostics: Diagnostic[];
  summary: Pick<ReportSummary, 'title' | 'body' | 'year' | 'edition'> | null;
  fixed: boolean;
  /** What --fix changed (or --fix-dry-run would change); empty otherwise. */
  changes: FixChange[];
  /** Why --fix did not write the file. */
  unwritten?: string;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

// ---- what people read: text output and stderr ---------------------------------------------------

/**
 * Characters that would let a file name, or report text quoted in a message, forge or hide output in
 * a terminal: C0 and C1 controls (line breaks, ESC), DEL, the line and paragraph separators, and the
 * marks and controls of bidirectional text (which reorder what is shown).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const hex = c.charCodeAt(0).toString(16);
  return c.charCodeAt(0) < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** Text with every unprintable character written as an escape (\n, \x1b, \u202e). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/**
 * A path as shown on one line of text: as it is, unless it holds an unprintable character; then in
 * double quotes with C escapes (as git shows such names), so that it cannot pass for another line.
 */
export function shownPath(file: string): string {
  if (!HAS_UNPRINTABLE.test(file)) return file;
  return `"${printable(file.replace(/["\\]/g, '\\$&'))}"`;
}

function textChunk(file: CheckedFile): string {
  let out = '';
  const shown = shownPath(file.path);
  for (const d of file.diagnostics) {
    const p = file.lines.positionAt(d.start);
    out += `${shown}:${p.line + 1}:${p.character + 1} ${d.severity} ${d.rule} ${printable(oneLine(d.message))}\n`;
  }
  return out;
}

/** At most this many characters of a changed text are shown. */
const CHANGE_SHOWN = 40;

function clipped(text: string): string {
  if (!text) return '""'; // an insertion, or a deletion
  const one = printable(text);
  return one.length > CHANGE_SHOWN ? `${one.slice(0, CHANGE_SHOWN)}…` : one;
}

/** One change of --fix, for stderr: `file:61  7 → 12  将 行政复议 · 总计 改为 12`. */
export function changeLine(file: string, change: FixChange): string {
  const what = `${shownPath(file)}:${change.line}  ${clipped(change.before)} → ${clipped(change.after)}`;
  return change.title ? `${what}  ${printable(oneLine(change.title))}` : what;
}

// ---- json ---------------------------------------------------------------------------------------

function jsonChunk(file: CheckedFile): string {
  return JSON.stringify({
    path: file.path,
    report: file.summary,
    ...(file.fixed ? { fixed: true } : {}),
    ...(file.changes.length ? { changes: file.changes } : {}),
    ...(file.unwritten ? { unwritten: file.unwritten } : {}),
    diagnostics: file.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      ...range1(file.lines, d.start, d.end),
      message: d.message,
      fix: d.fix
        ? {
            title: d.fix.title,
            edits: d.fix.edits.map((e) => ({ ...range1(file.lines, e.start, e.end), newText: e.newText })),
          }
        : null,
    })),
  });
}

// ---- sarif --------------------------------------------------------------------------------------

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export const RULE_INDEX = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

/** Where the results' relative paths are rooted (the working directory). */
export const SRCROOT = '%SRCROOT%';

/** SARIF artifact location: a relative URI against %SRCROOT% for relative paths, a file: URL otherwise. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]+/).filter((s) => s !== '.').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function sarifRegion(r: Range1) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function sarifChunk(file: CheckedFile): string {
  const artifact = artifactLocation(file.path);
  return file.diagnostics
    .map((d) =>
      JSON.stringify({
        ruleId: d.rule,
        ruleIndex: RULE_INDEX.get(d.rule),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(range1(file.lines, d.start, d.end)) } }],
        ...(d.related.length
          ? {
              relatedLocations: d.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation: artifact, region: sarifRegion(range1(file.lines, r.start, r.end)) },
              })),
            }
          : {}),
        ...(d.fix
          ? {
              fixes: [
                {
                  description: { text: d.fix.title },
                  artifactChanges: [
                    {
                      artifactLocation: artifact,
                      replacements: d.fix.edits.map((e) => ({
                        deletedRegion: sarifRegion(range1(file.lines, e.start, e.end)),
                        insertedContent: { text: e.newText },
                      })),
                    },
                  ],
                },
              ],
            }
          : {}),
      }),
    )
    .join(',');
}

// ---- one file, and the document around the files ------------------------------------------------

export function fileChunk(format: OutputFormat, file: CheckedFile): string {
  if (format === 'json') return jsonChunk(file);
  if (format === 'sarif') return sarifChunk(file);
  return textChunk(file);
}

/** The part of an unreadable file (text and SARIF report it on stderr and in notifications instead). */
export function errorChunk(format: OutputFormat, file: string, error: string): string {
  return format === 'json' ? JSON.stringify({ path: file, error }) : '';
}

/**
 * A rule's page as shipped with the command line (docs/rules beside dist/), read offline; none when
 * the pages are not there (a copy of the bundle alone). No web address is given that nobody serves.
 */
export function rulePageUri(id: string): string | undefined {
  const page = path.join(__dirname, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

export function streamHeader(
  format: OutputFormat,
  context: { locale: Locale; version: string },
): string {
  if (format === 'json') return '{"files":[';
  if (format !== 'sarif') return '';
  const rules = RULES.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description[context.locale] },
    helpUri: rulePageUri(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  }));
  const run = {
    tool: {
      driver: {
        name: 'nianbao',
        version: context.version,
        informationUri: 'https://github.com/nianbao/nianbao',
        language: context.locale === 'en' ? 'en-US' : 'zh-CN',
        rules,
      },
    },
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd() + path.sep).href } },
  };
  const head = JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  });
  // Leave the run open after its last property so the results can be streamed in.
  return `${head.slice(0, -3)},"results":[`;
}

/** Separator between two non-empty chunks. */
export function joiner(format: OutputFormat): string {
  return format === 'text' ? '' : ',';
}

/** --rule settings as SARIF configuration overrides (the rules' defaults stay in the driver). */
function ruleOverrides(rules: Partial<Record<string, RuleSetting>>) {
  return Object.entries(rules).flatMap(([id, setting]) => {
    const index = RULE_INDEX.get(id);
    if (index === undefined || !setting) return [];
    const configuration = setting === 'off' ? { enabled: false } : { level: SARIF_LEVEL[SEVERITY_OF_SETTING[setting]] };
    return [{ descriptor: { id, index }, configuration }];
  });
}

export function streamFooter(
  format: OutputFormat,
  unreadable: { path: string; error: string }[],
  rules: Partial<Record<string, RuleSetting>>,
  /** The json "crossYear" member's value (cli/crossyear.ts), when the run compared years. */
  crossYearJson = '',
): string {
  if (format === 'json') return crossYearJson ? `],"crossYear":${crossYearJson}}\n` : ']}\n';
  if (format !== 'sarif') return '';
  const overrides = ruleOverrides(rules);
  const invocation = {
    executionSuccessful: unreadable.length === 0,
    ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
    toolExecutionNotifications: unreadable.map((u) => ({
      level: 'error',
      message: { text: u.error },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.path) } }],
    })),
  };
  return `],"invocations":[${JSON.stringify(invocation)}]}]}\n`;
}
