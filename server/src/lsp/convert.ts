// Engine values (UTF-16 offsets, severities as words) → LSP values (line/character, enums). The rule
// link (codeDescription) is added where diagnostics are sent (lsp/ruleLinks.ts): it depends on the client.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { type Diagnostic, type LineIndex, type Severity, type Span, type TextEdit } from '../core/index';

export const SOURCE = 'nianbao';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a published diagnostic carries back to the server in code action requests. */
export interface DiagnosticData {
  /** Document version the diagnostic was computed for. */
  version: number;
  /** Index into that version's engine diagnostics. */
  index: number;
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit), newText: edit.newText };
}

export function toLspDiagnostic(uri: string, version: number, lines: LineIndex, d: Diagnostic, index: number): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: toRange(lines, d),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.rule,
    source: SOURCE,
    message: d.message,
    data: { version, index } satisfies DiagnosticData,
  };
  if (d.related.length > 0) {
    diagnostic.relatedInformation = d.related.map((r) => ({
      location: { uri, range: toRange(lines, r) },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'information';
  }
}
