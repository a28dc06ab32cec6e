/**
 * From a deadline as the plan writes it to the one date it falls due in an assessed window, and what
 * "on time" means for it (docs/plans.md, "Deadlines"). Dates are YYYY-MM-DD strings: they compare as
 * text, no clock and no time zone is involved.
 */
import type { Deadline } from './schema.js';

/** The window a plan is assessed over: the evidence's period, cut at the as-of date. */
export interface Window {
  from: string;
  to: string;
  asOf: string;
}

/** Why a deadline has no date in a window. */
export type Undated = 'noDeadline' | 'awaitingEvent';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** A date plus whole days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The date a task is due in the window, or why it has none. `annual` and `continuous` fall due at the
 * end of the year (resp. the window) assessed; `event` waits for the event's date in the progress.
 */
export function dueDate(deadline: Deadline, window: Window, eventDate: string | undefined): string | Undated {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'month': {
      const [y, m] = deadline.month.split('-').map(Number) as [number, number];
      return lastDayOfMonth(y, m);
    }
    case 'quarter': {
      const y = Number(deadline.quarter.slice(0, 4));
      return lastDayOfMonth(y, Number(deadline.quarter.slice(6)) * 3);
    }
    case 'half': {
      const y = Number(deadline.half.slice(0, 4));
      return deadline.half.endsWith('H1') ? `${y}-06-30` : `${y}-12-31`;
    }
    case 'year':
      return `${deadline.year}-12-31`;
    case 'annual': {
      // The year assessed: the year of the as-of date (within the window); due on `by` of that year.
      const end = window.to < window.asOf ? window.to : window.asOf;
      const due = `${end.slice(0, 4)}-${deadline.by ?? '12-31'}`;
      return due > window.to ? window.to : due;
    }
    case 'continuous':
      return window.to;
    case 'event':
      if (eventDate === undefined) return 'awaitingEvent';
      return deadline.days === undefined ? (eventDate > window.to ? eventDate : window.to) : addDays(eventDate, deadline.days);
    case 'none':
      return 'noDeadline';
  }
}
