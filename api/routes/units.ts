/** Units (the organisation tree), their meetings, planned meetings and meeting obligation. */
import { type Response, Router } from 'express';
import type { Unit } from '@prisma/client';
import { ruleFor } from '../../domain/cadence';
import { periodOfDate, shanghaiDateOf } from '../../domain/period';
import { loadEntriesRule } from '../../records/entries-rule';
import { ItemStateError, loadItem, takeUp } from '../../records/agenda-items';
import { actorOf, allow, caller } from '../auth';
import { DEFAULT_WEBHOOK_POLICY, webhookUrlProblem } from '../../domain/webhook-policy';
import { meetingView, plannedView } from '../views/meetings';
import { unitView } from '../views/units';
import { ApiError, parseInput } from '../errors';
import { listQuery } from '../contract/common';
import { meetingInput, plannedInput } from '../contract/meetings';
import { convenerUnitUpdate, unitInput, unitUpdate } from '../contract/units';
import { type NewUnit, RegistryError, registerUnits } from '../unit-registry';
import { correctClosedPeriod } from '../../records/period-outcomes';
import { ensureCommunityCampaigns } from './evaluations';
import { leaderOfVisitObligation, leaderVisitWorkflowId, meetingCadenceWorkflowId } from '../../domain/workflow-ids';
import { tellEscalation } from '../../obligations/escalation';
import { tellVisitRecorded } from '../../obligations/leader-visit';
import {
  meetingObligationStatus,
  startAttendanceCheck,
  startMeetingObligations,
  startPlannedMeeting,
  tellMeetingRecorded,
  tellUnitRemoved,
} from '../../obligations/meeting-cadence';
import { attendeeMatches } from '../../domain/attendance';
import { canRead, canWrite, readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function unitsRouter(deps: ApiDeps): Router {
  const { prisma, clock, log, webhookPolicy = DEFAULT_WEBHOOK_POLICY } = deps;
  const router = Router();

  /**
   * A unit by id or by code, as the caller may see it: removed units and units outside the
   * caller's scope are not found; a unit they may read but not write is forbidden to write.
   */
  async function findUnit(ref: string, res: Response, mode: 'read' | 'write' = 'read'): Promise<Unit> {
    const unit = await prisma.unit.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    });
    const who = caller(res);
    if (!unit || !(await canRead(prisma, who, unit))) throw ApiError.notFound(`Unit ${ref}`);
    if (mode === 'write' && !canWrite(who, unit)) {
      throw new ApiError(403, 'forbidden', `Only the unit's convener (or an admin) may change ${unit.code}'s record`);
    }
    return unit;
  }

  router.post('/', allow('admin'), async (req, res) => {
    const { parentId, ...input } = parseInput(unitInput, req.body);
    let parentCode = input.parentCode;
    if (parentId) {
      const parent = await prisma.unit.findFirst({
        where: { id: UUID.test(parentId) ? parentId : '', removedAt: null },
      });
      if (!parent) throw ApiError.badRequest('parentId', `Parent unit ${parentId} does not exist`);
      parentCode = parent.code;
    }
    const newUnit: NewUnit = { ...input, parentCode };
    let result;
    try {
      result = await registerUnits(prisma, [newUnit], actorOf(res), { webhookPolicy });
    } catch (err) {
      if (!(err instanceof RegistryError)) throw err;
      const p = err.problems[0]!;
      const field = p.field === 'parentCode' && !input.parentCode ? 'parentId' : p.field;
      throw p.code === 'unit_code_taken'
        ? ApiError.conflict(p.code, p.message, field)
        : ApiError.badRequest(field, p.message);
    }
    const unit = result.units[0]!;
    await startMeetingObligations(deps, [unit.id]);
    if (unit.level === 'community') {
      await ensureCommunityCampaigns(deps, [unit.id], actorOf(res));
    }
    if (result.created) log.info('Unit registered', { unitId: unit.id, code: unit.code, level: unit.level });
    res.status(result.created ? 201 : 200).json(unitView(unit, caller(res)));
  });

  router.get('/', async (req, res) => {
    const q = parseInput(listQuery, req.query, 'query');
    const readable = await readableUnitIds(prisma, caller(res));
    const where = {
      removedAt: null,
      ...(readable === 'all' ? {} : { id: { in: [...readable] } }),
      ...(q.level ? { level: q.level } : {}),
      ...(q.streetId ? { streetId: q.streetId } : {}),
      ...(q.parentId ? { parentId: q.parentId } : {}),
    };
    const [items, total] = await Promise.all([
      prisma.unit.findMany({ where, orderBy: { code: 'asc' }, take: q.limit, skip: q.offset }),
      prisma.unit.count({ where }),
    ]);
    res.json({ items: items.map((u) => unitView(u, caller(res))), total, limit: q.limit, offset: q.offset });
  });

  router.get('/:unitRef', async (req, res) => {
    res.json(unitView(await findUnit(req.params.unitRef, res), caller(res)));
  });

  /** Change a unit's name or convener details. Level and place in the tree are fixed. */
  router.patch('/:unitRef', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res, 'write');
    // Property level: an admin may change the convener; the convener only their own contact settings.
    const input = parseInput(caller(res).role === 'admin' ? unitUpdate : convenerUnitUpdate, req.body);
    const webhookProblem = input.webhookUrl && webhookUrlProblem(input.webhookUrl, webhookPolicy);
    if (webhookProblem) throw ApiError.badRequest('webhookUrl', webhookProblem);
    const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => unit[k as keyof Unit] !== v));
    if (Object.keys(changes).length === 0) return void res.json(unitView(unit, caller(res)));
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, unit[k as keyof Unit]]));
    const [updated] = await prisma.$transaction([
      prisma.unit.update({ where: { id: unit.id }, data: changes }),
      prisma.auditEvent.create({
        data: { actor: actorOf(res), action: 'unit.update', entity: 'unit', entityId: unit.id, before, after: changes },
      }),
    ]);
    res.json(unitView(updated, caller(res)));
  });

  /** Remove a unit (kept in the record, marked removed); its meeting obligation ends. */
  router.delete('/:unitRef', allow('admin'), async (req, res) => {
    const unit = await findUnit(String(req.params.unitRef), res);
    const children = await prisma.unit.count({ where: { parentId: unit.id, removedAt: null } });
    if (children)
      throw ApiError.conflict('unit_has_children', `Unit ${unit.code} still has ${children} unit(s) under it`);
    const removedAt = clock();
    await prisma.$transaction([
      prisma.unit.update({ where: { id: unit.id }, data: { removedAt } }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'unit.remove',
          entity: 'unit',
          entityId: unit.id,
          before: { removedAt: null },
          after: { removedAt: removedAt.toISOString() },
        },
      }),
    ]);
    await tellUnitRemoved(deps, unit.id);
    res.status(204).end();
  });

  /** The current period of the unit's meeting obligation, from its workflow. */
  router.get('/:unitRef/obligation', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res);
    res.json(await meetingObligationStatus(deps, unit.id));
  });

  /** The unit's history: how each period closed, and every notice sent (the receipts). */
  router.get('/:unitRef/history', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res);
    const q = parseInput(listQuery.pick({ limit: true, offset: true }), req.query, 'query');
    const [periods, total, notices] = await Promise.all([
      prisma.periodOutcome.findMany({
        where: { unitId: unit.id },
        orderBy: { dueAt: 'desc' },
        take: q.limit,
        skip: q.offset,
      }),
      prisma.periodOutcome.count({ where: { unitId: unit.id } }),
      prisma.notification.findMany({ where: { unitId: unit.id }, orderBy: { scheduledFor: 'desc' }, take: 500 }),
    ]);
    // A community's record also holds its paired leaders' visit periods: say whose each one is.
    const leaderIds = periods.flatMap((p) => leaderOfVisitObligation(p.obligation) ?? []);
    const leaders = new Map(
      (await prisma.leader.findMany({ where: { id: { in: leaderIds } }, select: { id: true, name: true } })).map(
        (l) => [l.id, l],
      ),
    );
    res.json({
      unit: unitView(unit, caller(res)),
      periods: periods.map((p) => {
        const leaderId = leaderOfVisitObligation(p.obligation);
        return {
          obligation: leaderId ? ('leader-visit' as const) : ('meeting' as const),
          leader: (leaderId && leaders.get(leaderId)) || null,
          periodKey: p.periodKey,
          dueDate: shanghaiDateOf(p.dueAt),
          status: p.status,
          meetingsHeld: p.meetingsHeld,
          closedAt: p.closedAt.toISOString(),
          correctedAt: p.correctedAt?.toISOString() ?? null,
          notices: notices
            .filter((n) => n.periodKey === p.periodKey && n.obligation === p.obligation)
            .map((n) => ({
              step: n.step,
              recipient: n.recipient,
              channel: n.channel,
              status: n.status,
              sentAt: n.sentAt?.toISOString() ?? null,
            })),
        };
      }),
      total,
      limit: q.limit,
      offset: q.offset,
    });
  });

  router.post('/:unitRef/meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res, 'write');
    const actor = actorOf(res);
    const input = parseInput(meetingInput, req.body);
    const today = shanghaiDateOf(clock());
    if (input.heldOn > today)
      throw ApiError.badRequest('heldOn', `A meeting cannot be recorded before it is held (today is ${today})`);
    if (input.plannedMeetingId) {
      const planned = await prisma.plannedMeeting.findFirst({ where: { id: input.plannedMeetingId, unitId: unit.id } });
      if (!planned)
        throw ApiError.badRequest('plannedMeetingId', `No planned meeting ${input.plannedMeetingId} for this unit`);
    }
    const rule = ruleFor(unit.level, await prisma.cadenceRule.findUnique({ where: { level: unit.level } }));
    const periodKey = periodOfDate(input.heldOn, rule.period).key;
    const obligation = meetingCadenceWorkflowId(unit.id);

    // Escalated items this meeting takes up: they must be ones the caller can see.
    for (const [i, itemId] of input.takesUp.entries()) {
      const item = await prisma.agendaItem.findUnique({ where: { id: itemId }, include: { unit: true } });
      if (!item || !(await canRead(prisma, caller(res), item.unit)))
        throw ApiError.badRequest(`takesUp.${i}`, `No agenda item ${itemId}`);
    }
    const takenUp: string[] = [];
    const visits: { leaderId: string; visitId: string; periodKey: string }[] = [];
    const entriesRule = unit.level === 'community' ? await loadEntriesRule(prisma) : null;
    const meeting = await prisma.$transaction(async (tx) => {
      const created = await tx.meeting.create({
        data: {
          unitId: unit.id,
          heldOn: new Date(`${input.heldOn}T00:00:00Z`),
          kind: input.kind,
          attendees: input.attendees,
          minutes: input.minutes,
          periodKey,
          plannedMeetingId: input.plannedMeetingId,
        },
      });
      await tx.auditEvent.create({
        data: {
          actor,
          action: 'meeting.record',
          entity: 'meeting',
          entityId: created.id,
          after: { ...input, unitId: unit.id, periodKey },
        },
      });
      if (input.plannedMeetingId) {
        await tx.plannedMeeting.update({ where: { id: input.plannedMeetingId }, data: { status: 'held' } });
      }
      // The agenda: items raised here (some resolved on the spot), and escalated items taken up.
      for (const a of input.agendaItems) {
        const { resolution, ...fields } = a;
        const item = await tx.agendaItem.create({
          data: {
            ...fields,
            meetingId: created.id,
            unitId: unit.id,
            currentUnitId: unit.id,
            ...(resolution ? { state: 'resolved', resolution, resolvedAt: clock(), closedAt: clock() } : {}),
          },
        });
        await tx.auditEvent.create({
          data: { actor, action: 'agendaItem.raise', entity: 'agendaItem', entityId: item.id, after: a },
        });
      }
      for (const [i, itemId] of input.takesUp.entries()) {
        const item = await loadItem(tx, itemId);
        if (!item) throw ApiError.badRequest(`takesUp.${i}`, `No agenda item ${itemId}`);
        try {
          if (await takeUp(tx, item, created, actor, clock())) takenUp.push(item.id);
        } catch (err) {
          if (err instanceof ItemStateError) throw ApiError.badRequest(`takesUp.${i}`, err.message);
          throw err;
        }
      }
      // A leader paired with this community among the attendees: that is a visit (三进).
      if (entriesRule) {
        const leaders = await tx.leader.findMany({ where: { communityId: unit.id, removedAt: null } });
        for (const leader of leaders) {
          if (!input.attendees.some((a) => attendeeMatches(a, [leader.name, leader.code]))) continue;
          const visitPeriod = periodOfDate(input.heldOn, entriesRule.visitPeriod).key;
          const visit = await tx.visit.create({
            data: {
              leaderId: leader.id,
              communityId: unit.id,
              visitedOn: new Date(`${input.heldOn}T00:00:00Z`),
              periodKey: visitPeriod,
              purposes: ['joint_meeting'],
              meetingId: created.id,
              recordedBy: actor,
            },
          });
          await tx.auditEvent.create({
            data: {
              actor,
              action: 'visit.from-meeting',
              entity: 'visit',
              entityId: visit.id,
              after: { leaderId: leader.id, meetingId: created.id, periodKey: visitPeriod },
            },
          });
          await correctClosedPeriod(tx, {
            unitId: unit.id,
            obligation: leaderVisitWorkflowId(leader.id),
            periodKey: visitPeriod,
            count: () => tx.visit.count({ where: { leaderId: leader.id, periodKey: visitPeriod } }),
            minimum: entriesRule.minVisits,
            by: { byVisit: visit.id },
            actor,
            now: clock(),
          });
          visits.push({ leaderId: leader.id, visitId: visit.id, periodKey: visitPeriod });
        }
      }
      // A meeting dated in a period already closed corrects that period's record.
      await correctClosedPeriod(tx, {
        unitId: unit.id,
        obligation,
        periodKey,
        count: () =>
          tx.meeting.count({ where: { unitId: unit.id, periodKey, ...(rule.countAdhoc ? {} : { kind: 'regular' }) } }),
        minimum: rule.minMeetings,
        by: { byMeeting: created.id },
        actor,
        now: clock(),
      });
      return created;
    });

    // The record is written; tell the workflows. If Temporal is unreachable the meeting is
    // still safe: the obligation re-reads the record before it sends any notice.
    const obligationNotified = await tellMeetingRecorded(deps, {
      unitId: unit.id,
      meetingId: meeting.id,
      periodKey,
      kind: meeting.kind,
      plannedMeetingId: input.plannedMeetingId,
    });
    for (const itemId of takenUp) await tellEscalation(deps, itemId, 'taken-up');
    for (const v of visits) await tellVisitRecorded(deps, v, 'Visit counted but its obligation was not signalled');
    if (unit.level === 'community') await startAttendanceCheck(deps, meeting.id, unit.id);
    res.status(201).json({ ...meetingView(meeting), obligationNotified });
  });

  router.get('/:unitRef/meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res);
    const meetings = await prisma.meeting.findMany({ where: { unitId: unit.id }, orderBy: { heldOn: 'desc' } });
    res.json({ items: meetings.map(meetingView) });
  });

  /** Plan a meeting ahead: invitations with an .ics go out; missing minutes are chased. */
  router.post('/:unitRef/planned-meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res, 'write');
    const input = parseInput(plannedInput, req.body);
    const plannedFor = new Date(input.plannedFor);
    if (plannedFor.getTime() <= clock().getTime()) {
      throw ApiError.badRequest('plannedFor', 'A planned meeting lies in the future');
    }
    if (plannedFor.getTime() > clock().getTime() + 2 * 366 * 86_400_000) {
      throw ApiError.badRequest('plannedFor', 'A meeting is planned at most two years ahead');
    }
    const planned = await prisma.plannedMeeting.create({
      data: { unitId: unit.id, plannedFor, place: input.place, invitees: input.invitees },
    });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: 'meeting.plan',
        entity: 'plannedMeeting',
        entityId: planned.id,
        after: { ...input, unitId: unit.id },
      },
    });
    await startPlannedMeeting(deps, planned.id, unit.id);
    res.status(201).json(plannedView(planned));
  });

  router.get('/:unitRef/planned-meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef, res);
    const items = await prisma.plannedMeeting.findMany({ where: { unitId: unit.id }, orderBy: { plannedFor: 'desc' } });
    res.json({ items: items.map(plannedView) });
  });

  return router;
}
