/**
 * The acts on the city leaders and their visits (三进: 领导干部深入联系点): register a leader
 * (their visit obligation `leader-visit:<leaderId>` starts), change or remove them, record a visit
 * (a period already closed is corrected), and the reads the supervisors ask: the leader's current
 * period from the workflow, the visits per period and per year.
 */
import { actorOf, canRead, type Caller } from '../records/scope';
import type { Leader, Unit, Visit } from '@prisma/client';
import { isOverdueOn } from '../domain/calendar';
import type { NewLeader } from '../domain/pairings';
import { type PeriodUnit, periodContaining, periodFromKey, periodOfDate, shanghaiDateOf } from '../domain/period';
import {
  startVisitObligations,
  tellLeaderRemoved,
  tellVisitRecorded,
  visitObligationStatus,
} from '../obligations/leader-visit';
import { loadWorkingCalendar } from '../records/calendar';
import { loadEntriesRule } from '../records/entries-rule';
import { communityByCode, leaderByRef, liveUnitById, removeLeader, updateLeader } from '../records/leaders';
import { registerPairings } from '../records/pairings';
import {
  leadersWithVisitsIn,
  leadersWithVisitsInYear,
  recordVisit as saveVisit,
  visitsOfLeader,
} from '../records/visits';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { pairingProblem } from './pairings';

const todayOf = (clock: () => Date) => shanghaiDateOf(clock());

/** A leader as the caller may see them: their own record, their community's, or any for the office. */
export async function leaderInScope(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  ref: string,
): Promise<Leader & { community: Unit }> {
  const leader = await leaderByRef(deps.prisma, ref);
  const visible =
    leader &&
    (caller.leaderId === leader.id ||
      (caller.role !== 'leader' && (await canRead(deps.prisma, caller, leader.community))));
  if (!leader || !visible) throw ServiceError.notFound(`Leader ${ref}`);
  return leader;
}

/** Register a city leader paired with a community (named by code or id): starts `leader-visit:<leaderId>`. */
export async function registerLeader(
  deps: ServiceDeps,
  caller: Caller,
  input: Omit<NewLeader, 'communityCode'> & { communityCode?: string; communityId?: string },
): Promise<{ leader: Leader; created: boolean }> {
  const { communityId, ...fields } = input;
  let communityCode = fields.communityCode;
  if (communityId) {
    const unit = await liveUnitById(deps.prisma, communityId);
    if (!unit) throw ServiceError.badRequest('communityId', `Community ${communityId} does not exist`);
    if (communityCode && communityCode !== unit.code)
      throw ServiceError.badRequest(
        'communityId',
        `communityId 与 communityCode 指向不同单位 / communityId and communityCode name different units`,
      );
    communityCode = unit.code;
  }
  if (!communityCode)
    throw ServiceError.badRequest('communityCode', 'Name the paired community: communityCode or communityId');
  const result = await registerPairings(
    deps.prisma,
    { leaders: [{ ...fields, communityCode }] },
    { actor: actorOf(caller), now: deps.clock() },
    await loadEntriesRule(deps.prisma),
  ).catch((err: unknown) =>
    pairingProblem(err, (p) => (p.field === 'communityCode' && communityId ? 'communityId' : p.field)),
  );
  const leader = result.leaders[0]!;
  await startVisitObligations(deps, [leader.id]);
  return { leader, created: result.created.leaders > 0 };
}

/** The details a leader's record may change (null clears an optional one). */
export interface LeaderChange {
  name?: string;
  title?: string | null;
  email?: string;
  phone?: string | null;
  locale?: 'zh-CN' | 'en';
  secretaryName?: string | null;
  secretaryEmail?: string | null;
  /** Pair the leader with another community (from its next period). */
  communityCode?: string;
}

/** Change a leader's details, or pair them with another community (from the next period). */
export async function changeLeader(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  input: { leaderRef: string; change: LeaderChange },
): Promise<Leader> {
  const leader = await leaderInScope(deps, caller, input.leaderRef);
  const { communityCode, ...fields } = input.change;
  const changes: Record<string, string | null> = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => leader[k as keyof Leader] !== v),
  );
  if (communityCode && communityCode !== leader.community.code) {
    const target = await communityByCode(deps.prisma, communityCode);
    if (!target) throw ServiceError.badRequest('communityCode', `Community ${communityCode} does not exist`);
    changes.communityId = target.id;
  }
  if (Object.keys(changes).length === 0) return leader;
  const before: Record<string, string | null> = Object.fromEntries(
    Object.keys(changes).map((k) => [k, leader[k as 'name'] as string | null]),
  );
  return updateLeader(
    deps.prisma,
    leader.id,
    { before, after: changes },
    { actor: actorOf(caller), now: deps.clock() },
  );
}

/** Remove a leader (kept in the record): the visit obligation ends. */
export async function removeLeaderAct(deps: ServiceDeps, caller: Caller, leaderRef: string): Promise<void> {
  const leader = await leaderInScope(deps, caller, leaderRef);
  await removeLeader(deps.prisma, leader.id, { actor: actorOf(caller), now: deps.clock() });
  await tellLeaderRemoved(deps, leader.id);
}

/** The leader's current period: due date, visits so far, next notice (the workflow's query). */
export async function leaderObligation(deps: ServiceDeps, caller: Caller, leaderRef: string) {
  const leader = await leaderInScope(deps, caller, leaderRef);
  const status = await visitObligationStatus(deps, leader.id);
  return { leader, status };
}

/** What a visit was: its day, its purposes, notes. */
export interface VisitEntry {
  visitedOn: string;
  purposes: string[];
  notes?: string;
}

/**
 * Record a visit (the leader themselves, their community's convener, or an admin): a period already
 * closed is corrected, then the leader's obligation is told (`obligationNotified`).
 */
export async function recordVisit(
  deps: ServiceDeps,
  caller: Caller,
  input: { leaderRef: string; visit: VisitEntry },
): Promise<{ visit: Visit; obligationNotified: boolean }> {
  const leader = await leaderInScope(deps, caller, input.leaderRef);
  const may =
    caller.role === 'admin' ||
    caller.leaderId === leader.id ||
    (caller.role === 'convener' && caller.unitId === leader.communityId);
  if (!may)
    throw new ServiceError(
      403,
      'forbidden',
      'Only the leader, the paired community’s convener or an admin records a visit',
    );
  const entry = input.visit;
  const today = todayOf(deps.clock);
  if (entry.visitedOn > today)
    throw ServiceError.badRequest('visitedOn', `A visit is recorded after it took place (today is ${today})`);
  const rule = await loadEntriesRule(deps.prisma);
  const periodKey = periodOfDate(entry.visitedOn, rule.visitPeriod).key;
  const visit = await saveVisit(
    deps.prisma,
    { leader, ...entry, periodKey, entered: { ...entry }, minVisits: rule.minVisits },
    { actor: actorOf(caller), now: deps.clock() },
  );
  const obligationNotified = await tellVisitRecorded(deps, { leaderId: leader.id, visitId: visit.id, periodKey });
  return { visit, obligationNotified };
}

/** A leader's visits (in a year, or all), latest first. */
export async function visitsOf(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  input: { leaderRef: string; year?: number },
): Promise<Visit[]> {
  const leader = await leaderInScope(deps, caller, input.leaderRef);
  return visitsOfLeader(deps.prisma, leader.id, input.year);
}

const PERIOD_RANK: Record<PeriodUnit, number> = { month: 0, quarter: 1, half: 2, year: 3 };
const PERIOD_NAMES: Record<PeriodUnit, string> = { month: '月', quarter: '季度', half: '半年', year: '年' };

/**
 * Each leader's visits in a period (default: the current one): visited, pending, or overdue. A
 * month or quarter within a visit period names it; a longer period has several (400).
 */
export async function visitsInPeriod(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  q: { period?: string; status?: 'visited' | 'pending' | 'overdue'; streetId?: string },
) {
  const rule = await loadEntriesRule(deps.prisma);
  let period = periodContaining(deps.clock(), rule.visitPeriod);
  if (q.period) {
    const asked = periodFromKey(q.period);
    period = periodOfDate(asked.firstDay, rule.visitPeriod);
    if (PERIOD_RANK[asked.unit] > PERIOD_RANK[rule.visitPeriod]) {
      throw ServiceError.badRequest(
        'query.period',
        `走访按${PERIOD_NAMES[rule.visitPeriod]}统计，请指定一个${PERIOD_NAMES[rule.visitPeriod]}（如 ${period.key}） / Visits are counted per ${rule.visitPeriod}: name one (e.g. ${period.key})`,
      );
    }
  }
  const calendar = await loadWorkingCalendar(deps.prisma);
  const dueDate = calendar.lastWorkingDayOf(period);
  const today = todayOf(deps.clock);
  const leaders = await leadersWithVisitsIn(deps.prisma, period.key, q.streetId);
  const rows = leaders
    .map((l) => {
      const visits = l.visits.length;
      const status: 'visited' | 'pending' | 'overdue' =
        visits >= rule.minVisits ? 'visited' : isOverdueOn(calendar, dueDate, today) ? 'overdue' : 'pending';
      return {
        leaderId: l.id,
        code: l.code,
        name: l.name,
        title: l.title,
        community: { id: l.communityId, name: l.community.name },
        visits,
        minVisits: rule.minVisits,
        lastVisitOn: l.visits.at(-1)?.visitedOn.toISOString().slice(0, 10) ?? null,
        status,
      };
    })
    .filter((r) => !q.status || r.status === q.status);
  return { period: period.key, dueDate, rows };
}

/** Visits per leader in a year (default: this year), by period. */
export async function visitsByLeader(deps: Pick<ServiceDeps, 'prisma' | 'clock'>, q: { year?: number }) {
  const year = q.year ?? Number(todayOf(deps.clock).slice(0, 4));
  const leaders = await leadersWithVisitsInYear(deps.prisma, year);
  return {
    year,
    items: leaders.map((l) => {
      const byPeriod: Record<string, number> = {};
      for (const v of l.visits) byPeriod[v.periodKey] = (byPeriod[v.periodKey] ?? 0) + 1;
      return {
        leaderId: l.id,
        code: l.code,
        name: l.name,
        community: { id: l.communityId, name: l.community.name },
        total: l.visits.length,
        byPeriod,
      };
    }),
  };
}
