import type { Report } from '../model';
import type { EditionId } from '../types';
import { normalize } from '../text/normalize';
export interface ParseOptions { reportYear?: number; edition?: EditionId }
export function parseReport(text: string, _options: ParseOptions = {}): Report {
  return { text, norm: normalize(text), title: null, body: null,
    year: { value: null, source: 'none', span: null, titleYear: null, periodYear: null },
    edition: 'unknown', editionSource: 'none', tableEdition: 'unknown', sections: [], subHeadings: [],
    tables: { t2: null, t3: null, t4: null }, tableProblems: [], tableSpans: [], figures: [], notAReport: true };
}
