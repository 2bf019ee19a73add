// Matching table labels. A label is read from one or more text tokens (it may wrap over cells and
// lines); its compact key drops whitespace and Markdown, bracketed annotations and quotes, and keeps
// the source offset of every character so a match maps back to the text.
import { isNoise } from '../text/chars';
import { StringMemo } from '../text/memo';
import type { Token } from './cells';
import type { TableRow } from '../model';

export interface LabelKey {
  key: string;
  /** Source offset of each key character. */
  offsets: number[];
  /** Index (into the token list) of the token each key character came from. */
  tokenOf: number[];
}

const NUMERAL = /^[一二三四五六七八九十\d]{1,3}$/;

/** The compact key of a run of text tokens, without bracketed annotations. */
export function labelKey(tokens: Token[], norm: string): LabelKey {
  let key = '';
  const offsets: number[] = [];
  const tokenOf: number[] = [];
  let brackets = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let from = -1;
    for (let j = t.start; j <= t.end; j++) {
      // Runs of kept characters are appended as slices; noise (spaces, Markdown) is skipped.
      if (j < t.end && !isNoise(norm.charCodeAt(j))) {
        if (from < 0) from = j;
        offsets.push(j);
        tokenOf.push(i);
        const c = norm.charCodeAt(j);
        if (c === 0x28 || c === 0x5b || c === 0x3010) brackets = true;
        continue;
      }
      if (from >= 0) key += norm.slice(from, j);
      from = -1;
    }
  }
  const k = { key, offsets, tokenOf };
  return brackets ? dropAnnotations(k) : k;
}

/**
 * Removes "(…)" groups that are annotations, not numbering: "(区分处理的,只计这一情形,不计其他情形)",
 * "(本列数据的勾稽关系为…)". An unclosed "(" at the end (a wrapped annotation) is dropped to the end.
 */
export function dropAnnotations(k: LabelKey): LabelKey {
  let key = '';
  const offsets: number[] = [];
  const tokenOf: number[] = [];
  let i = 0;
  while (i < k.key.length) {
    const ch = k.key[i];
    if (ch === '(' || ch === '[' || ch === '【') {
      const close = ch === '(' ? ')' : ch === '[' ? ']' : '】';
      const j = k.key.indexOf(close, i + 1);
      const inner = k.key.slice(i + 1, j < 0 ? k.key.length : j);
      if (!NUMERAL.test(inner) && (inner.length >= 2 || j < 0)) {
        i = j < 0 ? k.key.length : j + 1;
        continue;
      }
    }
    key += ch;
    offsets.push(k.offsets[i]);
    tokenOf.push(k.tokenOf[i]);
    i++;
  }
  return { key, offsets, tokenOf };
}

/** Numbering in front of a label: 一、 (一) 1. 1、 (1) ① … */
export const LEADING_NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.,:]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、,:]|[①-⑳])/;

// Reports repeat the same labels: remember reductions.
const CANONICAL = new StringMemo<string>();

/** A label reduced for comparison with the standard: no numbering, annotations or punctuation. */
export function canonicalLabel(s: string): string {
  return CANONICAL.get(s, reduceLabel);
}

function reduceLabel(s: string): string {
  let k = s.replace(/[\s*|#`_~“”"'‘’「」『』]/g, '');
  k = k.replace(/（/g, '(').replace(/）/g, ')');
  k = dropAnnotations({ key: k, offsets: [...k].map((_, i) => i), tokenOf: [...k].map(() => 0) }).key;
  k = k.replace(LEADING_NUMBERING, '');
  return k.replace(/[、，,。.:：;；!！?？]/g, '');
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/**
 * Finds `anchor` in `key` at or after `from`. A weak anchor (/^其他$/, /^总计$/, /^规章$/) must match a
 * whole token, numbering aside: "其他" inside "其他法律行政法规禁止公开" is not the row 3.其他.
 */
export function findAnchor(k: LabelKey, anchor: RegExp, from: number, weak: boolean): { index: number; end: number } | null {
  if (!weak) {
    let re = GLOBAL.get(anchor);
    if (!re) GLOBAL.set(anchor, (re = new RegExp(anchor.source, 'g')));
    re.lastIndex = from;
    const m = re.exec(k.key);
    return m ? { index: m.index, end: m.index + m[0].length } : null;
  }
  // Weak: test each token's own key separately, anchored at its end.
  const seen = new Set<number>();
  for (let i = from; i < k.key.length; i++) {
    const t = k.tokenOf[i];
    if (seen.has(t)) continue;
    seen.add(t);
    let j = i;
    while (j < k.key.length && k.tokenOf[j] === t) j++;
    const piece = k.key.slice(i, j);
    const stripped = piece.replace(/^(?:[一二三四五六七八九十]{1,3}[、.,:]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、,:]?)/, '');
    if (anchor.test(stripped)) {
      return { index: j - stripped.length, end: j };
    }
  }
  return null;
}

// Every report writes the same few row labels: remember their compact forms.
const COMPACT_ROW_LABELS = new StringMemo<string>();

/**
 * A table row's label for messages, at most `max` characters: without whitespace and bracketed
 * annotations, "（二）部分公开（区分处理的…）" → "（二）部分公开", otherwise as written.
 */
export function shortRowLabel(row: TableRow, max = 20): string {
  const label = COMPACT_ROW_LABELS.get(row.label, (written) =>
    written.replace(/[\s*|]+/g, '').replace(/[（(](?![一二三四五六七八九十\d]{1,3}[）)])[^（()）]{2,}[）)]?/g, ''),
  );
  return label.length > max ? label.slice(0, max - 1) + '…' : label;
}
