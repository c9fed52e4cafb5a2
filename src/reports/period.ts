/** A span of time, [from, to): what the supervisor's lists, exports and syntheses cover. */
export interface Period {
  from: Date;
  to: Date;
}

export const PERIOD_NAMES = ['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

/** Midnight at the start of a date's day, `days` days later, in the process's time zone (the territory's). */
export function startOfDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** A named period around `now`; weeks start on Monday (ISO 8601, as in France). */
export function namedPeriod(name: PeriodName, now: Date): Period {
  const today = startOfDay(now);
  const monday = startOfDay(now, -((now.getDay() + 6) % 7));
  switch (name) {
    case 'today':
      return { from: today, to: startOfDay(now, 1) };
    case 'yesterday':
      return { from: startOfDay(now, -1), to: today };
    case 'this-week':
      return { from: monday, to: startOfDay(monday, 7) };
    case 'last-week':
      return { from: startOfDay(monday, -7), to: monday };
    case 'this-month':
      return {
        from: new Date(now.getFullYear(), now.getMonth(), 1),
        to: new Date(now.getFullYear(), now.getMonth() + 1, 1),
      };
    case 'last-month':
      return {
        from: new Date(now.getFullYear(), now.getMonth() - 1, 1),
        to: new Date(now.getFullYear(), now.getMonth(), 1),
      };
  }
}

/** The last `days` days, today included. */
export function lastDays(days: number, now: Date): Period {
  return { from: startOfDay(now, 1 - days), to: startOfDay(now, 1) };
}
