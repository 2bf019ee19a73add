// Developer aid: the copied-report measure over the in-repo corpus (node --import tsx
// test/tools/copied-report-measure.ts). Prints the narrative similarity (rules/copied-report.ts) of
// every pair of reports of different bodies, of the consecutive Pingtan reports, and of each report
// against itself copied into the next year; docs/rules/copied-report.md quotes its output.
import { compareNarratives, COPIED_THRESHOLD, MIN_SHINGLES } from '../../server/src/core/rules/copied-report';
import { jaccard } from '../../server/src/core/crossyear/sketch';
import { corpusNames, corpusReport } from '../support/corpus';
import { PINGTAN, copiedNextYear, profileOfText } from '../support/crossyear';

const names = corpusNames();
const profiles = names.map((n) => profileOfText(corpusReport(n)));
const pingtan = (n: string) => n.startsWith('c0');
const rows: { pair: string; j: number; compared: boolean; fires: boolean }[] = [];
for (let a = 0; a < names.length; a++) {
  for (let b = 0; b < names.length; b++) {
    if (a === b || (pingtan(names[a]) && pingtan(names[b]))) continue;
    const previous = { ...profiles[a], year: 2000 };
    const current = { ...profiles[b], year: 2001 };
    const compared = previous.narrative.shingles >= MIN_SHINGLES && current.narrative.shingles >= MIN_SHINGLES;
    rows.push({ pair: `${names[a]} → ${names[b]}`, j: jaccard(previous.narrative, current.narrative), compared, fires: compareNarratives(previous, current).length > 0 });
  }
}
const bins = new Array(10).fill(0);
for (const r of rows) if (r.compared) bins[Math.min(9, Math.floor(r.j * 10))]++;
console.log(`different bodies: ${rows.length} ordered pairs, ${rows.filter((r) => r.compared).length} compared (both narratives ≥ ${MIN_SHINGLES} shingles), ${rows.filter((r) => r.fires).length} over ${COPIED_THRESHOLD}`);
console.log('histogram of compared pairs by 0.1:', bins.join(' '));
for (const r of rows.filter((x) => x.compared).sort((x, y) => y.j - x.j).slice(0, 6)) console.log(`  ${r.j.toFixed(3)} ${r.pair}`);
for (let i = 1; i < PINGTAN.length; i++) {
  const a = profiles[names.indexOf(PINGTAN[i - 1])];
  const b = profiles[names.indexOf(PINGTAN[i])];
  console.log(`Pingtan ${a.year} → ${b.year}: ${jaccard(a.narrative, b.narrative).toFixed(3)}`);
}
const copies = names.map((n, i) => jaccard(profiles[i].narrative, profileOfText(copiedNextYear(corpusReport(n))).narrative));
console.log(`each report against its copy into next year: min ${Math.min(...copies).toFixed(3)}`);
