/**
 * Agenda items (议题) and their escalation (议题上移): the register of each level, the written
 * ledger entry that sends an item up, the upper level taking it up and answering, the raising
 * level confirming or disputing the answer, and the liaison office's extensions.
 */
import { type Response, Router } from 'express';
import type { Meeting, Unit } from '@prisma/client';
import { escalationDeadlines } from '../../domain/escalation';
import { shanghaiDateOf } from '../../domain/period';
import { overdueCutoff } from '../../domain/calendar';
import { loadWorkingCalendar } from '../../records/calendar';
import {
  assertHeldSinceArrival,
  carriedMinutes,
  climb,
  currentAnswer,
  dbDate,
  escalationRule,
  type ItemRecord,
  ItemStateError,
  loadItem,
  localDate,
  takeUp,
  topHop,
} from '../../records/agenda-items';
import { actorOf, allow, caller } from '../auth';
import { itemView } from '../views/agenda';
import { ApiError, parseInput } from '../errors';
import {
  agendaItemInput,
  agendaListQuery,
  escalationInput,
  extensionInput,
  feedbackInput,
  resolutionInput,
  responseInput,
  takeUpInput,
} from '../contract/agenda';
import {
  type EscalationChange,
  escalationStatus,
  extendEscalationDeadline,
  tellEscalation,
} from '../../obligations/escalation';
import { canRead, canWrite, readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A transition the record refuses, as the API's 409. */
export function conflict(err: unknown): never {
  if (err instanceof ItemStateError) {
    if (err.status === 400) throw ApiError.badRequest(err.field ?? 'body', err.message);
    throw ApiError.conflict(err.code, err.message, err.field);
  }
  throw err;
}

export function agendaRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();
  const today = () => shanghaiDateOf(clock());
  const overdueBefore = async () => overdueCutoff(await loadWorkingCalendar(prisma), today());

  /** The item as the caller may see it: outside their scope it is not found. */
  async function findItem(id: string, res: Response): Promise<ItemRecord> {
    const item = UUID.test(id) ? await loadItem(prisma, id) : null;
    if (!item || !(await canRead(prisma, caller(res), item.unit))) throw ApiError.notFound(`Agenda item ${id}`);
    return item;
  }

  /** Only this unit's convener (or an admin) may act here. */
  async function mustWrite(unitId: string, res: Response, what: string): Promise<Unit> {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
    if (!canWrite(caller(res), unit)) {
      throw new ApiError(403, 'forbidden', `Only the convener of ${unit.name} (or an admin) may ${what}`);
    }
    return unit;
  }

  const notify = (itemId: string, change: EscalationChange['change']) => tellEscalation(deps, itemId, change);

  async function view(id: string, res: Response, status = 200, extra: Record<string, unknown> = {}) {
    res.status(status).json({ ...itemView((await loadItem(prisma, id))!, await overdueBefore()), ...extra });
  }

  /** The register (台账): items a unit raised, or its queue (items it must act on now). */
  router.get('/agenda-items', async (req, res) => {
    const q = parseInput(agendaListQuery, req.query, 'query');
    const readable = await readableUnitIds(prisma, caller(res));
    // Scope and the unit asked for both apply (AND): asking for a foreign unit's register finds nothing.
    const where = {
      AND: [
        readable === 'all' ? {} : { unitId: { in: [...readable] } },
        q.unitId ? { unitId: q.unitId } : {},
        q.currentUnitId ? { currentUnitId: q.currentUnitId } : {},
        q.state ? { state: q.state } : {},
      ],
    };
    // A unit's queue holds items from below it, which are in its subtree: readable to its convener.
    const [ids, total] = await Promise.all([
      prisma.agendaItem.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: q.limit,
        skip: q.offset,
        select: { id: true },
      }),
      prisma.agendaItem.count({ where }),
    ]);
    const cutoff = await overdueBefore();
    const items = await Promise.all(ids.map(async ({ id }) => itemView((await loadItem(prisma, id))!, cutoff)));
    res.json({ items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/agenda-items/:id', async (req, res) => {
    const item = await findItem(req.params.id, res);
    res.json(itemView(item, await overdueBefore()));
  });

  /** The item's workflow: the next notice it is owed and the deadlines in force. */
  router.get('/agenda-items/:id/escalation-status', async (req, res) => {
    const item = await findItem(req.params.id, res);
    if (!topHop(item))
      throw new ApiError(404, 'not_found', `Agenda item ${item.id} was never escalated: it has no escalation`);
    res.json(await escalationStatus(deps, item.id));
  });

  /** Add an item to a meeting's agenda (the meeting's convener). */
  router.post('/meetings/:meetingId/agenda-items', async (req, res) => {
    const meetingId = req.params.meetingId;
    const meeting = UUID.test(meetingId)
      ? await prisma.meeting.findUnique({ where: { id: meetingId }, include: { unit: true } })
      : null;
    if (!meeting || meeting.unit.removedAt || !(await canRead(prisma, caller(res), meeting.unit)))
      throw ApiError.notFound(`Meeting ${meetingId}`);
    await mustWrite(meeting.unitId, res, 'add items to its meetings');
    const input = parseInput(agendaItemInput, req.body);
    const created = await prisma.$transaction(async (tx) => {
      const item = await tx.agendaItem.create({
        data: { ...input, meetingId: meeting.id, unitId: meeting.unitId, currentUnitId: meeting.unitId },
      });
      await tx.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'agendaItem.raise',
          entity: 'agendaItem',
          entityId: item.id,
          after: input,
        },
      });
      return item;
    });
    await view(created.id, res, 201);
  });

  /** Resolved at its own level (an open item only: an escalated one closes with an answer). */
  router.post('/agenda-items/:id/resolution', async (req, res) => {
    const item = await findItem(req.params.id, res);
    await mustWrite(item.unitId, res, 'resolve its items');
    const { resolution } = parseInput(resolutionInput, req.body);
    if (item.state === 'resolved' && item.resolution === resolution) return void (await view(item.id, res));
    if (item.state !== 'open') {
      throw ApiError.conflict(
        'item_state',
        `Item ${item.id} is ${item.state}: only an open item is resolved at its own level (an escalated item closes when its answer is confirmed)`,
      );
    }
    const now = clock();
    await prisma.$transaction([
      prisma.agendaItem.update({
        where: { id: item.id },
        data: { state: 'resolved', resolution, resolvedAt: now, closedAt: now },
      }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'agendaItem.resolve',
          entity: 'agendaItem',
          entityId: item.id,
          before: { state: item.state },
          after: { state: 'resolved', resolution },
        },
      }),
    ]);
    await view(item.id, res);
  });

  /**
   * Escalate: the written ledger entry goes up with the minutes. The first hop comes from the
   * raising unit's convener; a further hop from the convener of the unit holding the item (with
   * the minutes of its meeting), or from the liaison office.
   */
  router.post('/agenda-items/:id/escalations', async (req, res) => {
    const item = await findItem(req.params.id, res);
    const input = parseInput(escalationInput, req.body);
    const who = caller(res);
    const hop = topHop(item);
    // A repeat of the same escalation (the top hop is this very entry, by this caller) answers with
    // what is there. The whole entry is compared: the liaison office may send an item further up
    // with the same "what" and "ask" as the hop before, which is a new hop, not a repeat.
    if (
      hop &&
      hop.what === input.what &&
      hop.whyNotSolvable === input.whyNotSolvable &&
      hop.ask === input.ask &&
      hop.escalatedBy === actorOf(res) &&
      (input.meetingId === undefined || input.meetingId === hop.sourceMeetingId)
    ) {
      return void (await view(item.id, res));
    }
    let minutes: string;
    let sourceMeetingId: string | null;
    if (!hop) {
      await mustWrite(item.unitId, res, 'escalate its items');
      if (item.state !== 'open')
        throw ApiError.conflict('item_state', `Item ${item.id} is ${item.state}: it cannot be escalated`);
      const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: item.meetingId } });
      if (!meeting.minutes?.trim()) {
        throw ApiError.badRequest(
          'minutes',
          "Record the meeting's minutes first: they go up with the ledger entry / 请先录入会议纪要，纪要随台账一并上报",
        );
      }
      minutes = meeting.minutes;
      sourceMeetingId = meeting.id;
    } else {
      if (!['escalated', 'taken_up', 'disputed'].includes(item.state)) {
        throw ApiError.conflict('item_state', `Item ${item.id} is ${item.state}: it cannot be escalated further`);
      }
      const supervising = who.role === 'supervisor' || who.role === 'admin';
      if (!supervising) await mustWrite(hop.toUnitId, res, 'escalate it further');
      const meetingId = input.meetingId ?? hop.takenUpMeetingId;
      const meeting: Meeting | null = meetingId
        ? await prisma.meeting.findFirst({ where: { id: meetingId, unitId: hop.toUnitId } })
        : null;
      if (input.meetingId && !meeting) {
        throw ApiError.badRequest('meetingId', `No meeting ${input.meetingId} of the unit holding the item`);
      }
      if (meeting) {
        try {
          assertHeldSinceArrival(hop, meeting);
        } catch (err) {
          conflict(err);
        }
      }
      if (!meeting && !supervising) {
        throw ApiError.badRequest(
          'meetingId',
          'Put the item on a meeting first: its minutes go up with the ledger entry / 请先将议题列入会议研究',
        );
      }
      minutes = meeting?.minutes?.trim() ? meeting.minutes : carriedMinutes(item);
      sourceMeetingId = meeting?.id ?? hop.sourceMeetingId;
    }
    await prisma
      .$transaction(async (tx) =>
        climb(tx, item, {
          what: input.what,
          whyNotSolvable: input.whyNotSolvable,
          ask: input.ask,
          minutes,
          sourceMeetingId,
          escalatedBy: actorOf(res),
          escalatedByRule: false,
          now: clock(),
        }),
      )
      .catch(conflict);
    const workflowNotified = await notify(item.id, hop ? 'escalated-further' : 'escalated');
    await view(item.id, res, 201, { workflowNotified });
  });

  /** The upper level puts the escalated item on one of its meetings. */
  router.post('/agenda-items/:id/take-up', async (req, res) => {
    const item = await findItem(req.params.id, res);
    const { meetingId } = parseInput(takeUpInput, req.body);
    const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, include: { unit: true } });
    // A meeting of a unit outside the caller's scope is answered as a missing one (its unit unnamed).
    if (!meeting || !(await canRead(prisma, caller(res), meeting.unit))) {
      throw ApiError.badRequest('meetingId', `No meeting ${meetingId}`);
    }
    await mustWrite(meeting.unitId, res, 'put items on its meetings');
    const changed = await prisma.$transaction((tx) => takeUp(tx, item, meeting, actorOf(res), clock())).catch(conflict);
    const workflowNotified = changed ? await notify(item.id, 'taken-up') : true;
    await view(item.id, res, 200, { workflowNotified });
  });

  /** The upper level's answer (反馈): it goes back down to every level the item came through. */
  router.post('/agenda-items/:id/feedback', async (req, res) => {
    const item = await findItem(req.params.id, res);
    const hop = topHop(item);
    if (!hop) throw ApiError.conflict('item_state', `Item ${item.id} was not escalated: there is nothing to answer`);
    await mustWrite(hop.toUnitId, res, 'answer items escalated to it');
    const input = parseInput(feedbackInput, req.body);
    if (input.outcome === 'scheduled' && !input.handleBy)
      throw ApiError.badRequest('handleBy', 'Say by when it will be handled / 请填写办理期限');
    if (input.outcome === 'declined' && !input.reason)
      throw ApiError.badRequest('reason', 'Say why it is declined / 请说明不予采纳的理由');
    if (input.handleBy && input.handleBy < today())
      throw ApiError.badRequest('handleBy', `The date by which it will be handled lies ahead (today is ${today()})`);
    const answered = currentAnswer(item);
    if (answered) {
      if (answered.outcome === input.outcome && answered.text === input.text) return void (await view(item.id, res));
      throw ApiError.conflict('item_state', `Item ${item.id} was answered already in this round`);
    }
    if (hop.state !== 'taken_up') {
      throw ApiError.conflict(
        'item_state',
        hop.state === 'pending'
          ? 'Put the item on a meeting first (take it up), then answer / 请先将议题列入会议研究后再答复'
          : `Item ${item.id} is ${item.state}: it cannot be answered`,
      );
    }
    const now = clock();
    await prisma.$transaction([
      prisma.feedback.create({
        data: {
          agendaItemId: item.id,
          escalationId: hop.id,
          round: hop.round,
          outcome: input.outcome,
          text: input.text,
          handleBy: input.handleBy ? dbDate(input.handleBy) : null,
          reason: input.reason ?? null,
          answeredBy: actorOf(res),
          answeredAt: now,
        },
      }),
      prisma.escalation.update({ where: { id: hop.id }, data: { state: 'answered' } }),
      prisma.agendaItem.update({ where: { id: item.id }, data: { state: 'answered', currentUnitId: item.unitId } }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'agendaItem.answer',
          entity: 'agendaItem',
          entityId: item.id,
          before: { state: item.state },
          after: { state: 'answered', hop: hop.hop, round: hop.round, ...input },
        },
      }),
    ]);
    const workflowNotified = await notify(item.id, 'answered');
    await view(item.id, res, 201, { workflowNotified });
  });

  /** The raising unit confirms the answer (the item closes) or disputes it (back up, or further up). */
  router.post('/agenda-items/:id/response', async (req, res) => {
    const item = await findItem(req.params.id, res);
    await mustWrite(item.unitId, res, 'confirm or dispute answers to its items');
    const input = parseInput(responseInput, req.body);
    if (input.response === 'disputed' && !input.reason)
      throw ApiError.badRequest('reason', 'Say why the answer is disputed / 请说明异议理由');
    const hop = topHop(item);
    const answer = currentAnswer(item);
    // A repeat: the last answer already carries this response.
    const last = item.feedback.at(-1);
    if (
      item.state !== 'answered' &&
      last?.response === input.response &&
      last.responseReason === (input.reason ?? null)
    )
      return void (await view(item.id, res));
    if (!hop || !answer || item.state !== 'answered') {
      throw ApiError.conflict(
        'item_state',
        `Item ${item.id} is ${item.state}: only an answered item is confirmed or disputed (no escalated item closes without an answer)`,
      );
    }
    const now = clock();
    const actor = actorOf(res);
    const answeringMeeting = hop.takenUpMeetingId
      ? await prisma.meeting.findUnique({ where: { id: hop.takenUpMeetingId } })
      : null;
    await prisma
      .$transaction(async (tx) => {
        await tx.feedback.update({
          where: { id: answer.id },
          data: {
            response: input.response,
            responseReason: input.reason ?? null,
            respondedBy: actor,
            respondedAt: now,
          },
        });
        if (input.response === 'confirmed') {
          await tx.agendaItem.update({ where: { id: item.id }, data: { state: 'confirmed', closedAt: now } });
        } else if (input.escalateFurther) {
          // Disputed, and sent further up: the level that answered hands it to the one above.
          await tx.agendaItem.update({ where: { id: item.id }, data: { state: 'disputed' } });
          await climb(
            tx,
            { ...item, state: 'disputed' },
            {
              what: hop.what,
              whyNotSolvable: `${input.reason!}（提出单位对答复有异议，请求继续上报 / the raising unit disputes the answer and asks for it to go further up）`,
              ask: hop.ask,
              // The minutes of the meeting that took the item up and answered it go up with it.
              minutes: answeringMeeting?.minutes?.trim() ? answeringMeeting.minutes : carriedMinutes(item),
              sourceMeetingId: answeringMeeting?.id ?? hop.sourceMeetingId,
              escalatedBy: actor,
              escalatedByRule: false,
              now,
            },
          );
        } else {
          // Back up to the same level for a new answer: a new round with its own deadline.
          const rule = await escalationRule(
            tx,
            (await tx.unit.findUniqueOrThrow({ where: { id: hop.toUnitId } })).level,
          );
          const { answerBy } = escalationDeadlines(now, rule, await loadWorkingCalendar(tx));
          await tx.escalation.update({
            where: { id: hop.id },
            data: { state: 'taken_up', round: hop.round + 1, roundStartedAt: now, answerBy: dbDate(answerBy) },
          });
          await tx.agendaItem.update({
            where: { id: item.id },
            data: { state: 'disputed', currentUnitId: hop.toUnitId },
          });
        }
        await tx.auditEvent.create({
          data: {
            actor,
            action: `agendaItem.${input.response === 'confirmed' ? 'confirm' : 'dispute'}`,
            entity: 'agendaItem',
            entityId: item.id,
            before: { state: item.state },
            after: { ...input },
          },
        });
      })
      .catch(conflict);
    const workflowNotified = await notify(
      item.id,
      input.response === 'confirmed' ? 'confirmed' : input.escalateFurther ? 'escalated-further' : 'disputed',
    );
    await view(item.id, res, 200, { workflowNotified });
  });

  /** The liaison office approves a later answer deadline: the item's timer moves. */
  router.post('/agenda-items/:id/extensions', allow('admin', 'supervisor'), async (req, res) => {
    const item = await findItem(String(req.params.id), res);
    const input = parseInput(extensionInput, req.body);
    const hop = topHop(item);
    if (!hop || !(hop.state === 'pending' || hop.state === 'taken_up')) {
      throw ApiError.conflict('item_state', `Item ${item.id} is ${item.state}: there is no answer deadline to move`);
    }
    const current = localDate(hop.answerBy);
    const repeat = hop.extensions.find((x) => x.round === hop.round && localDate(x.toDate) === input.answerBy);
    if (!repeat) {
      if (input.answerBy <= current)
        throw ApiError.badRequest('answerBy', `An extension moves the deadline later than ${current}`);
      if (input.answerBy < today())
        throw ApiError.badRequest('answerBy', `The new deadline lies ahead (today is ${today()})`);
      await prisma.$transaction([
        prisma.deadlineExtension.create({
          data: {
            escalationId: hop.id,
            round: hop.round,
            fromDate: hop.answerBy,
            toDate: dbDate(input.answerBy),
            reason: input.reason,
            approvedBy: actorOf(res),
            createdAt: clock(),
          },
        }),
        prisma.escalation.update({ where: { id: hop.id }, data: { answerBy: dbDate(input.answerBy) } }),
        prisma.auditEvent.create({
          data: {
            actor: actorOf(res),
            action: 'agendaItem.extend',
            entity: 'agendaItem',
            entityId: item.id,
            before: { answerBy: current },
            after: input,
          },
        }),
      ]);
    }
    // The timer is updated in the workflow: the answer says where it stands now (null: not confirmed yet).
    const workflow = await extendEscalationDeadline(deps, item.id, input.answerBy);
    await view(item.id, res, repeat ? 200 : 201, { workflow });
  });

  return router;
}
