/**
 * Department attendance at the community joint meetings, per paired department and community, in
 * a period (default: this quarter): meetings held, attended, and absences in a row since the pairing
 * (flagged at the rule's threshold). A read within the caller's scope.
 */
import { attendeeMatches } from '../domain/attendance';
import { periodContaining, periodFromKey } from '../domain/period';
import { meetingsOfCommunities, pairingsForAttendance } from '../records/attendance';
import { loadEntriesRule } from '../records/entries-rule';
import { type Caller, readableUnitIds } from '../records/scope';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

const READERS = ['admin', 'supervisor', 'department', 'convener', 'leader'];

export async function departmentAttendance(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  q: { period?: string; communityId?: string; departmentId?: string },
) {
  const { prisma } = deps;
  if (!READERS.includes(caller.role)) throw new ServiceError(403, 'forbidden', `A ${caller.role} may not do this`);
  const period = periodFromKey(q.period ?? periodContaining(deps.clock(), 'quarter').key);
  const readable = await readableUnitIds(prisma, caller);
  const rule = await loadEntriesRule(prisma);
  const pairings = await pairingsForAttendance(
    prisma,
    { departmentId: caller.role === 'department' ? (caller.departmentId ?? '') : undefined, communityIds: readable },
    q,
  );
  const meetings = await meetingsOfCommunities(prisma, [...new Set(pairings.map((p) => p.communityId))]);
  const inPeriod = (d: Date) => {
    const day = d.toISOString().slice(0, 10);
    return day >= period.firstDay && day <= period.lastDay;
  };
  const items = pairings
    .map((p) => {
      const since = meetings.filter((m) => m.unitId === p.communityId && m.heldOn >= p.pairedOn);
      const attended = since.map((m) =>
        (Array.isArray(m.attendees) ? (m.attendees as string[]) : []).some((a) =>
          attendeeMatches(a, [p.department.name, p.department.code]),
        ),
      );
      let streak = 0;
      for (let i = attended.length - 1; i >= 0 && !attended[i]; i--) streak++;
      const here = since.map((m, i) => ({ m, attended: attended[i]! })).filter(({ m }) => inPeriod(m.heldOn));
      return {
        department: { id: p.departmentId, code: p.department.code, name: p.department.name },
        community: { id: p.communityId, name: p.community.name },
        meetings: here.length,
        attended: here.filter((x) => x.attended).length,
        absentInARow: streak,
        flagged: streak >= rule.absenceThreshold,
      };
    })
    .sort((a, b) => b.absentInARow - a.absentInARow || a.department.code.localeCompare(b.department.code));
  return { period: period.key, absenceThreshold: rule.absenceThreshold, items };
}
