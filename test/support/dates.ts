/**
 * Days and instants in Asia/Shanghai (UTC+8 all year, no daylight saving), spelled out for the
 * tests' literal tables, so that expected instants come from the written dates and not from the
 * product's own period or calendar code.
 */

/** The instant of `time` (HH:MM) on `date` (YYYY-MM-DD) in Shanghai. */
export function shanghai(date: string, time = '09:00'): number {
  const ms = Date.parse(`${date}T${time}:00+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  return ms;
}

/** The Shanghai day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}
