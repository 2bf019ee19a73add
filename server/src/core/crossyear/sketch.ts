// A sketch of a report's narrative for telling whether two reports say the same thing: the set of
// its character 5-grams ("shingles"), kept as a bottom-k sketch (the K smallest 32-bit hashes of the
// set). Two sketches estimate the Jaccard similarity of the two sets (Broder 1997) from 2K numbers,
// so a report's sketch travels without its text.
//
// What is shingled: the sentences of the sections (一 to 六 and any extra one), outside the tables,
// headings left out, and left out too the sentences every report of every year shares by template
// (the statistics period, where the data come from, the electronic version, the contact line, "本报告
// 包括…"). In what is kept, digits are one symbol (a run of them counts as one "#"), so a report whose
// only changes are its years and figures has the same shingles; punctuation and spaces are dropped.
import type { Report } from '../model';
import { sentencesOf } from '../parse/narrative';

/** Hashes kept at most: the smallest of those under SAMPLE_CUT. */
export const SKETCH_SIZE = 1024;
/**
 * Only hashes under this (an eighth of the range) are kept: a consistent sample, since a shingle
 * both texts have hashes alike in both, and the cheap part of a bottom-K sketch (the hashes that
 * could be among the smallest). A narrative of 3,000 shingles keeps some 375: a Jaccard estimate
 * within about ±0.05 (1/√K).
 */
const SAMPLE_CUT = 2 ** 29;
const SHINGLE = 5;

export interface Sketch {
  /** The K smallest distinct shingle hashes, ascending: a typed array (1 KB), copied whole between threads. */
  hashes: Uint32Array;
  /** How many distinct shingles the narrative has (exact below K, estimated from the K-th hash above). */
  shingles: number;
}

/** Sentences of the template, the same in every report of every year: they say nothing about copying. */
const BOILERPLATE =
  /统计期限|统计时限|统计时间|统计时段|统计口径|数据统计|电子版|如对本报告|如对报告|联系电话|联系地址|联系方式|邮政编码|邮编|本报告(由|包括|主要包括|所列|内容|是根据)|全文包括|以下简称/g;

/** CJK ideographs and Latin letters are letters of the narrative; digits become one symbol; the rest goes. */
function isLetter(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || ((c | 32) >= 97 && (c | 32) <= 122);
}

const DIGITS = 35; // '#'

/** FNV-1a over one shingle's five units, oldest first: uniform enough bits to sample by value. */
function shingleHash(u0: number, u1: number, u2: number, u3: number, u4: number): number {
  let h = Math.imul(0x811c9dc5 ^ u0, 0x01000193);
  h = Math.imul(h ^ u1, 0x01000193);
  h = Math.imul(h ^ u2, 0x01000193);
  h = Math.imul(h ^ u3, 0x01000193);
  h = Math.imul(h ^ u4, 0x01000193);
  return h >>> 0;
}

/**
 * The sampled hashes of the sketch being made, reused from report to report (grown as needed): a
 * list grown by push and copied into a typed array to sort cost as much as the hashing (bench).
 */
let sampled = new Uint32Array(1024);

export function narrativeSketch(report: Report): Sketch {
  const sentences = sentencesOf(report);
  const { norm } = report;
  let count = 0;
  // Where the next template words are, searched forward over the text (each part searched once).
  let template = -1;
  for (let i = 0; i < sentences.length; i++) {
    // Before the first heading: the title, the page's leftovers and the template's preamble.
    if (sentences.sectionIndex(i) < 0 || sentences.isHeading(i)) continue;
    const start = sentences.start(i);
    const end = sentences.end(i);
    if (template < start) {
      BOILERPLATE.lastIndex = start;
      const found = BOILERPLATE.exec(norm);
      template = found ? found.index : Infinity;
    }
    if (template < end) continue;
    // The sentence's letters shift through the last SHINGLE (u0 oldest); each full window is a shingle.
    let filled = 0;
    let inDigits = false;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    let u4 = 0;
    for (let j = start; j < end; j++) {
      const c = norm.charCodeAt(j);
      let unit: number;
      if (c >= 48 && c <= 57) {
        if (inDigits) continue;
        inDigits = true;
        unit = DIGITS;
      } else {
        inDigits = false;
        if (!isLetter(c)) continue;
        unit = c;
      }
      u0 = u1;
      u1 = u2;
      u2 = u3;
      u3 = u4;
      u4 = unit;
      if (++filled >= SHINGLE) {
        const h = shingleHash(u0, u1, u2, u3, u4);
        if (h < SAMPLE_CUT) {
          if (count === sampled.length) {
            const grown = new Uint32Array(count * 2);
            grown.set(sampled);
            sampled = grown;
          }
          sampled[count++] = h;
        }
      }
    }
  }
  const sorted = sampled.subarray(0, count).sort();
  let kept = 0;
  for (let i = 0; i < count && kept < SKETCH_SIZE; i++) if (kept === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i];
  // A copy of its own: the scratch is the next report's.
  const hashes = sorted.slice(0, kept);
  return { hashes, shingles: distinctEstimate(hashes) };
}

function distinctEstimate(kept: Uint32Array): number {
  // All the hashes under the cut are kept (an eighth of them), or the K smallest, whose K-th lies near K / n of the range.
  if (kept.length < SKETCH_SIZE) return kept.length * (2 ** 32 / SAMPLE_CUT);
  return Math.round(((SKETCH_SIZE - 1) * 2 ** 32) / (kept[SKETCH_SIZE - 1] + 1));
}

/** Estimated Jaccard similarity of the two shingle sets: the share of the union's K smallest hashes both hold. */
export function jaccard(a: Sketch, b: Sketch): number {
  // Merge the two ascending lists up to K of their union; a hash among those that one set holds is
  // in that set's sketch, since fewer of its own hashes can be smaller.
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  while (union < SKETCH_SIZE && (i < a.hashes.length || j < b.hashes.length)) {
    const x = i < a.hashes.length ? a.hashes[i] : Infinity;
    const y = j < b.hashes.length ? b.hashes[j] : Infinity;
    union++;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return union ? both / union : 0;
}
