/**
 * The three entries (三进): city leaders paired with communities and their visits, city
 * departments paired with communities and their attendance at the community joint meetings, and
 * the rule that governs them (rules are data). The supervisors' views: visits per period (who is
 * overdue), visits per leader per year, department attendance.
 */
import { type Response, Router } from 'express';
import type { Leader, Unit } from '@prisma/client';
import { entriesRuleFor, loadEntriesRule } from '../../records/entries-rule';
import { type PeriodUnit, periodFromKey, periodContaining, periodOfDate, shanghaiDateOf } from '../../domain/period';
import { isOverdueOn } from '../../domain/calendar';
import { loadWorkingCalendar } from '../../records/calendar';
import { PairingError, registerPairings, writePairings } from '../../records/pairings';
import {
  startVisitObligations,
  tellLeaderRemoved,
  tellVisitRecorded,
  visitObligationStatus,
} from '../../obligations/leader-visit';
import { actorOf, allow, caller } from '../auth';
import {
  attendanceQuery,
  departmentInput,
  departmentPairingsInput,
  entriesRuleInput,
  leaderInput,
  leaderListQuery,
  leaderUpdate,
  visitInput,
  visitsQuery,
  yearQuery,
} from '../contract/entries';
import { departmentView, leaderView, visitView } from '../views/entries';
import { ApiError, parseInput } from '../errors';
import { ensureCommunityCampaigns } from './evaluations';
import { correctClosedPeriod } from '../../records/period-outcomes';
import { leaderVisitWorkflowId } from '../../domain/workflow-ids';
import type { PairingBatch } from '../../domain/pairings';
import { attendeeMatches } from '../../domain/attendance';
import { canRead, readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const PERIOD_RANK: Record<PeriodUnit, number> = { month: 0, quarter: 1, year: 2 };
const PERIOD_NAMES: Record<PeriodUnit, string> = { month: '月', quarter: '季度', year: '年' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A batch's problems as the API's 400 (or 409 for a taken code), naming the field. */
export function pairingProblem(err: unknown, path: (p: PairingError['problems'][number]) => string): never {
  if (!(err instanceof PairingError)) throw err;
  const p = err.problems[0]!;
  if (p.code === 'code_taken') throw ApiError.conflict('code_taken', p.message, path(p));
  throw ApiError.badRequest(path(p), p.message);
}

export function entriesRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();
  const today = () => shanghaiDateOf(clock());

  async function community(ref: string, res: Response): Promise<Unit> {
    const unit = await prisma.unit.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    });
    if (!unit || !(await canRead(prisma, caller(res), unit))) throw ApiError.notFound(`Unit ${ref}`);
    return unit;
  }

  /** A leader as the caller may see them: their own record, their community's, or any for the office. */
  async function findLeader(ref: string, res: Response): Promise<Leader & { community: Unit }> {
    const leader = await prisma.leader.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
      include: { community: true },
    });
    const who = caller(res);
    const visible =
      leader &&
      (who.leaderId === leader.id || (who.role !== 'leader' && (await canRead(prisma, who, leader.community))));
    if (!leader || !visible) throw ApiError.notFound(`Leader ${ref}`);
    return leader;
  }

  // --- The rule -----------------------------------------------------------------------------

  router.get('/entries-rule', async (_req, res) => {
    res.json(await loadEntriesRule(prisma));
  });

  router.put('/entries-rule', allow('admin', 'supervisor'), async (req, res) => {
    const input = parseInput(entriesRuleInput, req.body);
    const before = await loadEntriesRule(prisma);
    const [saved] = await prisma.$transaction([
      prisma.entriesRule.upsert({ where: { id: 'default' }, create: { id: 'default', ...input }, update: input }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'rule.change',
          entity: 'entriesRule',
          entityId: 'default',
          before: { ...before },
          after: input,
        },
      }),
    ]);
    res.json({
      ...entriesRuleFor(saved),
      appliesFrom: 'next period (visits); next check (attendance); campaigns not yet open',
    });
  });

  // --- Leaders ------------------------------------------------------------------------------

  /** Register a city leader paired with a community: starts `leader-visit:<leaderId>`. */
  router.post('/leaders', allow('admin'), async (req, res) => {
    const { communityId, ...input } = parseInput(leaderInput, req.body);
    let communityCode = input.communityCode;
    if (communityId) {
      const unit = await prisma.unit.findFirst({ where: { id: communityId, removedAt: null } });
      if (!unit) throw ApiError.badRequest('communityId', `Community ${communityId} does not exist`);
      if (communityCode && communityCode !== unit.code)
        throw ApiError.badRequest(
          'communityId',
          `communityId 与 communityCode 指向不同单位 / communityId and communityCode name different units`,
        );
      communityCode = unit.code;
    }
    if (!communityCode)
      throw ApiError.badRequest('communityCode', 'Name the paired community: communityCode or communityId');
    const result = await registerPairings(
      prisma,
      { leaders: [{ ...input, communityCode }] },
      actorOf(res),
      today(),
      await loadEntriesRule(prisma),
    ).catch((err: unknown) =>
      pairingProblem(err, (p) => (p.field === 'communityCode' && communityId ? 'communityId' : p.field)),
    );
    const leader = result.leaders[0]!;
    await startVisitObligations(deps, [leader.id]);
    res.status(result.created.leaders ? 201 : 200).json(leaderView(leader));
  });

  router.get('/leaders', async (req, res) => {
    const q = parseInput(leaderListQuery, req.query, 'query');
    const who = caller(res);
    const readable = await readableUnitIds(prisma, who);
    // The filter narrows the caller's scope, never widens it (both conditions hold).
    const where = {
      removedAt: null,
      AND: [
        who.role === 'leader'
          ? { id: who.leaderId ?? '' }
          : readable === 'all'
            ? {}
            : { communityId: { in: [...readable] } },
        q.communityId ? { communityId: q.communityId } : {},
      ],
    };
    const [items, total] = await Promise.all([
      prisma.leader.findMany({ where, orderBy: { code: 'asc' }, take: q.limit, skip: q.offset }),
      prisma.leader.count({ where }),
    ]);
    res.json({ items: items.map(leaderView), total, limit: q.limit, offset: q.offset });
  });

  router.get('/leaders/:ref', async (req, res) => {
    res.json(leaderView(await findLeader(req.params.ref, res)));
  });

  /** Change a leader's details, or pair them with another community (from the next period). */
  router.patch('/leaders/:ref', allow('admin'), async (req, res) => {
    const leader = await findLeader(String(req.params.ref), res);
    const { communityCode, ...input } = parseInput(leaderUpdate, req.body);
    const changes: Record<string, string | null> = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => leader[k as keyof Leader] !== v),
    );
    if (communityCode && communityCode !== leader.community.code) {
      const target = await prisma.unit.findFirst({
        where: { code: communityCode, level: 'community', removedAt: null },
      });
      if (!target) throw ApiError.badRequest('communityCode', `Community ${communityCode} does not exist`);
      changes.communityId = target.id;
    }
    if (Object.keys(changes).length === 0) return void res.json(leaderView(leader));
    const before: Record<string, string | null> = Object.fromEntries(
      Object.keys(changes).map((k) => [k, leader[k as 'name'] as string | null]),
    );
    const newCommunityId = changes.communityId;
    const [updated] = await prisma.$transaction([
      prisma.leader.update({ where: { id: leader.id }, data: changes }),
      // The users acting for the leader follow them: their scope is the paired community.
      ...(newCommunityId
        ? [prisma.user.updateMany({ where: { leaderId: leader.id }, data: { unitId: newCommunityId } })]
        : []),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'leader.update',
          entity: 'leader',
          entityId: leader.id,
          before,
          after: changes,
        },
      }),
    ]);
    res.json(leaderView(updated));
  });

  /** Remove a leader (kept in the record): the visit obligation ends. */
  router.delete('/leaders/:ref', allow('admin'), async (req, res) => {
    const leader = await findLeader(String(req.params.ref), res);
    const removedAt = clock();
    await prisma.$transaction([
      prisma.leader.update({ where: { id: leader.id }, data: { removedAt } }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'leader.remove',
          entity: 'leader',
          entityId: leader.id,
          after: { removedAt: removedAt.toISOString() },
        },
      }),
    ]);
    await tellLeaderRemoved(deps, leader.id);
    res.status(204).end();
  });

  /** The leader's current period: due date, visits so far, next notice (the workflow's query). */
  router.get('/leaders/:ref/obligation', async (req, res) => {
    const leader = await findLeader(req.params.ref, res);
    const status = await visitObligationStatus(deps, leader.id);
    res.json({
      workflowId: status.workflowId,
      leaderId: leader.id,
      communityId: leader.communityId,
      state: status.state,
      periodKey: status.periodKey,
      dueDate: status.dueDate,
      visits: status.meetingsHeld,
      minVisits: status.minMeetings,
      outcome: status.outcome,
      nextNotice: status.nextNotice,
    });
  });

  /** Record a visit: the leader themselves, their community's convener, or an admin. */
  router.post('/leaders/:ref/visits', async (req, res) => {
    const leader = await findLeader(String(req.params.ref), res);
    const who = caller(res);
    const may =
      who.role === 'admin' ||
      who.leaderId === leader.id ||
      (who.role === 'convener' && who.unitId === leader.communityId);
    if (!may)
      throw new ApiError(
        403,
        'forbidden',
        'Only the leader, the paired community’s convener or an admin records a visit',
      );
    const input = parseInput(visitInput, req.body);
    if (input.visitedOn > today())
      throw ApiError.badRequest('visitedOn', `A visit is recorded after it took place (today is ${today()})`);
    const rule = await loadEntriesRule(prisma);
    const periodKey = periodOfDate(input.visitedOn, rule.visitPeriod).key;
    const visit = await prisma.$transaction(async (tx) => {
      const created = await tx.visit.create({
        data: {
          leaderId: leader.id,
          communityId: leader.communityId,
          visitedOn: new Date(`${input.visitedOn}T00:00:00Z`),
          periodKey,
          purposes: input.purposes,
          notes: input.notes,
          recordedBy: actorOf(res),
        },
      });
      await tx.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'visit.record',
          entity: 'visit',
          entityId: created.id,
          after: { ...input, leaderId: leader.id, periodKey },
        },
      });
      await correctClosedPeriod(tx, {
        unitId: leader.communityId,
        obligation: leaderVisitWorkflowId(leader.id),
        periodKey,
        count: () => tx.visit.count({ where: { leaderId: leader.id, periodKey } }),
        minimum: rule.minVisits,
        by: { byVisit: created.id },
        actor: actorOf(res),
        now: clock(),
      });
      return created;
    });
    const obligationNotified = await tellVisitRecorded(deps, { leaderId: leader.id, visitId: visit.id, periodKey });
    res.status(201).json({ ...visitView(visit), obligationNotified });
  });

  router.get('/leaders/:ref/visits', async (req, res) => {
    const leader = await findLeader(req.params.ref, res);
    const q = parseInput(yearQuery, req.query, 'query');
    const visits = await prisma.visit.findMany({
      where: {
        leaderId: leader.id,
        ...(q.year
          ? { visitedOn: { gte: new Date(`${q.year}-01-01T00:00:00Z`), lte: new Date(`${q.year}-12-31T00:00:00Z`) } }
          : {}),
      },
      orderBy: { visitedOn: 'desc' },
    });
    res.json({ items: visits.map(visitView) });
  });

  // --- Departments and pairings --------------------------------------------------------------

  router.post('/departments', allow('admin'), async (req, res) => {
    const input = parseInput(departmentInput, req.body);
    const result = await registerPairings(
      prisma,
      { departments: [input] },
      actorOf(res),
      today(),
      await loadEntriesRule(prisma),
    ).catch((err: unknown) => pairingProblem(err, (p) => p.field));
    res.status(result.created.departments ? 201 : 200).json(departmentView(result.departments[0]!, true));
  });

  router.get('/departments', async (_req, res) => {
    const who = caller(res);
    const office = who.role === 'admin' || who.role === 'supervisor';
    const departments = await prisma.department.findMany({
      where: { removedAt: null },
      orderBy: { code: 'asc' },
      include: { pairings: { where: { endedAt: null }, select: { communityId: true } } },
    });
    res.json({
      items: departments.map((d) => {
        const communityIds = d.pairings.map((p) => p.communityId);
        const paired = who.role === 'convener' && !!who.unitId && communityIds.includes(who.unitId);
        return { ...departmentView(d, office || paired), communityIds };
      }),
    });
  });

  /** Set the departments paired with a community (3 to 5 by the rule): the list replaces the current one. */
  router.put('/units/:unitRef/department-pairings', allow('admin'), async (req, res) => {
    const unit = await community(String(req.params.unitRef), res);
    if (unit.level !== 'community')
      throw ApiError.badRequest('path.unitRef', 'Departments are paired with communities');
    const { departmentCodes } = parseInput(departmentPairingsInput, req.body);
    const rule = await loadEntriesRule(prisma);
    const codes = [...new Set(departmentCodes)];
    if (codes.length !== departmentCodes.length)
      throw ApiError.badRequest('departmentCodes', '同一部门列出两次 / A department is listed twice');
    const current = await prisma.departmentPairing.findMany({
      where: { communityId: unit.id, endedAt: null },
      include: { department: true },
    });
    const ending = current.filter((p) => !codes.includes(p.department.code));
    const batch: PairingBatch = {
      pairings: codes.map((departmentCode) => ({ departmentCode, communityCode: unit.code })),
    };
    const actor = actorOf(res);
    // One transaction: the ones not listed end first (so the count check sees the new list only),
    // and a list refused as a whole leaves every pairing, and the audit trail, as it was.
    await prisma
      .$transaction(
        async (tx) => {
          for (const p of ending) {
            await tx.departmentPairing.update({ where: { id: p.id }, data: { endedAt: clock() } });
            await tx.auditEvent.create({
              data: {
                actor,
                action: 'pairing.end',
                entity: 'departmentPairing',
                entityId: p.id,
                before: { departmentCode: p.department.code, communityId: unit.id },
              },
            });
          }
          await writePairings(tx, batch, actor, today(), rule);
        },
        { timeout: 120_000 },
      )
      .catch((err: unknown) =>
        pairingProblem(err, (p) => (p.code === 'pairing_count' ? 'departmentCodes' : `departmentCodes.${p.index}`)),
      );
    // Paired departments make the community evaluable: its campaign of the year, now.
    await ensureCommunityCampaigns(deps, [unit.id], actor);
    res.json(await pairingsOf(unit, res));
  });

  async function pairingsOf(unit: Unit, res: Response) {
    const who = caller(res);
    const showEmail =
      who.role === 'admin' || who.role === 'supervisor' || (who.role === 'convener' && who.unitId === unit.id);
    const [leaders, pairings] = await Promise.all([
      prisma.leader.findMany({ where: { communityId: unit.id, removedAt: null }, orderBy: { code: 'asc' } }),
      prisma.departmentPairing.findMany({
        where: { communityId: unit.id, endedAt: null, department: { removedAt: null } },
        include: { department: true },
        orderBy: { department: { code: 'asc' } },
      }),
    ]);
    return {
      communityId: unit.id,
      leaders: leaders.map(leaderView),
      departments: pairings.map((p) => ({
        ...departmentView(p.department, showEmail),
        pairedOn: p.pairedOn.toISOString().slice(0, 10),
      })),
    };
  }

  router.get('/units/:unitRef/pairings', async (req, res) => {
    res.json(await pairingsOf(await community(req.params.unitRef, res), res));
  });

  // --- Supervisors' views ---------------------------------------------------------------------

  /** Each leader's visits in a period (default: the current one): visited, pending, or overdue. */
  router.get('/supervision/visits', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(visitsQuery, req.query, 'query');
    const rule = await loadEntriesRule(prisma);
    let period = periodContaining(clock(), rule.visitPeriod);
    if (q.period) {
      // A month or quarter within a visit period names it; a longer period has several (400, not the first one).
      const asked = periodFromKey(q.period);
      period = periodOfDate(asked.firstDay, rule.visitPeriod);
      if (PERIOD_RANK[asked.unit] > PERIOD_RANK[rule.visitPeriod]) {
        throw ApiError.badRequest(
          'query.period',
          `走访按${PERIOD_NAMES[rule.visitPeriod]}统计，请指定一个${PERIOD_NAMES[rule.visitPeriod]}（如 ${period.key}） / Visits are counted per ${rule.visitPeriod}: name one (e.g. ${period.key})`,
        );
      }
    }
    const calendar = await loadWorkingCalendar(prisma);
    const dueDate = calendar.lastWorkingDayOf(period);
    const leaders = await prisma.leader.findMany({
      where: { removedAt: null, ...(q.streetId ? { community: { streetId: q.streetId } } : {}) },
      include: { community: true, visits: { where: { periodKey: period.key }, orderBy: { visitedOn: 'asc' } } },
      orderBy: { code: 'asc' },
    });
    const rows = leaders
      .map((l) => {
        const visits = l.visits.length;
        const status =
          visits >= rule.minVisits ? 'visited' : isOverdueOn(calendar, dueDate, today()) ? 'overdue' : 'pending';
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
    res.json({
      period: period.key,
      dueDate,
      items: rows.slice(q.offset, q.offset + q.limit),
      total: rows.length,
      limit: q.limit,
      offset: q.offset,
    });
  });

  /** Visits per leader per year, by period. */
  router.get('/supervision/visits/by-leader', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(yearQuery, req.query, 'query');
    const year = q.year ?? Number(today().slice(0, 4));
    const leaders = await prisma.leader.findMany({
      where: { removedAt: null },
      include: {
        community: true,
        visits: {
          where: { visitedOn: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
        },
      },
      orderBy: { code: 'asc' },
    });
    res.json({
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
    });
  });

  /** Department attendance at community joint meetings, per department and community, in a period. */
  router.get('/supervision/attendance', async (req, res) => {
    const q = parseInput(attendanceQuery, req.query, 'query');
    const who = caller(res);
    if (!['admin', 'supervisor', 'department', 'convener', 'leader'].includes(who.role)) {
      throw new ApiError(403, 'forbidden', `A ${who.role} may not do this`);
    }
    const period = periodFromKey(q.period ?? periodContaining(clock(), 'quarter').key);
    const readable = await readableUnitIds(prisma, who);
    const rule = await loadEntriesRule(prisma);
    const pairings = await prisma.departmentPairing.findMany({
      where: {
        endedAt: null,
        department: { removedAt: null },
        community: { removedAt: null },
        // The filters narrow the caller's scope, never widen it (every condition holds).
        AND: [
          who.role === 'department'
            ? { departmentId: who.departmentId ?? '' }
            : readable === 'all'
              ? {}
              : { communityId: { in: [...readable] } },
          q.communityId ? { communityId: q.communityId } : {},
          q.departmentId ? { departmentId: q.departmentId } : {},
        ],
      },
      include: { department: true, community: true },
    });
    const communityIds = [...new Set(pairings.map((p) => p.communityId))];
    const meetings = await prisma.meeting.findMany({
      where: { unitId: { in: communityIds } },
      orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
      select: { unitId: true, heldOn: true, attendees: true },
    });
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
    res.json({ period: period.key, absenceThreshold: rule.absenceThreshold, items });
  });

  return router;
}
