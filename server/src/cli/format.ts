// The three output formats. Each file's part is formatted where it was checked (in a worker when
// there are workers), so the main thread only writes strings in order: `fileChunk` gives one file's
// part, `streamHeader`/`joiner`/`streamFooter` wrap the parts into the whole document.
//
// Positions are 1-based lines and columns, columns in UTF-16 code units (as LSP counts them, so a
// CJK character counts 1 and an emoji 2); the end is exclusive (the column after the last character).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, SEVERITY_OF_SETTING, ruleDocsUrl, type Diagnostic, type Locale, type RuleSetting, type Severity, LineIndex } from '../core';
import type { ReportSummary } from '../core';
import type { OutputFormat } from './args';

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
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

// ---- text ---------------------------------------------------------------------------------------

function textChunk(file: CheckedFile): string {
  let out = '';
  for (const d of file.diagnostics) {
    const p = file.lines.positionAt(d.start);
    out += `${file.path}:${p.line + 1}:${p.character + 1} ${d.severity} ${d.rule} ${oneLine(d.message)}\n`;
  }
  return out;
}

// ---- json ---------------------------------------------------------------------------------------

function jsonChunk(file: CheckedFile): string {
  return JSON.stringify({
    path: file.path,
    report: file.summary,
    ...(file.fixed ? { fixed: true } : {}),
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

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const RULE_INDEX = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

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


export function streamHeader(
  format: OutputFormat,
  context: { locale: Locale; version: string },
): string {
  if (format === 'json') return '{"files":[';
  if (format !== 'sarif') return '';
  const rules = RULES.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description[context.locale] },
    helpUri: ruleDocsUrl(rule.id),
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
): string {
  if (format === 'json') return ']}\n';
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
