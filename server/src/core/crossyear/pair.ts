// Given the profiles of many reports (a reviewer's batch, a workspace folder), which is last year's
// report of which: same body (body.ts: tolerant of wording, never two places of one region), year
// minus one. A report with no body or no year is paired with nothing. When several reports could be
// last year's, the one whose body key is equal wins; if that still leaves more than one (or none
// equal among several), nothing is paired rather than a guess. Indexed by year and key, so a batch
// of ten thousand reports is paired without comparing every two (and without a key string per lookup).
import { sameBody, tailsOf } from './body';
import type { YearIdentity } from './profile';

export interface YearPair {
  /** Indices into the profiles given. */
  previous: number;
  current: number;
}

/** Reports by year, then by body key (or by a tail of it). */
type Index = Map<number, Map<string, number[]>>;

function add(index: Index, year: number, key: string, i: number): void {
  let byKey = index.get(year);
  if (!byKey) index.set(year, (byKey = new Map()));
  const list = byKey.get(key);
  if (list) list.push(i);
  else byKey.set(key, [i]);
}

function lookUp(index: Index, year: number, key: string): readonly number[] {
  return index.get(year)?.get(key) ?? [];
}

export function pairProfiles(profiles: readonly (YearIdentity | null | undefined)[]): YearPair[] {
  const byKey: Index = new Map();
  const byTail: Index = new Map();
  const tails: string[][] = [];
  profiles.forEach((p, i) => {
    if (!p || p.year === null || p.bodyKey === null) return;
    add(byKey, p.year, p.bodyKey, i);
    tails[i] = tailsOf(p.bodyKey);
    for (const tail of tails[i]) add(byTail, p.year, tail, i);
  });
  const pairs: YearPair[] = [];
  profiles.forEach((p, current) => {
    if (!p || p.year === null || p.bodyKey === null) return;
    const key = p.bodyKey;
    const year = p.year - 1;
    // Most reports have no report of last year among the inputs: settle that without a set.
    if (!byKey.has(year) && !byTail.has(year)) return;
    const found = new Set<number>([...lookUp(byKey, year, key), ...lookUp(byTail, year, key)]);
    for (const tail of tails[current]) for (const i of lookUp(byKey, year, tail)) found.add(i);
    if (!found.size) return;
    const candidates = [...found].filter((i) => sameBody(profiles[i]!.bodyKey!, key));
    const exact = candidates.filter((i) => profiles[i]!.bodyKey === key);
    const chosen = candidates.length === 1 ? candidates : exact;
    if (chosen.length === 1) pairs.push({ previous: chosen[0], current });
  });
  return pairs;
}
