// What the input layer gives back for one file: the text the engine checks, or why there is none.
import type { DecodedText } from './decode';
import type { SourceFormat } from './formats';
import type { Bilingual } from './messages';

export interface SourceText {
  ok: true;
  /** What the engine checks; findings are lines and columns of this text. */
  text: string;
  format: SourceFormat;
  /** The text is the file itself (encoding kept), so fixes may be written back. */
  writable: boolean;
  /** For text files: the encoding and BOM found, for writing back. */
  decoded?: DecodedText;
  /** PDF: the page count, and the line of `text` each page starts on (0-based). */
  pages?: number;
  pageStarts?: number[];
  /** PDF with no text layer (a scanned image): nothing can be checked; see `scannedFinding`. */
  scanned?: boolean;
}

export type SourceProblem =
  /** Text and HTML: not text at all (decode.ts's reasons). */
  | 'nul-bytes'
  | 'control-chars'
  | 'undecodable'
  /** The bytes are not a file of the format its name says (or the reader gave up on them). */
  | 'unreadable';

export interface SourceFailure {
  ok: false;
  problem: SourceProblem;
  format: SourceFormat;
  /** Why, in both languages ('unreadable' only; the text reasons are worded by the caller). */
  message?: Bilingual;
}

export type SourceResult = SourceText | SourceFailure;

/** What the readers return (before the layer adds format and writability). */
export type HtmlReading = { ok: true; text: string } | { ok: false; reason: 'nul-bytes' | 'control-chars' | 'undecodable' };
export type PdfReading =
  | { ok: true; text: string; pages: number; pageStarts: number[]; scanned: boolean }
  | { ok: false; reason: 'password' }
  | { ok: false; reason: 'invalid'; detail: string };
