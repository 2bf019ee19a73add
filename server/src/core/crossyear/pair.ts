// Given the profiles of many reports (a reviewer's batch, a workspace folder), which is last year's
// report of which: same body (body.ts: tolerant of wording, never two places of one region), year
// minus one. A report with no body or no year is paired with nothing. When several reports could be
// last year's, the one whose body key is equal wins; if that still leaves more than one (or none
// equal among several), nothing is paired rather than a guess. Indexed by year and key, so a batch
// of ten thousand reports is paired without comparing every two.
import { sameBody, tailsOf } from './body';
import type { YearIdentity } from './profile';

export interface YearPair {
  /** Indices into the profiles given. */
  previous: number;
  current: number;
}

type Index = Map<string, number[]>;

function add(index: Index, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

export function pairProfiles(profiles: readonly (YearIdentity | null | undefined)[]): YearPair[] {
  const byKey: Index = new Map(); // "year|key" → reports
  const byTail: Index = new Map(); // "year|tail of key" → reports
  profiles.forEach((p, i) => {
    if (!p || p.year === null || p.bodyKey === null) return;
    add(byKey, `${p.year}|${p.bodyKey}`, i);
    for (const tail of tailsOf(p.bodyKey)) add(byTail, `${p.year}|${tail}`, i);
  });
  const pairs: YearPair[] = [];
  profiles.forEach((p, current) => {
    if (!p || p.year === null || p.bodyKey === null) return;
    const key = p.bodyKey;
    const year = p.year - 1;
    const found = new Set<number>([...(byKey.get(`${year}|${key}`) ?? []), ...(byTail.get(`${year}|${key}`) ?? [])]);
    for (const tail of tailsOf(key)) for (const i of byKey.get(`${year}|${tail}`) ?? []) found.add(i);
    const candidates = [...found].filter((i) => sameBody(profiles[i]!.bodyKey!, key));
    const exact = candidates.filter((i) => profiles[i]!.bodyKey === key);
    const chosen = candidates.length === 1 ? candidates : exact;
    if (chosen.length === 1) pairs.push({ previous: chosen[0], current });
  });
  return pairs;
}
