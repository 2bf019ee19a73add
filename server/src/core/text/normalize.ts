// A same-length normalized copy of the text: traditional → simplified (character for character, from
// OpenCC's TSCharacters table), full-width ASCII → half-width, ideographic space → space; then what
// is not the report (pinyin inserted by mirror sites, injected spam: text/pollution.ts) blanked.
// Because every character maps to exactly one UTF-16 unit, an offset in the normalized text is an
// offset in the source: the parser matches on the copy and reports spans in the original.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { isNoise } from './chars';
import { removals } from './pollution';

/** For every BMP code unit, its normalized unit (0 where it maps to itself). Built on first use. */
let table: Uint16Array | undefined;
/**
 * One bit per unit that `table` changes (8 KB). The loops test it first: the 128 KB table, read at
 * every Chinese character of a report, missed the processor's first-level cache, and most characters
 * (simplified text) change nothing.
 */
let changes: Int32Array | undefined;

function changesOf(t: Uint16Array): Int32Array {
  const bits = new Int32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) if (t[c] !== 0) bits[c >>> 5] |= 1 << (c & 31);
  return bits;
}

function build(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (const entry of (TS_CHARACTERS as string).split('|')) {
    const [from, to] = entry.split(' ');
    // Keep only BMP → BMP mappings so that lengths are preserved.
    if (from && to && from.length === 1 && to.length === 1) t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  // Variants the table leaves alone but mirror sites use in these reports.
  for (const [from, to] of [
    ['裏', '里'],
    ['綫', '线'],
    ['衆', '众'],
  ] as const) {
    t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0; // full-width ASCII
  t[0x3000] = 0x20; // ideographic space
  t[0xa0] = 0x20;
  return t;
}

// Every platform VS Code runs on is little-endian, so a Uint16Array's bytes are UTF-16LE. Node's
// Buffer turns them into a string by copying (and keeps a lone surrogate as it is); TextDecoder, the
// fallback outside Node, is slower on long texts and replaces a lone surrogate with U+FFFD.
const NODE_BUFFER = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const UTF16 = new TextDecoder('utf-16le');

function fromUtf16(units: Uint16Array): string {
  if (NODE_BUFFER) return NODE_BUFFER.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  return UTF16.decode(units);
}

// The two loops are functions of their own that end with their loop. A long text gets its loop
// compiled while it runs (on-stack replacement) before any code after the loop has ever run; V8
// keeps that code and re-enters it on later long texts, where, compiled without feedback for the
// code after the loop, it bailed out every time (170 times per worker on the bench's corpus).

/** Index of the first unit that normalizes to another, or the text's length. */
function firstChanged(text: string, bits: Int32Array): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (((bits[c >>> 5] >>> (c & 31)) & 1) !== 0) return i;
  }
  return n;
}

function mapUnits(text: string, t: Uint16Array, bits: Int32Array): Uint16Array {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    out[j] = ((bits[c >>> 5] >>> (c & 31)) & 1) === 0 ? c : t[c];
  }
  return out;
}

/** Units → string. Short strings (labels) are cheaper to build directly than through the decoder. */
function decode(units: Uint16Array): string {
  return units.length <= 1024 ? String.fromCharCode.apply(null, units as unknown as number[]) : fromUtf16(units);
}

/** The units of a string, to change some of them. */
function unitsOf(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The text with every character mapped (traditional → simplified, full-width → half-width). */
export function normalizeChars(text: string): string {
  const t = (table ??= build());
  const bits = (changes ??= changesOf(t));
  if (firstChanged(text, bits) === text.length) return text;
  // Something changes: map every unit into one buffer and decode it once (a traditional report
  // changes thousands of characters; joining slices around each would cost more than the mapping).
  return decode(mapUnits(text, t, bits));
}

/**
 * The normalized text every reader works on: characters mapped, then pinyin groups and spam
 * blanked with their markers (REMOVED_PINYIN, REMOVED_SPAM), which read as whitespace everywhere.
 */
export function normalize(text: string): string {
  const t = (table ??= build());
  const bits = (changes ??= changesOf(t));
  const units = firstChanged(text, bits) === text.length ? null : mapUnits(text, t, bits);
  const mapped = units ? decode(units) : text;
  // Pollution is found on the mapped text (traditional spam reads as simplified) and, being rare,
  // blanked in a second pass over the same buffer.
  const removed = removals(mapped);
  if (removed.length === 0) return mapped;
  const out = units ?? unitsOf(mapped);
  for (const r of removed) out.fill(r.marker, r.start, r.end);
  return decode(out);
}

/**
 * A compact key of a piece of normalized text for label matching: noise removed, with the source
 * offset of every key character (so a match in the key maps back to the text).
 */
export function compactKey(norm: string, start: number, end: number): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    if (isNoise(norm.charCodeAt(i))) continue;
    key += norm[i];
    offsets.push(i);
  }
  return { key, offsets };
}

export function compact(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isNoise(s.charCodeAt(i))) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
