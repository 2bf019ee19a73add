// Figures stated in the narrative ("收到申请103件") and the table cell each names (FORMAT.md §4, R5).
import type { Figure, Report } from '../model';
import type { LineIndex } from '../text/lines';

export function readFigures(_report: Report, _lines: LineIndex): Figure[] {
  return [];
}
