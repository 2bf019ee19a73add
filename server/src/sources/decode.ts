// Bytes → text and back. Reports are saved by Word, WPS and web pages in UTF-8 (with or without BOM),
// UTF-16 with a BOM, or GB18030/GBK; the text is kept exactly as decoded (line endings included) so
// that offsets match the file, and `--fix` can write it back in the same encoding.
import { isUtf8, transcode } from 'node:buffer';
import { encodeGb18030 } from './gb18030';

export const ENCODINGS = ['utf8', 'gb18030', 'gbk', 'utf16le', 'utf16be'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

/** How messages name the encodings. */
export const ENCODING_DISPLAY: Record<EncodingName, string> = {
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  gbk: 'GBK',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
};

/** WHATWG labels for TextDecoder. */
const LABEL: Record<EncodingName, string> = {
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gbk',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

const BOMS: Record<'utf8' | 'utf16le' | 'utf16be', number[]> = {
  utf8: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
};

export interface DecodedText {
  text: string;
  encoding: EncodingName;
  bom: boolean;
  /** Some bytes were not valid in the encoding and became U+FFFD: writing back would damage them. */
  lossy: boolean;
}

export type DecodeResult =
  | ({ ok: true } & DecodedText)
  | { ok: false; reason: 'nul-bytes' | 'control-chars' | 'undecodable' };

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function bomOf(bytes: Uint8Array): 'utf8' | 'utf16le' | 'utf16be' | null {
  if (startsWith(bytes, BOMS.utf8)) return 'utf8';
  if (startsWith(bytes, BOMS.utf16le)) return 'utf16le';
  if (startsWith(bytes, BOMS.utf16be)) return 'utf16be';
  return null;
}

/** Strict decoding; null when a byte sequence is invalid in the encoding. */
function tryDecode(bytes: Uint8Array, encoding: EncodingName): string | null {
  if (encoding === 'utf8' && bytes.length <= FAST_UTF8_BYTES && HAS_FAST_UTF8) return strictUtf8(bytes);
  try {
    return new TextDecoder(LABEL[encoding], { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Up to this size UTF-8 is decoded by `strictUtf8`. Above it, Node would make the string an external
 * one (unlike TextDecoder's), and the decoding is a small part of checking a text that long anyway.
 */
const FAST_UTF8_BYTES = 256 * 1024;
// Some Electron builds (VS Code runs the language server on Electron's Node) have no `transcode`.
const HAS_FAST_UTF8 = typeof transcode === 'function' && typeof isUtf8 === 'function';

/**
 * Strict UTF-8, as TextDecoder's fatal mode decodes it, five times faster on Node 20 (a 12 KB report:
 * 8 µs instead of 45; a batch run decodes every file): the bytes are validated (isUtf8 rejects what
 * the fatal mode rejects: overlong forms, surrogates, truncated sequences), converted to UTF-16 by
 * ICU, and copied into a string. A leading BOM is kept, as with `ignoreBOM`.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const units = transcode(bytes, 'utf8', 'ucs2');
  return units.toString('ucs2');
}

function decodeAs(bytes: Uint8Array, encoding: EncodingName): { text: string; lossy: boolean } {
  const strict = tryDecode(bytes, encoding);
  if (strict !== null) return { text: strict, lossy: false };
  return { text: new TextDecoder(LABEL[encoding], { ignoreBOM: true }).decode(bytes), lossy: true };
}

/**
 * Text files have (almost) no C0 control characters besides tab, line breaks and form feed.
 * A NUL anywhere, or more than 10% control characters in the first 64K, means binary.
 */
function binaryReason(text: string): 'nul-bytes' | 'control-chars' | null {
  if (text.includes('\0')) return 'nul-bytes';
  // Most texts have none at all: one native search settles that before the count.
  if (!CONTROL.test(text)) return null;
  const n = Math.min(text.length, 65536);
  return n > 0 && controlsIn(text, n) / n > 0.1 ? 'control-chars' : null;
}

/** A C0 control but tab, line breaks and form feed, or DEL: what controlsIn counts. */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

/**
 * C0 controls (but tab, line breaks, form feed) and DEL among the first `n` units. A function that
 * ends with its loop (see normalize): code after a loop compiled on-stack during the first file
 * made V8 bail out on every later file (1,251 times in one worker's share of the bench corpus).
 */
function controlsIn(text: string, n: number): number {
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0x7f) controls++;
  }
  return controls;
}

/**
 * Decodes a file's bytes. With `forced`, that encoding is used (a matching BOM is still dropped);
 * otherwise: a BOM decides; then NUL bytes mean binary; then valid UTF-8; then valid GB18030.
 */
export function decodeBytes(bytes: Uint8Array, forced?: EncodingName): DecodeResult {
  const bom = bomOf(bytes);
  let encoding: EncodingName;
  let hasBom = false;
  let decoded: { text: string; lossy: boolean };

  if (forced) {
    encoding = forced;
    const family = forced === 'gbk' || forced === 'gb18030' ? null : forced;
    hasBom = family !== null && bom === family;
    decoded = decodeAs(hasBom ? bytes.subarray(BOMS[family!].length) : bytes, encoding);
  } else if (bom) {
    encoding = bom;
    hasBom = true;
    decoded = decodeAs(bytes.subarray(BOMS[bom].length), encoding);
  } else {
    if (bytes.includes(0)) return { ok: false, reason: 'nul-bytes' };
    const utf8 = tryDecode(bytes, 'utf8');
    const gb = utf8 === null ? tryDecode(bytes, 'gb18030') : null;
    if (utf8 !== null) {
      encoding = 'utf8';
      decoded = { text: utf8, lossy: false };
    } else if (gb !== null) {
      encoding = 'gb18030';
      decoded = { text: gb, lossy: false };
    } else {
      return { ok: false, reason: binaryReason(new TextDecoder('utf-8').decode(bytes)) ?? 'undecodable' };
    }
  }
  const binary = binaryReason(decoded.text);
  if (binary) return { ok: false, reason: binary };
  return { ok: true, text: decoded.text, encoding, bom: hasBom, lossy: decoded.lossy };
}

/** Text → bytes in the file's original encoding; null when a character cannot be represented. */
export function encodeText(text: string, how: { encoding: EncodingName; bom: boolean }): Buffer | null {
  let body: Buffer | null;
  switch (how.encoding) {
    case 'utf8':
      body = Buffer.from(text, 'utf8');
      break;
    case 'utf16le':
      body = Buffer.from(text, 'utf16le');
      break;
    case 'utf16be':
      body = Buffer.from(text, 'utf16le').swap16();
      break;
    case 'gb18030':
    case 'gbk':
      body = encodeGb18030(text);
      break;
  }
  if (!body) return null;
  // Never write what would not read back the same (lone surrogates, unmapped characters).
  if (decodeAs(body, how.encoding).text !== text) return null;
  if (!how.bom || how.encoding === 'gb18030' || how.encoding === 'gbk') return body;
  return Buffer.concat([Buffer.from(BOMS[how.encoding]), body]);
}
