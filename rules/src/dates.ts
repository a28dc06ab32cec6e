/** Calendar dates written YYYY-MM-DD, computed without Date (whose years 0–99 map to 1900–1999). */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** @internal Is a YYYY-MM-DD text a real calendar date? */
export function isRealDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!);
}

/** Days since 0000-03-01 of a real date (the proleptic Gregorian calendar), by whole-number arithmetic. */
function dayNumber(s: string): number {
  let y = Number(s.slice(0, 4));
  let m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  // Count years from March, so that the leap day is the last day of the counted year.
  if (m < 3) {
    y -= 1;
    m += 12;
  }
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * (m - 3) + 2) / 5) + d - 1;
}

/** @internal Days from a to b (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
