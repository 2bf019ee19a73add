// The seven consecutive Pingtan reports (CROSS-YEAR.md) and helpers to check one year against the
// previous: shared by the cross-year tests.
import { check, type CheckOptions, type Diagnostic } from '../../server/src/core';
import { buildProfile, type YearProfile } from '../../server/src/core/crossyear/profile';
import { corpusReport } from './corpus';

/** 2019 … 2025, in year order. */
export const PINGTAN = [
  'c07_pingtan_syq_2019',
  'c06_pingtan_syq_2020',
  'c01_pingtan_syq_2021',
  'c02_pingtan_syq_2022',
  'c03_pingtan_syq_2023',
  'c04_pingtan_syq_2024',
  'c05_pingtan_syq_2025',
] as const;

export const CROSS_RULES = ['carry-over', 'stock-continuity', 'copied-report'];

export function profileOfText(text: string, options: CheckOptions = {}): YearProfile {
  const { report, lines } = check(text, options);
  return buildProfile(report, lines);
}

export const pingtanProfile = (name: string): YearProfile => profileOfText(corpusReport(name));

/** The cross-year findings of `text` checked against `previous`, with their 1-based lines. */
export function crossFindings(text: string, previous: YearProfile, options: CheckOptions = {}): (Diagnostic & { line: number })[] {
  const { diagnostics, lines } = check(text, { ...options, previous });
  return diagnostics.filter((d) => CROSS_RULES.includes(d.rule)).map((d) => ({ ...d, line: lines.positionAt(d.start).line + 1 }));
}

/**
 * Last year's report copied with only its years moved on by one and its other figures changed: the
 * 内容雷同 a reviewer looks for.
 */
export function copiedNextYear(text: string): string {
  return text.replace(/\d+/g, (n) => {
    const v = Number(n);
    if (n.length === 4 && v >= 2000 && v <= 2100) return String(v + 1);
    return String(v + 3);
  });
}
