// Which documents the client hands to the language server. Plain-text and Markdown documents are
// sent too: the server decides (nianbao.detect) whether one is a report and tells the client
// through nianbao/didCheck. No vscode import, so both the client and tests can use it.
import { looksLikeReport } from '../../server/src/core/parse/detect';

export const LANGUAGE_ID = 'nianbao';
export const LANGUAGES = [LANGUAGE_ID, 'plaintext', 'markdown'] as const;
/**
 * The text read from a published file (.docx, .doc, .pdf, .html), shown read-only under a scheme of
 * our own (client/src/extracted.ts): checked like any report, but nothing is ever fixed in it.
 */
export const EXTRACT_SCHEME = 'nianbao-extract';
export const SCHEMES = ['file', 'untitled', EXTRACT_SCHEME] as const;

/** Whether a document is the read-only text of a published file: no fixes are offered on it. */
export function isReadOnly(document: { uri: { scheme: string } }): boolean {
  return document.uri.scheme === EXTRACT_SCHEME;
}

export const DOCUMENT_SELECTOR = LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));

/** Whether a document is one the server may check (the server still decides if it is a report). */
export function isCandidate(document: { languageId: string; uri: { scheme: string } }): boolean {
  return (
    (LANGUAGES as readonly string[]).includes(document.languageId) &&
    (SCHEMES as readonly string[]).includes(document.uri.scheme)
  );
}

/**
 * Whether a document should start the language server: a `nianbao` document, or a plain-text or
 * Markdown one that carries a report title in its first lines (as `nianbao.detect` says). An
 * ordinary .txt never starts the server, so the engine does no work for it.
 */
export function wantsServer(
  document: { languageId: string; uri: { scheme: string }; getText(): string },
  detect: string | undefined,
): boolean {
  if (!isCandidate(document)) return false;
  if (document.languageId === LANGUAGE_ID || detect === 'always') return true;
  if (detect === 'never') return false;
  return looksLikeReport(document.getText());
}
