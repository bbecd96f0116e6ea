/**
 * The paired departments' attendance at their community's joint meetings: who an attendee entry
 * names, and runs of consecutive absences with the milestones the absence notice tells. Pure.
 */

/** Whether an attendee entry names this person or department: the whole entry, or its name in it. */
export function attendeeMatches(attendee: string, names: readonly string[]): boolean {
  const a = attendee.replace(/\s+/g, '');
  return names.some((n) => {
    const name = n.replace(/\s+/g, '');
    return name.length > 0 && (a === name || a.includes(name));
  });
}

/**
 * Consecutive absences of a department from a community's meetings, latest last: the length of
 * the run of absences at the end, counted only over meetings since the pairing began.
 */
export function absenceStreak(attended: readonly boolean[]): number {
  let n = 0;
  for (let i = attended.length - 1; i >= 0 && !attended[i]; i--) n++;
  return n;
}

/** A run of consecutive missed meetings: indexes into the meetings by date, `end` inclusive. */
export interface AbsenceRun {
  start: number;
  end: number;
  length: number;
}

/** Every run of consecutive absences over meetings in date order (whatever order they were recorded in). */
export function absenceRuns(attended: readonly boolean[]): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  for (let i = 0; i < attended.length; i++) {
    if (attended[i]) continue;
    const start = i;
    while (i + 1 < attended.length && !attended[i + 1]) i++;
    runs.push({ start, end: i, length: i - start + 1 });
  }
  return runs;
}

/**
 * What the check triggered by one meeting may tell: the run of absences containing that meeting
 * (a meeting recorded late may complete or extend a run that later meetings were recorded after)
 * and its highest milestone reached (N, 2N, … of the threshold), or null when the meeting was
 * attended, or its run has not reached N. Each milestone of a run is told once: the caller checks
 * the ledger under any meeting of the run (a meeting inserted later at its start changes its first).
 */
export function absenceMilestone(
  meetings: readonly { id: string; attended: boolean }[],
  meetingId: string,
  threshold: number,
): { run: AbsenceRun; milestone: number; meetingIds: string[] } | null {
  const at = meetings.findIndex((m) => m.id === meetingId);
  if (at < 0 || threshold < 1) return null;
  const run = absenceRuns(meetings.map((m) => m.attended)).find((r) => r.start <= at && at <= r.end);
  if (!run || run.length < threshold) return null;
  const milestone = Math.floor(run.length / threshold) * threshold;
  return { run, milestone, meetingIds: meetings.slice(run.start, run.end + 1).map((m) => m.id) };
}
