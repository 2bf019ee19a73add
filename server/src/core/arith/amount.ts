// Exact amounts for the sums of 表三 and 表四. A cell is read as a JavaScript number, which holds
// integers exactly only up to 2^53 − 1: past that, "9007199254740993 + 1 = 9007199254740994"
// would not add up and a fix would write a rounded (or "1e+21") value. An amount is therefore a
// number while it is a safe integer (every real count) or a fraction, and a bigint beyond, read
// from the cell's own digits. Arithmetic stays on numbers unless a sum could leave the safe range.
import type { Cell } from '../model';

export type Amount = number | bigint;

/** A bigint that fits back into a safe integer becomes a number again, so equal amounts compare equal. */
function normalize(x: bigint): Amount {
  return x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
}

const big = (x: Amount): bigint => (typeof x === 'bigint' ? x : BigInt(x));

/**
 * The exact amount of a cell that has a value, or null when it cannot be read exactly (a fraction
 * too large for a number, or more than 308 digits: no real count is either; its sums are not judged).
 */
export function cellAmount(cell: Cell & { value: number }): Amount | null {
  const v = cell.value;
  if (Number.isSafeInteger(v)) return v;
  if (!Number.isFinite(v)) return null;
  if (!Number.isInteger(v)) return v; // a fraction within range (收费 may be one): approximate is fine
  // An integer past 2^53: its digits, in ASCII or full width, are the value; anything else in the
  // cell (separators, spaces, a unit) is not. A decimal point means it was not an integer at all.
  let digits = '';
  for (let i = 0; i < cell.raw.length; i++) {
    const c = cell.raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += cell.raw[i];
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xff10 + 0x30);
    else if (c === 0x2e || c === 0xff0e) return null;
  }
  if (!digits) return null;
  const magnitude = BigInt(digits);
  return v < 0 ? -magnitude : magnitude;
}

export function add(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum) || !Number.isInteger(a) || !Number.isInteger(b)) return sum;
  } else if (!isWhole(a) || !isWhole(b)) {
    return Number(a) + Number(b); // a fraction beside a huge integer: only approximately
  }
  return normalize(big(a) + big(b));
}

export function negate(a: Amount): Amount {
  return typeof a === 'number' ? -a : normalize(-a);
}

export function subtract(a: Amount, b: Amount): Amount {
  return add(a, negate(b));
}

/** Equal as amounts (fractions within a rounding error: 0.1 + 0.2 = 0.3). */
export function sameAmount(a: Amount, b: Amount): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) < 1e-9;
  return a === b;
}

export function isZero(a: Amount): boolean {
  return typeof a === 'number' ? Math.abs(a) < 1e-9 : false;
}

function isWhole(a: Amount): boolean {
  return typeof a === 'bigint' || Number.isInteger(a);
}

/** Whether a fix may write this amount into a count: a whole number, not negative. */
export function isCount(a: Amount): boolean {
  return typeof a === 'bigint' ? a >= 0n : Number.isInteger(a) && a >= 0;
}

/** As a message or a fix writes it: plain digits for whole amounts, at most two decimals otherwise. */
export function amountText(a: Amount): string {
  if (typeof a === 'number' && Number.isSafeInteger(a)) return String(a);
  if (typeof a === 'bigint') return a.toString();
  if (Number.isInteger(a)) return Number.isSafeInteger(a) ? String(a) : BigInt(a).toString();
  return String(Math.round(a * 100) / 100);
}
