// One analysis per (document, version): decide whether the document is a report at all, enforce the
// size limit, run the engine, convert its findings. Hover, inlay hints, code actions, symbols and the
// summary all read this cache, so an unchanged document is never parsed twice.
import { performance } from 'node:perf_hooks';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, looksLikeReport, type CheckResult, type Locale, type RuleId } from '../core/index';
import { evaluateArithmetic, type Arithmetic } from '../core/index';
import type { NianbaoSettings } from '../shared/protocol';
import { SOURCE, toLspDiagnostic } from './convert';
import { tableCells, type CellInfo } from './cells';
import type { IgnoreStore } from './ignoreFile';
import { formatBytes, t } from './messages';
import { checkOptionsOf, resolveLocale, type SettingsStore } from './settings';
import { identityOf } from '../core/crossyear/profile';
import { withPreviousYear, type PreviousYearFinder } from './previousYear';

export interface Analysis {
  uri: string;
  version: number;
  languageId: string;
  settings: NianbaoSettings;
  locale: Locale;
  /** `too-large`: over nianbao.maxFileSize, one notice and no engine run. */
  kind: 'report' | 'too-large';
  /** The engine's result (null when too large). */
  result: CheckResult | null;
  diagnostics: LspDiagnostic[];
  /** Milliseconds the engine took. */
  elapsed: number;
  /** 表三/表四 relations, evaluated on first use. */
  arithmetic(): Arithmetic;
  /** The tables' numbers with their names, sorted by position, built on first use. */
  cells(): CellInfo[];
}

/** Which documents are checked: `nianbao` always; plain text and Markdown by setting and by content. */
export function isCandidate(languageId: string, detect: NianbaoSettings['detect'], text: string): boolean {
  if (languageId === 'nianbao') return true;
  if (languageId !== 'plaintext' && languageId !== 'markdown') return false;
  if (detect === 'never') return false;
  return detect === 'always' || looksLikeReport(text);
}

/** UTF-8 size, computed only when it could matter (a UTF-16 unit is at most 3 UTF-8 bytes). */
function exceeds(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > maxBytes ? bytes : null;
}

export class Analyzer {
  private generation = 0;
  private readonly cache = new Map<string, { version: number; generation: number; analysis: Promise<Analysis | null> }>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly ignore: IgnoreStore,
    private readonly editorLocale: string | undefined,
    private readonly onRuleError: (rule: RuleId, error: unknown) => void,
    private readonly onError: (name: string, error: unknown) => void,
    /** Finds last year's report in the document's folder (cross-year rules); none in tests that do not need it. */
    private readonly previousYear?: PreviousYearFinder,
  ) {}

  /** The analysis of the document as it is now; null when the document is not checked. */
  get(document: TextDocument): Promise<Analysis | null> {
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version && hit.generation === this.generation) return hit.analysis;
    // TextDocuments updates documents in place: take the text and version now, before any await.
    const analysis = this.analyze(document.uri, document.languageId, document.version, document.getText());
    this.cache.set(document.uri, { version: document.version, generation: this.generation, analysis });
    return analysis;
  }

  /** Settings or the ignore file changed: every analysis is out of date. */
  invalidateAll(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async analyze(uri: string, languageId: string, version: number, text: string): Promise<Analysis | null> {
    const settings = await this.settings.get(uri);
    if (!isCandidate(languageId, settings.detect, text)) return null;
    const locale = resolveLocale(settings.locale, this.editorLocale);
    const base = { uri, version, languageId, settings, locale };

    const size = exceeds(text, settings.maxFileSize);
    if (size !== null) {
      const firstLineEnd = text.search(/\r|\n/);
      const end = Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 1000);
      const notice: LspDiagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: t(locale, 'tooLarge', { size: formatBytes(size), limit: formatBytes(settings.maxFileSize) }),
      };
      return { ...base, kind: 'too-large', result: null, diagnostics: [notice], elapsed: 0, arithmetic: () => ({ relations: [] }), cells: () => [] };
    }

    const ignore = await this.ignore.entriesFor(uri);
    const started = performance.now();
    const options = { ...checkOptionsOf(settings, locale), ignore, onRuleError: this.onRuleError };
    let result = check(text, options);
    if (this.previousYear && !result.report.notAReport) {
      const previous = this.previousYear.lookup(uri, identityOf(result.report));
      if (previous) result = withPreviousYear(result, previous, options);
    }
    const elapsed = performance.now() - started;
    const diagnostics = result.diagnostics.map((d, i) => toLspDiagnostic(uri, version, result.lines, d, i));
    let arithmetic: Arithmetic | undefined;
    let cells: CellInfo[] | undefined;
    return {
      ...base,
      kind: 'report',
      result,
      diagnostics,
      elapsed,
      arithmetic: () => {
        if (!arithmetic) {
          try {
            arithmetic = evaluateArithmetic(result.report);
          } catch (error) {
            this.onError('evaluateArithmetic', error);
            arithmetic = { relations: [] };
          }
        }
        return arithmetic;
      },
      cells: () => (cells ??= tableCells(result.report, locale)),
    };
  }
}
