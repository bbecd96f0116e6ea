/**
 * Period keys as the API writes them — 2026 (a year), 2026-Q4 (a quarter), 2026-11 (a month) —
 * and calendar days YYYY-MM-DD in Asia/Shanghai, the service's time zone.
 */

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function todayShanghai(now = new Date()): string {
  return DAY.format(now);
}

/** The calendar day (Asia/Shanghai) of an instant. */
export function shanghaiDay(iso: string): string {
  return DAY.format(new Date(iso));
}

export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function previousQuarter(key: string): string {
  const year = Number(key.slice(0, 4));
  const q = Number(key.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** First and last day of a period key. */
export function periodRange(key: string): { from: string; to: string } {
  const year = key.slice(0, 4);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  const quarter = /^\d{4}-Q([1-4])$/.exec(key);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(first + 2))}` };
  }
  const month = /^\d{4}-(\d{2})$/.exec(key);
  if (month) {
    const m = Number(month[1]);
    return { from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(lastDay(m))}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Whether a period (or a day) lies within another period. */
export function within(outer: string, innerKeyOrDay: string): boolean {
  const o = periodRange(outer);
  const i = /^\d{4}-\d{2}-\d{2}$/.test(innerKeyOrDay)
    ? { from: innerKeyOrDay, to: innerKeyOrDay }
    : periodRange(innerKeyOrDay);
  return i.from >= o.from && i.to <= o.to;
}

/** The periods a filter offers: this quarter and the three before it, this year and last year. */
export function periodChoices(today = todayShanghai()): string[] {
  const quarters = [quarterOf(today)];
  for (let i = 0; i < 3; i++) quarters.push(previousQuarter(quarters.at(-1)!));
  const year = Number(today.slice(0, 4));
  return [...quarters, String(year), String(year - 1)];
}

/** The quarters of a year that have begun by today. */
export function quartersSoFar(year: string, today = todayShanghai()): string[] {
  const out: string[] = [];
  for (let q = 1; q <= 4; q++) {
    const key = `${year}-Q${q}`;
    if (periodRange(key).from <= today) out.push(key);
  }
  return out;
}
