/**
 * The liaison office enters a year's working days: from the State Council's notice as published
 * (parsed), or as explicit date lists. Without `confirm` it only answers a preview; confirmed, it
 * stores the year (audited, with the open plans that moved), moves the answer deadlines of open
 * escalations the new days change, then tells the running workflows whose plans moved
 * (obligations/calendar.ts). Periods already closed are never changed.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { ServiceError } from './errors';
import { cadenceSchedule, type CadenceRule, ruleFor } from '../domain/cadence';
import {
  type CalendarSource,
  type CalendarYearData,
  weekdayOf,
  type WorkingCalendar,
  yearDataProblem,
} from '../domain/calendar';
import { escalationDeadlines, escalationRuleFor, answerSeries } from '../domain/escalation';
import { type NoticeHoliday, NoticeParseError, parseHolidayNotice } from '../domain/holiday-notice';
import { addDays, periodContaining, periodFromKey, periodOfDate, shanghaiDateOf, type Period } from '../domain/period';
import type { Logger } from '../infra/log';
import { tellCalendarChanged } from '../obligations/calendar';
import { dbDate, localDate } from '../records/agenda-items';
import { calendarYearRows, loadWorkingCalendar, saveCalendarYear } from '../records/calendar';
import { loadEntriesRule } from '../records/entries-rule';
import { activeServingMemberIds } from '../records/serving-participation';
import { communitiesWithServing } from '../records/service-feedback';
import { loadServingRule } from '../records/serving-rule';
import { UNIT_LEVELS } from '../domain/org';

export interface CalendarServiceDeps {
  prisma: PrismaClient;
  temporal: Client;
  clock: () => Date;
  log: Logger;
}

export interface DayListed {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  holiday: string | null;
}

export interface CalendarYearAnswer {
  year: number;
  confirmed: boolean;
  holidays: Pick<NoticeHoliday, 'name' | 'line' | 'offDays' | 'makeupWorkdays'>[];
  offDays: DayListed[];
  makeupWorkdays: DayListed[];
  /** Due dates (last working day of each month, quarter and the year) that differ from Monday–Friday. */
  changedDueDates: { period: string; weekdaysOnly: string; withNotice: string }[];
  /** What the year's data was before. */
  replaces: CalendarSource | 'missing';
  /** Said when the year has closed periods: they are not changed. */
  closedPeriods: string | null;
  /** Confirmed: how many open plans moved (and were told). */
  moved: { meetingObligations: number; visitObligations: number; escalations: number } | null;
}

export type YearEntry =
  | { kind: 'notice'; text: string }
  | { kind: 'lists'; offDays: string[]; makeupWorkdays: string[]; names?: Record<string, string> };

/** Parse or check what was entered: the year's data and, for a notice, its holidays. */
function yearDataOf(year: number, entry: YearEntry): { data: CalendarYearData; holidays: NoticeHoliday[] } {
  if (entry.kind === 'notice') {
    let parsed;
    try {
      parsed = parseHolidayNotice(entry.text, { year });
    } catch (err) {
      if (err instanceof NoticeParseError) throw ServiceError.badRequest(err.field, err.message);
      throw err;
    }
    const data: CalendarYearData = {
      year,
      offDays: parsed.offDays,
      makeupWorkdays: parsed.makeupWorkdays,
      names: parsed.names,
      source: 'notice',
    };
    const problem = yearDataProblem(data);
    if (problem) throw ServiceError.badRequest('text', problem.message);
    return { data, holidays: parsed.holidays };
  }
  const data: CalendarYearData = {
    year,
    offDays: [...entry.offDays].sort(),
    makeupWorkdays: [...entry.makeupWorkdays].sort(),
    names: entry.names ?? {},
    source: 'admin',
  };
  const problem = yearDataProblem(data);
  if (problem) throw ServiceError.badRequest(problem.field, problem.message);
  return { data, holidays: [] };
}

/** The periods whose due dates a year decides: its months, quarters and the year itself. */
function periodsOf(year: number): Period[] {
  const keys = [
    ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    String(year),
  ];
  return keys.map(periodFromKey);
}

const listed = (days: string[], names: Record<string, string>): DayListed[] =>
  days.map((date) => ({ date, weekday: weekdayOf(date), holiday: names[date] ?? null }));

const sameSteps = (a: { at: number; step: string }[], b: { at: number; step: string }[]) =>
  a.length === b.length && a.every((s, i) => s.step === b[i]!.step && s.at === b[i]!.at);

/**
 * Whether a rule's open periods plan differently: the period holding `now`, and the one before it
 * (its overdue and supervisors' notices may still be to come in the first days of the next).
 */
function scheduleMoves(rule: CadenceRule, now: number, before: WorkingCalendar, after: WorkingCalendar): boolean {
  const current = periodContaining(now, rule.period);
  const previous = periodOfDate(addDays(current.firstDay, -1), rule.period);
  return [previous, current].some(
    (p) => !sameSteps(cadenceSchedule(p, rule, before).steps, cadenceSchedule(p, rule, after).steps),
  );
}

/** Open plans whose dates the new calendar moves (computed before storing). */
async function plansThatMove(
  prisma: PrismaClient,
  before: WorkingCalendar,
  after: WorkingCalendar,
  year: number,
  now: number,
) {
  // Meeting obligations: every unit of a level shares its period and rule (the notices' offset
  // per unit does not change which days they fall on).
  const storedRules = await prisma.cadenceRule.findMany();
  const movedLevels = UNIT_LEVELS.filter((level) => {
    const rule = ruleFor(
      level,
      storedRules.find((r) => r.level === level),
    );
    return scheduleMoves(rule, now, before, after);
  });
  const units = movedLevels.length
    ? await prisma.unit.findMany({ where: { removedAt: null, level: { in: [...movedLevels] } }, select: { id: true } })
    : [];

  const entries = await loadEntriesRule(prisma);
  const visitRule: CadenceRule = {
    level: 'community',
    period: entries.visitPeriod,
    minMeetings: entries.minVisits,
    reminderLadder: entries.visitReminderLadder,
    supervisorAfterDays: entries.visitSupervisorAfterDays,
    countAdhoc: true,
  };
  const visitsMove = scheduleMoves(visitRule, now, before, after);
  const leaders = visitsMove ? await prisma.leader.findMany({ where: { removedAt: null }, select: { id: true } }) : [];

  // Serving Party members' participation: every member shares the period and the ladder.
  const serving = await loadServingRule(prisma);
  const participationRule: CadenceRule = {
    level: 'community',
    period: serving.participationPeriod,
    minMeetings: serving.minServices,
    reminderLadder: serving.participationReminderLadder,
    supervisorAfterDays: 0,
    countAdhoc: true,
  };
  const members = scheduleMoves(participationRule, now, before, after) ? await activeServingMemberIds(prisma) : [];

  // Escalations: open hops with a deadline near the year are planned again; deadlines counted
  // from the escalation (or the dispute's new round) move when the new days change them, unless a
  // supervisor set the deadline by an extension.
  const near = { gte: dbDate(`${year - 1}-12-01`), lte: dbDate(`${year + 1}-01-31`) };
  const hops = await prisma.escalation.findMany({
    where: {
      state: { in: ['pending', 'taken_up', 'answered'] },
      agendaItem: { state: { in: ['escalated', 'taken_up', 'answered', 'disputed'] } },
      OR: [{ scheduleBy: near }, { answerBy: near }],
    },
    include: { extensions: true },
  });
  const rules = new Map((await prisma.escalationRule.findMany()).map((r) => [r.level, r] as const));
  const units2 = new Map(
    (
      await prisma.unit.findMany({
        where: { id: { in: hops.map((h) => h.toUnitId) } },
        select: { id: true, level: true },
      })
    ).map((u) => [u.id, u.level] as const),
  );
  const deadlineMoves: {
    hopId: string;
    agendaItemId: string;
    hop: number;
    round: number;
    scheduleBy: [string, string];
    answerBy: [string, string];
  }[] = [];
  for (const h of hops) {
    const level = units2.get(h.toUnitId);
    if (!level) continue;
    const rule = escalationRuleFor(level, rules.get(level));
    const scheduleBy = escalationDeadlines(h.escalatedAt, rule, after).scheduleBy;
    const extended = h.extensions.some((e) => e.round === h.round);
    const answerBy = extended
      ? localDate(h.answerBy)
      : escalationDeadlines(h.round > 0 ? h.roundStartedAt : h.escalatedAt, rule, after).answerBy;
    if (h.state === 'answered') continue; // the answer is in: its deadlines no longer matter
    if (scheduleBy !== localDate(h.scheduleBy) || answerBy !== localDate(h.answerBy)) {
      deadlineMoves.push({
        hopId: h.id,
        agendaItemId: h.agendaItemId,
        hop: h.hop,
        round: h.round,
        scheduleBy: [localDate(h.scheduleBy), scheduleBy],
        answerBy: [localDate(h.answerBy), answerBy],
      });
    }
  }
  return {
    unitIds: units.map((u) => u.id),
    leaderIds: leaders.map((l) => l.id),
    memberIds: members,
    // Each community's quarterly feedback plans its send day on the working days: told always.
    feedbackCommunityIds: await communitiesWithServing(prisma),
    agendaItemIds: [...new Set(hops.map((h) => h.agendaItemId))],
    deadlineMoves,
  };
}

/** Move the escalation deadlines the new working days move, in the calendar's transaction. */
async function moveDeadlines(
  tx: Prisma.TransactionClient,
  deadlineMoves: Awaited<ReturnType<typeof plansThatMove>>['deadlineMoves'],
): Promise<void> {
  for (const m of deadlineMoves) {
    await tx.escalation.update({
      where: { id: m.hopId },
      data: { scheduleBy: dbDate(m.scheduleBy[1]), answerBy: dbDate(m.answerBy[1]) },
    });
    // The answer deadline names its ledger series: steps carried out under the old deadline stay
    // carried out under the new one, so nothing is sent twice.
    const from = answerSeries({ hop: m.hop, round: m.round, answerBy: m.answerBy[0] });
    const to = answerSeries({ hop: m.hop, round: m.round, answerBy: m.answerBy[1] });
    if (from !== to) {
      const runs = await tx.escalationStepRun.findMany({
        where: { agendaItemId: m.agendaItemId, key: { startsWith: `${m.agendaItemId}/${from}/` } },
      });
      await tx.escalationStepRun.createMany({
        data: runs.map((r) => ({
          key: r.key.replace(`/${from}/`, `/${to}/`),
          agendaItemId: r.agendaItemId,
          outcome: r.outcome,
          at: r.at,
        })),
        skipDuplicates: true,
      });
    }
  }
}

/** Preview (or, confirmed, store) a year's working days. */
export async function enterCalendarYear(
  deps: CalendarServiceDeps,
  caller: { actor: string },
  input: { year: number; entry: YearEntry; confirm: boolean },
): Promise<CalendarYearAnswer> {
  const { prisma, clock } = deps;
  const { year } = input;
  const { data, holidays } = yearDataOf(year, input.entry);
  const now = clock();
  const before = await loadWorkingCalendar(prisma);
  const after = before.with([data]);
  const weekdaysOnly = before.with([{ year, offDays: [], makeupWorkdays: [], names: {}, source: data.source }]);
  const replaces = (await calendarYearRows(prisma)).find((r) => r.year === year)?.source ?? 'missing';

  const changedDueDates = periodsOf(year)
    .map((p) => ({
      period: p.key,
      weekdaysOnly: weekdaysOnly.lastWorkingDayOf(p),
      withNotice: after.lastWorkingDayOf(p),
    }))
    .filter((d) => d.weekdaysOnly !== d.withNotice);
  const closed = await prisma.periodOutcome.count({ where: { periodKey: { startsWith: String(year) } } });
  const answer: CalendarYearAnswer = {
    year,
    confirmed: false,
    holidays: holidays.map(({ name, line, offDays, makeupWorkdays }) => ({ name, line, offDays, makeupWorkdays })),
    offDays: listed(data.offDays, data.names),
    makeupWorkdays: listed(data.makeupWorkdays, data.names),
    changedDueDates,
    replaces,
    closedPeriods: closed
      ? `${year}年已关闭的${closed}个周期不受影响（逾期与达标结论保持不变）。 / The ${closed} period(s) of ${year} already closed are not changed (met and overdue stay as recorded).`
      : null,
    moved: null,
  };
  if (!input.confirm) return answer;

  const moves = await plansThatMove(prisma, before, after, year, now.getTime());
  await prisma.$transaction(async (tx) => {
    const previous = await tx.calendarYear.findUnique({ where: { year } });
    await saveCalendarYear(tx, {
      ...data,
      noticeText: input.entry.kind === 'notice' ? input.entry.text : null,
      enteredBy: caller.actor,
      enteredAt: now,
    });
    await moveDeadlines(tx, moves.deadlineMoves);
    await tx.auditEvent.create({
      data: {
        at: now,
        actor: caller.actor,
        action: 'calendar.year.enter',
        entity: 'calendarYear',
        entityId: String(year),
        before: previous
          ? { source: previous.source, offDays: previous.offDays, makeupWorkdays: previous.makeupWorkdays }
          : { source: replaces },
        after: {
          source: data.source,
          offDays: data.offDays,
          makeupWorkdays: data.makeupWorkdays,
          movedPlans: {
            meetingObligations: moves.unitIds,
            visitObligations: moves.leaderIds,
            participationObligations: moves.memberIds,
            escalations: moves.agendaItemIds,
            deadlines: moves.deadlineMoves.map(({ agendaItemId, scheduleBy, answerBy }) => ({
              agendaItemId,
              scheduleBy,
              answerBy,
            })),
          },
        },
      },
    });
  });
  const told = await tellCalendarChanged(deps.temporal, year, moves, deps.log);
  deps.log.info('Calendar year entered', {
    year,
    source: data.source,
    meetingObligations: moves.unitIds.length,
    visitObligations: moves.leaderIds.length,
    participationObligations: moves.memberIds.length,
    escalations: moves.agendaItemIds.length,
    told: told.told,
    failed: told.failed.length,
  });
  return {
    ...answer,
    confirmed: true,
    replaces,
    moved: {
      meetingObligations: moves.unitIds.length,
      visitObligations: moves.leaderIds.length,
      escalations: moves.agendaItemIds.length,
    },
  };
}

/** The years the calendar holds, and which of this and next year are missing. */
export async function calendarCoverageOf(prisma: PrismaClient, now: Date) {
  const thisYear = Number(shanghaiDateOf(now).slice(0, 4));
  const rows = await calendarYearRows(prisma);
  const missing = [thisYear, thisYear + 1].filter((y) => !rows.some((r) => r.year === y));
  const items = [
    ...rows.map((r) => ({
      year: r.year,
      source: r.source,
      offDays: r.offDays.length,
      makeupWorkdays: r.makeupWorkdays.length,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt,
    })),
    ...missing.map((year) => ({
      year,
      source: 'missing' as const,
      offDays: 0,
      makeupWorkdays: 0,
      enteredBy: null,
      enteredAt: null,
    })),
  ].sort((a, b) => a.year - b.year);
  return { currentYear: thisYear, missing, items };
}

/** One year as the calendar holds it (a year without data: `source: 'missing'`, empty lists). */
export async function calendarYearOf(prisma: PrismaClient, year: number) {
  const row = (await calendarYearRows(prisma)).find((r) => r.year === year);
  return (
    row ?? {
      year,
      source: 'missing' as const,
      offDays: [],
      makeupWorkdays: [],
      names: {},
      enteredBy: null,
      enteredAt: null,
    }
  );
}

/** Each day from `from` to `to` (inclusive): working or not, and why. */
export async function calendarDaysOf(prisma: PrismaClient, range: { from: string; to: string }) {
  const calendar = await loadWorkingCalendar(prisma);
  const items = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) items.push(calendar.explain(day));
  return { items };
}
