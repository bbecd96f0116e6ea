/** Units (the organisation tree), their meetings and their meeting obligation. */
import { Router } from 'express';
import type { Unit } from '@prisma/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { z } from 'zod';
import { meetingCadenceWorkflowId, ruleFor, UNIT_LEVELS, type UnitLevel } from '../../domain/cadence';
import { isLocalDate, periodOfDate, shanghaiDateOf } from '../../domain/period';
import { cadenceStatusQuery, meetingCadenceWorkflow, meetingRecordedSignal } from '../../workflows/meeting-cadence';
import type { ApiDeps } from '../app';
import { ApiError, parseInput } from '../errors';

const PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  city: null,
  street: 'city',
  community: 'street',
  compound: 'community',
  building: 'compound',
};

const unitInput = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Lowercase letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  level: z.enum(UNIT_LEVELS),
  parentId: z.string().min(1).optional(),
  convenerName: z.string().trim().min(1).max(100),
  convenerEmail: z.email(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

const meetingInput = z.object({
  heldOn: z.string().refine(isLocalDate, 'A calendar date YYYY-MM-DD'),
  kind: z.enum(['regular', 'adhoc']).default('regular'),
  attendees: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  minutes: z.string().max(100_000).optional(),
});

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  level: z.enum(UNIT_LEVELS).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unitView(u: Unit) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    convenerName: u.convenerName,
    convenerEmail: u.convenerEmail,
    locale: u.locale,
    createdAt: u.createdAt.toISOString(),
    obligationWorkflowId: meetingCadenceWorkflowId(u.id),
  };
}

export function unitsRouter({ prisma, temporal, taskQueue, clock, log }: ApiDeps): Router {
  const router = Router();

  /** A unit by id or by code; removed units are not found. */
  async function findUnit(ref: string): Promise<Unit> {
    const unit = await prisma.unit.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    });
    if (!unit) throw ApiError.notFound(`Unit ${ref}`);
    return unit;
  }

  /** Start the unit's meeting obligation; a repeated start is harmless. */
  async function startObligation(unit: Unit): Promise<void> {
    await temporal.workflow.start(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(unit.id),
      taskQueue,
      args: [{ unitId: unit.id }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  router.post('/', async (req, res) => {
    const input = parseInput(unitInput, req.body);
    if (input.parentId) {
      const parent = await findUnit(input.parentId).catch(() => {
        throw ApiError.badRequest('parentId', `Parent unit ${input.parentId} does not exist`);
      });
      if (PARENT_LEVEL[input.level] !== parent.level) {
        throw ApiError.badRequest(
          'parentId',
          `A ${input.level} belongs under a ${PARENT_LEVEL[input.level] ?? 'no'} unit, not a ${parent.level}`,
        );
      }
      input.parentId = parent.id;
    } else if (input.level !== 'city' && input.level !== 'community') {
      // Communities may stand alone until the tree is imported; others need their parent.
      throw ApiError.badRequest('parentId', `A ${input.level} needs its parent ${PARENT_LEVEL[input.level]}`);
    }

    const existing = await prisma.unit.findUnique({ where: { code: input.code } });
    let unit: Unit;
    let status = 201;
    if (existing) {
      const same =
        existing.name === input.name &&
        existing.level === input.level &&
        (existing.parentId ?? undefined) === input.parentId &&
        existing.convenerName === input.convenerName &&
        existing.convenerEmail === input.convenerEmail &&
        existing.locale === input.locale &&
        !existing.removedAt;
      if (!same)
        throw ApiError.conflict('unit_code_taken', `Unit code ${input.code} is already used by another unit`, 'code');
      unit = existing;
      status = 200;
    } else {
      unit = await prisma.unit.create({ data: input });
    }
    await startObligation(unit);
    log.info('Unit registered', { unitId: unit.id, code: unit.code, level: unit.level });
    res.status(status).json(unitView(unit));
  });

  router.get('/', async (req, res) => {
    const q = parseInput(listQuery, req.query, 'query');
    const where = { removedAt: null, ...(q.level ? { level: q.level } : {}) };
    const [items, total] = await Promise.all([
      prisma.unit.findMany({ where, orderBy: { code: 'asc' }, take: q.limit, skip: q.offset }),
      prisma.unit.count({ where }),
    ]);
    res.json({ items: items.map(unitView), total, limit: q.limit, offset: q.offset });
  });

  router.get('/:unitRef', async (req, res) => {
    res.json(unitView(await findUnit(req.params.unitRef)));
  });

  /** The current period of the unit's meeting obligation, from its workflow. */
  router.get('/:unitRef/obligation', async (req, res) => {
    const unit = await findUnit(req.params.unitRef);
    const handle = temporal.workflow.getHandle(meetingCadenceWorkflowId(unit.id));
    // A run that has just started may not have loaded its rule yet: give it a moment.
    let status = await handle.query(cadenceStatusQuery);
    for (let i = 0; !status.periodKey && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await handle.query(cadenceStatusQuery);
    }
    res.json({ workflowId: handle.workflowId, state: status.periodKey ? 'watching' : 'starting', ...status });
  });

  router.post('/:unitRef/meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef);
    const input = parseInput(meetingInput, req.body);
    const today = shanghaiDateOf(clock());
    if (input.heldOn > today)
      throw ApiError.badRequest('heldOn', `A meeting cannot be recorded before it is held (today is ${today})`);
    const rule = await prisma.cadenceRule.findUnique({ where: { level: unit.level } });
    const periodKey = periodOfDate(input.heldOn, ruleFor(unit.level, rule).period).key;
    const meeting = await prisma.meeting.create({
      data: {
        unitId: unit.id,
        heldOn: new Date(`${input.heldOn}T00:00:00Z`),
        kind: input.kind,
        attendees: input.attendees,
        minutes: input.minutes,
        periodKey,
      },
    });
    // The record is written; tell the obligation. If Temporal is unreachable the meeting is
    // still safe: the workflow re-reads the record before it sends any notice.
    let obligationNotified = true;
    try {
      await temporal.workflow.signalWithStart(meetingCadenceWorkflow, {
        workflowId: meetingCadenceWorkflowId(unit.id),
        taskQueue,
        args: [{ unitId: unit.id }],
        signal: meetingRecordedSignal,
        signalArgs: [{ meetingId: meeting.id, periodKey }],
      });
    } catch (err) {
      obligationNotified = false;
      log.warn('Meeting recorded but the obligation workflow was not signalled', {
        meetingId: meeting.id,
        err: String(err),
      });
    }
    res.status(201).json({
      id: meeting.id,
      unitId: unit.id,
      heldOn: input.heldOn,
      kind: meeting.kind,
      periodKey,
      attendees: input.attendees,
      minutes: meeting.minutes,
      obligationNotified,
    });
  });

  router.get('/:unitRef/meetings', async (req, res) => {
    const unit = await findUnit(req.params.unitRef);
    const meetings = await prisma.meeting.findMany({ where: { unitId: unit.id }, orderBy: { heldOn: 'desc' } });
    res.json({
      items: meetings.map((m) => ({
        id: m.id,
        heldOn: m.heldOn.toISOString().slice(0, 10),
        kind: m.kind,
        periodKey: m.periodKey,
        attendees: m.attendees,
        minutes: m.minutes,
      })),
    });
  });

  return router;
}
