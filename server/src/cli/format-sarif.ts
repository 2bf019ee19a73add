// SARIF 2.1.0 (the OASIS standard; test/data/sarif holds its schema, which the tests validate
// against): one run, the rules in the driver, one result per finding, streamed file by file.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, SEVERITY_OF_SETTING, type Diagnostic, type Locale, type RuleSetting, type Severity, type LineIndex } from '../core';
import { range1, type CheckedFile, type Range1 } from './format-common';

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

// ---- fingerprints -------------------------------------------------------------------------------

/** The key of our fingerprint in `partialFingerprints` (a versioned hierarchical string, SARIF §3.27.17). */
export const FINGERPRINT_KEY = 'nianbaoLineHash/v1';

/** The line a finding starts on, trimmed, its runs of white space made one space. */
function startLineText(lines: LineIndex, offset: number): string {
  const line = lines.lineOf(offset);
  return lines.text.slice(lines.starts[line], lines.lineEnd(line)).trim().replace(/\s+/g, ' ');
}

/**
 * `partialFingerprints` for each finding of a file, so that code-scanning tools (GitHub's, Azure
 * DevOps') know a finding again in the next run: a finding is "the same" when its rule and the text of
 * the line it starts on are the same, wherever that line has moved.
 *
 *   nianbaoLineHash/v1 = hex(sha256(rule id + "\0" + start line's text))[0..16] + ":" + occurrence
 *
 * The line's text is trimmed and its white space collapsed (re-indenting is not a change). The
 * occurrence (1, 2, …) counts the findings of this file before it with the same rule and line text,
 * in output order (by position): one-cell-per-line tables repeat lines such as "0", and one line can
 * hold two findings of a rule. No line number and no message enter the hash, so inserting or editing
 * text elsewhere in the file leaves it unchanged (a message quotes figures that edits elsewhere
 * change). What still changes it: editing that line, or adding an equal finding above it.
 */
export function fingerprints(lines: LineIndex, diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const d of diagnostics) {
    const hash = createHash('sha256').update(`${d.rule}\0${startLineText(lines, d.start)}`).digest('hex').slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    out.push(`${hash}:${occurrence}`);
  }
  return out;
}

// ---- the document -------------------------------------------------------------------------------

export function sarifChunk(file: CheckedFile): string {
  const artifact = artifactLocation(file.path);
  const prints = fingerprints(file.lines, file.diagnostics);
  return file.diagnostics
    .map((d, i) =>
      JSON.stringify({
        ruleId: d.rule,
        ruleIndex: RULE_INDEX.get(d.rule),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(range1(file.lines, d.start, d.end)) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
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

/**
 * A rule's page as shipped with the command line (docs/rules beside dist/), read offline; none when
 * the pages are not there (a copy of the bundle alone). No web address is given that nobody serves.
 */
export function rulePageUri(id: string): string | undefined {
  const page = path.join(__dirname, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

export function sarifHeader(context: { locale: Locale; version: string }): string {
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

/** --rule settings as SARIF configuration overrides (the rules' defaults stay in the driver). */
function ruleOverrides(rules: Partial<Record<string, RuleSetting>>) {
  return Object.entries(rules).flatMap(([id, setting]) => {
    const index = RULE_INDEX.get(id);
    if (index === undefined || !setting) return [];
    const configuration = setting === 'off' ? { enabled: false } : { level: SARIF_LEVEL[SEVERITY_OF_SETTING[setting]] };
    return [{ descriptor: { id, index }, configuration }];
  });
}

export function sarifFooter(unreadable: readonly { path: string; error: string }[], rules: Partial<Record<string, RuleSetting>>): string {
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
