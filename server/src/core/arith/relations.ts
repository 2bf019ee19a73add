// placeholder, replaced below
import type { Report } from '../model';
export interface Arithmetic { failures: never[] }
export function evaluateArithmetic(_report: Report): Arithmetic { return { failures: [] }; }
