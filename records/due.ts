/**
 * What is due before the deadline, not only after it (issue 14): for the current period, the
 * units that have not yet met (with days left to the due date and the last reminder sent), what
 * falls due this week across every obligation, the unit directory, and a convener's units below
 * with their status. Working days and due dates come from the calendar in the record.
 */
import type { Prisma, PrismaClient, Unit } from '@prisma/client';
import type { WorkingCalendar } from '../domain/calendar';
import { ruleFor } from '../domain/cadence';
import { isoWeekOf } from '../domain/digest';
import { addDays, type LocalDate, periodOfDate, shanghaiDateOf } from '../domain/period';
import { loadEntriesRule } from './entries-rule';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';
import type { UnitLevel } from '../domain/org';

export type Scope = 'all' | Set<string>;

export interface LastReminder {
  step: string;
  sentAt: string;
  recipient: string;
}

export interface UnitDue {
  unit: { id: string; code: string; name: string; level: UnitLevel; streetId: string | null; parentId: string | null };
  streetName: string | null;
  convenerName: string;
  convenerEmail: string;
  periodKey: string;
  dueOn: LocalDate;
  minMeetings: number;
  meetingsHeld: number;
  met: boolean;
  /** Working days from today to the due date (0 on the due date; negative once past it). */
  workingDaysLeft: number;
  /** Calendar days from today to the due date. */
  daysLeft: number;
  lastReminder: LastReminder | null;
}

/** Calendar days from a to b. */
export function calendarDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Monday … Sunday of the week holding `today` (ISO week, Asia/Shanghai dates). */
export function weekOf(today: LocalDate): { monday: LocalDate; sunday: LocalDate; isoWeek: string } {
  const { monday, key } = isoWeekOf(today);
  return { monday, sunday: addDays(monday, 6), isoWeek: key };
}

const scopeWhere = (scope: Scope) => (scope === 'all' ? {} : { id: { in: [...scope] } });

/** Each unit's current period: due date, meetings held against the rule, last reminder sent. */
export async function unitsDue(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  today: LocalDate,
  units: Unit[],
): Promise<UnitDue[]> {
  if (units.length === 0) return [];
  const rules = new Map((await prisma.cadenceRule.findMany()).map((r) => [r.level, r]));
  const plans = units.map((u) => {
    const rule = ruleFor(u.level, rules.get(u.level));
    const period = periodOfDate(today, rule.period);
    return { u, rule, period, dueOn: calendar.lastWorkingDayOf(period) };
  });
  const keys = [...new Set(plans.map((p) => p.period.key))];
  const ids = units.map((u) => u.id);
  const [meetings, notices, streets] = await Promise.all([
    prisma.meeting.groupBy({
      by: ['unitId', 'periodKey', 'kind'],
      where: { unitId: { in: ids }, periodKey: { in: keys } },
      _count: { _all: true },
    }),
    prisma.notification.findMany({
      where: {
        obligation: { in: ids.map(meetingCadenceWorkflowId) },
        periodKey: { in: keys },
        status: 'sent',
        audience: 'convener',
      },
      orderBy: { sentAt: 'desc' },
      select: { obligation: true, periodKey: true, step: true, sentAt: true, recipient: true },
    }),
    prisma.unit.findMany({
      where: { id: { in: [...new Set(units.map((u) => u.streetId).filter((s): s is string => !!s))] } },
      select: { id: true, name: true },
    }),
  ]);
  const streetNames = new Map(streets.map((s) => [s.id, s.name]));
  return plans.map(({ u, rule, period, dueOn }) => {
    const held = meetings
      .filter((m) => m.unitId === u.id && m.periodKey === period.key && (rule.countAdhoc || m.kind === 'regular'))
      .reduce((n, m) => n + m._count._all, 0);
    const last = notices.find((n) => n.obligation === meetingCadenceWorkflowId(u.id) && n.periodKey === period.key);
    return {
      unit: { id: u.id, code: u.code, name: u.name, level: u.level, streetId: u.streetId, parentId: u.parentId },
      streetName: u.streetId ? (streetNames.get(u.streetId) ?? null) : null,
      convenerName: u.convenerName,
      convenerEmail: u.convenerEmail,
      periodKey: period.key,
      dueOn,
      minMeetings: rule.minMeetings,
      meetingsHeld: held,
      met: held >= rule.minMeetings,
      workingDaysLeft: calendar.workingDaysBetween(today, dueOn),
      daysLeft: calendarDaysBetween(today, dueOn),
      lastReminder:
        last && last.sentAt ? { step: last.step, sentAt: last.sentAt.toISOString(), recipient: last.recipient } : null,
    };
  });
}

export interface DueFilter {
  level?: UnitLevel;
  streetId?: string;
  limit: number;
  offset: number;
}

/** The units that have not yet met in their current period, soonest due first. */
export async function notYetMet(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  today: LocalDate,
  scope: Scope,
  filter: DueFilter,
): Promise<{ items: UnitDue[]; total: number }> {
  const units = await prisma.unit.findMany({
    where: {
      removedAt: null,
      ...scopeWhere(scope),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.streetId ? { streetId: filter.streetId } : {}),
    },
  });
  const all = (await unitsDue(prisma, calendar, today, units))
    .filter((d) => !d.met)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.unit.code.localeCompare(b.unit.code));
  return { items: all.slice(filter.offset, filter.offset + filter.limit), total: all.length };
}

export type DueKind = 'meeting' | 'visit' | 'escalation_schedule' | 'escalation_answer' | 'evaluation';

export interface DueThisWeekItem {
  kind: DueKind;
  dueOn: LocalDate;
  workingDaysLeft: number;
  daysLeft: number;
  /** What is owed, e.g. the unit's name, the leader's name, the item's title. */
  subject: string;
  /** The unit concerned (the unit due, the leader's community, the receiving unit, the community evaluated). */
  unit: { id: string; code: string; name: string; level: UnitLevel };
  /** Meetings held / visits made / ballots in, against what is required. */
  progress: { done: number; required: number } | null;
  /** The record it is about (unit, leader, agenda item, campaign). */
  refId: string;
}

/** What the parts of the week's list share: the week, the units in scope by id, and an item's days left. */
interface WeekContext {
  prisma: PrismaClient;
  calendar: WorkingCalendar;
  today: LocalDate;
  scope: Scope;
  inWeek: (d: LocalDate) => boolean;
  days: (dueOn: LocalDate) => Pick<DueThisWeekItem, 'dueOn' | 'workingDaysLeft' | 'daysLeft'>;
  byId: Map<string, Unit>;
}

const unitRefOf = (u: { id: string; code: string; name: string; level: UnitLevel }) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  level: u.level,
});

/** Meetings not yet held whose period is due this week. */
async function meetingsDueThisWeek(w: WeekContext, units: Unit[]): Promise<DueThisWeekItem[]> {
  const items: DueThisWeekItem[] = [];
  for (const d of await unitsDue(w.prisma, w.calendar, w.today, units)) {
    if (d.met || !w.inWeek(d.dueOn)) continue;
    items.push({
      kind: 'meeting',
      ...w.days(d.dueOn),
      subject: d.unit.name,
      unit: unitRefOf(d.unit),
      progress: { done: d.meetingsHeld, required: d.minMeetings },
      refId: d.unit.id,
    });
  }
  return items;
}

/** Leaders' visits not yet made when the visit period is due this week. */
async function visitsDueThisWeek(w: WeekContext): Promise<DueThisWeekItem[]> {
  const rule = await loadEntriesRule(w.prisma);
  const period = periodOfDate(w.today, rule.visitPeriod);
  const visitDue = w.calendar.lastWorkingDayOf(period);
  if (!w.inWeek(visitDue)) return [];
  const leaders = await w.prisma.leader.findMany({
    where: { removedAt: null, ...(w.scope === 'all' ? {} : { communityId: { in: [...w.scope] } }) },
  });
  const visits = await w.prisma.visit.groupBy({
    by: ['leaderId'],
    where: { leaderId: { in: leaders.map((l) => l.id) }, periodKey: period.key },
    _count: { _all: true },
  });
  const items: DueThisWeekItem[] = [];
  for (const l of leaders) {
    const done = visits.find((v) => v.leaderId === l.id)?._count._all ?? 0;
    const community = w.byId.get(l.communityId);
    if (done >= rule.minVisits || !community) continue;
    items.push({
      kind: 'visit',
      ...w.days(visitDue),
      subject: l.name,
      unit: unitRefOf(community),
      progress: { done, required: rule.minVisits },
      refId: l.id,
    });
  }
  return items;
}

/** Escalated items awaiting a meeting (to be scheduled by) or an answer this week. */
async function escalationsDueThisWeek(w: WeekContext, sunday: LocalDate): Promise<DueThisWeekItem[]> {
  const weekRange = { gte: new Date(`${w.today}T00:00:00Z`), lte: new Date(`${sunday}T00:00:00Z`) };
  const escalations = await w.prisma.escalation.findMany({
    where: {
      state: { in: ['pending', 'taken_up'] },
      ...(w.scope === 'all' ? {} : { toUnitId: { in: [...w.scope] } }),
      OR: [{ state: 'pending', scheduleBy: weekRange }, { answerBy: weekRange }],
    },
    include: { agendaItem: { select: { title: true } } },
  });
  const items: DueThisWeekItem[] = [];
  for (const e of escalations) {
    const to = w.byId.get(e.toUnitId);
    if (!to) continue;
    const scheduleBy = e.scheduleBy.toISOString().slice(0, 10);
    const answerBy = e.answerBy.toISOString().slice(0, 10);
    const item = { subject: e.agendaItem.title, unit: unitRefOf(to), progress: null, refId: e.agendaItemId };
    if (e.state === 'pending' && w.inWeek(scheduleBy)) {
      items.push({ kind: 'escalation_schedule', ...w.days(scheduleBy), ...item });
    }
    if (w.inWeek(answerBy)) items.push({ kind: 'escalation_answer', ...w.days(answerBy), ...item });
  }
  return items;
}

/** Evaluation campaigns closing this week below quorum. */
async function campaignsDueThisWeek(w: WeekContext): Promise<DueThisWeekItem[]> {
  const campaigns = await w.prisma.evaluationCampaign.findMany({
    where: {
      status: { in: ['scheduled', 'open'] },
      ...(w.scope === 'all' ? {} : { communityId: { in: [...w.scope] } }),
    },
    include: { _count: { select: { ballots: true } } },
  });
  const items: DueThisWeekItem[] = [];
  for (const c of campaigns) {
    // The campaign closes at the end of its last day: that day is when it is due.
    const lastDay = shanghaiDateOf(c.closesAt.getTime() - 1);
    const community = w.byId.get(c.communityId);
    if (!community || !w.inWeek(lastDay) || c._count.ballots >= c.quorum) continue;
    items.push({
      kind: 'evaluation',
      ...w.days(lastDay),
      subject: `${community.name} ${c.year}`,
      unit: unitRefOf(community),
      progress: { done: c._count.ballots, required: c.quorum },
      refId: c.id,
    });
  }
  return items;
}

/**
 * Everything that falls due from today to Sunday of this week (Asia/Shanghai), open only:
 * meetings not yet held, leader visits not yet made, escalated items awaiting a meeting or an
 * answer, evaluation campaigns closing below quorum.
 */
export async function dueThisWeek(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  today: LocalDate,
  scope: Scope,
): Promise<{ from: LocalDate; to: LocalDate; isoWeek: string; items: DueThisWeekItem[] }> {
  const { sunday, isoWeek } = weekOf(today);
  const units = await prisma.unit.findMany({ where: { removedAt: null, ...scopeWhere(scope) } });
  const w: WeekContext = {
    prisma,
    calendar,
    today,
    scope,
    inWeek: (d) => d >= today && d <= sunday,
    days: (dueOn) => ({
      dueOn,
      workingDaysLeft: calendar.workingDaysBetween(today, dueOn),
      daysLeft: calendarDaysBetween(today, dueOn),
    }),
    byId: new Map(units.map((u) => [u.id, u])),
  };
  const items = [
    ...(await meetingsDueThisWeek(w, units)),
    ...(await visitsDueThisWeek(w)),
    ...(await escalationsDueThisWeek(w, sunday)),
    ...(await campaignsDueThisWeek(w)),
  ];
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
  return { from: today, to: sunday, isoWeek, items };
}

/** The unit directory: search by name, code or convener (case-insensitive, part of a word). */
export async function searchDirectory(
  prisma: PrismaClient,
  scope: Scope,
  q: { q?: string; level?: UnitLevel; limit: number; offset: number },
): Promise<{ items: Unit[]; total: number }> {
  const term = q.q?.trim();
  const where: Prisma.UnitWhereInput = {
    removedAt: null,
    ...scopeWhere(scope),
    ...(q.level ? { level: q.level } : {}),
    ...(term
      ? {
          OR: [
            { name: { contains: term, mode: 'insensitive' } },
            { code: { contains: term, mode: 'insensitive' } },
            { convenerName: { contains: term, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    prisma.unit.findMany({ where, orderBy: [{ level: 'asc' }, { code: 'asc' }], take: q.limit, skip: q.offset }),
    prisma.unit.count({ where }),
  ]);
  return { items, total };
}

/** The units directly under a unit, each with its current period's status. */
export async function childrenStatus(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  today: LocalDate,
  parentId: string,
): Promise<UnitDue[]> {
  const children = await prisma.unit.findMany({ where: { parentId, removedAt: null }, orderBy: { code: 'asc' } });
  return unitsDue(prisma, calendar, today, children);
}
