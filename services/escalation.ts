/**
 * The escalation of agenda items (议题上移), one function per act: the written ledger entry that
 * sends an item up, the upper level taking it up and answering, the raising level confirming or
 * disputing the answer, the liaison office's extensions, and where the item's workflow stands.
 * Each act checks the caller, writes its rows and audit rows in one transaction with the time of
 * the one clock, then tells the item's workflow (obligations/escalation.ts).
 */
import type { Meeting, Prisma } from '@prisma/client';
import { escalationDeadlines } from '../domain/escalation';
import { shanghaiDateOf } from '../domain/period';
import {
  type AnswerInput,
  auditResponse,
  closeConfirmed,
  insertAnswer,
  insertExtension,
  markDisputed,
  recordResponse,
  type ResponseInput,
  startNewRound,
} from '../records/agenda-item-changes';
import {
  assertHeldSinceArrival,
  carriedMinutes,
  climb,
  currentAnswer,
  type ItemRecord,
  localDate,
  meetingById,
  meetingOfUnit,
  meetingWithUnit,
  takeUp,
  topHop,
  unitOfItem,
} from '../records/agenda-items';
import { loadWorkingCalendar } from '../records/calendar';
import { loadEscalationRule } from '../records/escalation-rules';
import { canRead, type Caller, actorOf } from '../records/scope';
import {
  escalationStatus,
  extendEscalationDeadline,
  type EscalationChange,
  tellEscalation,
} from '../obligations/escalation';
import { findItem, type ItemActResult, mustConvene, refused, resultOf } from './agenda-items';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock' | 'temporal' | 'taskQueue' | 'log'>;

const tell = (deps: Deps, itemId: string, change: EscalationChange['change']) => tellEscalation(deps, itemId, change);

const today = (deps: Pick<ServiceDeps, 'clock'>) => shanghaiDateOf(deps.clock());

export interface EscalationEntry {
  what: string;
  whyNotSolvable: string;
  ask: string;
  /** For a further escalation: the meeting (of the unit holding the item) whose minutes go up with it. */
  meetingId?: string;
}

/**
 * A repeat of the same escalation (the top hop is this very entry, by this caller). The whole entry
 * is compared: the liaison office may send an item further up with the same "what" and "ask" as
 * the hop before, which is a new hop, not a repeat.
 */
function isRepeat(item: ItemRecord, input: EscalationEntry, actor: string): boolean {
  const hop = topHop(item);
  return (
    !!hop &&
    hop.what === input.what &&
    hop.whyNotSolvable === input.whyNotSolvable &&
    hop.ask === input.ask &&
    hop.escalatedBy === actor &&
    (input.meetingId === undefined || input.meetingId === hop.sourceMeetingId)
  );
}

/** The first hop: from the raising unit's convener, an open item, with its meeting's minutes. */
async function firstHopMinutes(deps: Deps, caller: Caller, item: ItemRecord) {
  await mustConvene(deps, caller, item.unitId, 'escalate its items');
  if (item.state !== 'open')
    throw ServiceError.conflict('item_state', `Item ${item.id} is ${item.state}: it cannot be escalated`);
  const meeting = (await meetingById(deps.prisma, item.meetingId))!;
  if (!meeting.minutes?.trim()) {
    throw ServiceError.badRequest(
      'minutes',
      "Record the meeting's minutes first: they go up with the ledger entry / 请先录入会议纪要，纪要随台账一并上报",
    );
  }
  return { minutes: meeting.minutes, sourceMeetingId: meeting.id };
}

/**
 * A further hop: from the convener of the unit holding the item, with the minutes of its meeting
 * (named, or the one that took it up), or from the liaison office (the minutes carried on).
 */
async function furtherHopMinutes(deps: Deps, caller: Caller, item: ItemRecord, meetingId?: string) {
  const hop = topHop(item)!;
  if (!['escalated', 'taken_up', 'disputed'].includes(item.state)) {
    throw ServiceError.conflict('item_state', `Item ${item.id} is ${item.state}: it cannot be escalated further`);
  }
  const supervising = caller.role === 'supervisor' || caller.role === 'admin';
  if (!supervising) await mustConvene(deps, caller, hop.toUnitId, 'escalate it further');
  const id = meetingId ?? hop.takenUpMeetingId;
  const meeting: Meeting | null = id ? await meetingOfUnit(deps.prisma, id, hop.toUnitId) : null;
  if (meetingId && !meeting) {
    throw ServiceError.badRequest('meetingId', `No meeting ${meetingId} of the unit holding the item`);
  }
  if (meeting) {
    try {
      assertHeldSinceArrival(hop, meeting);
    } catch (err) {
      refused(err);
    }
  }
  if (!meeting && !supervising) {
    throw ServiceError.badRequest(
      'meetingId',
      'Put the item on a meeting first: its minutes go up with the ledger entry / 请先将议题列入会议研究',
    );
  }
  return {
    minutes: meeting?.minutes?.trim() ? meeting.minutes : carriedMinutes(item),
    sourceMeetingId: meeting?.id ?? hop.sourceMeetingId,
  };
}

/**
 * Escalate: the written ledger entry goes up with the minutes. The first hop comes from the
 * raising unit's convener; a further hop from the convener of the unit holding the item (with the
 * minutes of its meeting), or from the liaison office.
 */
export async function escalateItem(
  deps: Deps,
  caller: Caller,
  input: EscalationEntry & { itemId: string },
): Promise<ItemActResult> {
  const item = await findItem(deps, caller, input.itemId);
  const actor = actorOf(caller);
  if (isRepeat(item, input, actor)) return resultOf(deps, item.id, false);
  const further = !!topHop(item);
  const carried = further
    ? await furtherHopMinutes(deps, caller, item, input.meetingId)
    : await firstHopMinutes(deps, caller, item);
  const entry = { what: input.what, whyNotSolvable: input.whyNotSolvable, ask: input.ask };
  const now = deps.clock();
  await deps.prisma
    .$transaction((tx) => climb(tx, item, { ...entry, ...carried, escalatedBy: actor, escalatedByRule: false, now }))
    .catch(refused);
  const workflowNotified = await tell(deps, item.id, further ? 'escalated-further' : 'escalated');
  return resultOf(deps, item.id, true, { workflowNotified });
}

/** The upper level puts the escalated item on one of its meetings. */
export async function takeUpItem(
  deps: Deps,
  caller: Caller,
  input: { itemId: string; meetingId: string },
): Promise<ItemActResult> {
  const item = await findItem(deps, caller, input.itemId);
  const meeting = await meetingWithUnit(deps.prisma, input.meetingId);
  // A meeting of a unit outside the caller's scope is answered as a missing one (its unit unnamed).
  if (!meeting || !(await canRead(deps.prisma, caller, meeting.unit))) {
    throw ServiceError.badRequest('meetingId', `No meeting ${input.meetingId}`);
  }
  await mustConvene(deps, caller, meeting.unitId, 'put items on its meetings');
  const now = deps.clock();
  const changed = await deps.prisma
    .$transaction((tx) => takeUp(tx, item, meeting, actorOf(caller), now))
    .catch(refused);
  const workflowNotified = changed ? await tell(deps, item.id, 'taken-up') : true;
  return resultOf(deps, item.id, changed, { workflowNotified });
}

/** What an answer must say beyond its outcome and text. */
function checkAnswer(input: AnswerInput, day: string): void {
  if (input.outcome === 'scheduled' && !input.handleBy)
    throw ServiceError.badRequest('handleBy', 'Say by when it will be handled / 请填写办理期限');
  if (input.outcome === 'declined' && !input.reason)
    throw ServiceError.badRequest('reason', 'Say why it is declined / 请说明不予采纳的理由');
  if (input.handleBy && input.handleBy < day)
    throw ServiceError.badRequest('handleBy', `The date by which it will be handled lies ahead (today is ${day})`);
}

/** The upper level's answer (反馈): it goes back down to every level the item came through. */
export async function answerItem(
  deps: Deps,
  caller: Caller,
  input: AnswerInput & { itemId: string },
): Promise<ItemActResult> {
  const { itemId, ...answer } = input;
  const item = await findItem(deps, caller, itemId);
  const hop = topHop(item);
  if (!hop) throw ServiceError.conflict('item_state', `Item ${item.id} was not escalated: there is nothing to answer`);
  await mustConvene(deps, caller, hop.toUnitId, 'answer items escalated to it');
  checkAnswer(answer, today(deps));
  const answered = currentAnswer(item);
  if (answered) {
    if (answered.outcome === answer.outcome && answered.text === answer.text) return resultOf(deps, item.id, false);
    throw ServiceError.conflict('item_state', `Item ${item.id} was answered already in this round`);
  }
  if (hop.state !== 'taken_up') {
    throw ServiceError.conflict(
      'item_state',
      hop.state === 'pending'
        ? 'Put the item on a meeting first (take it up), then answer / 请先将议题列入会议研究后再答复'
        : `Item ${item.id} is ${item.state}: it cannot be answered`,
    );
  }
  const now = deps.clock();
  await deps.prisma.$transaction((tx) => insertAnswer(tx, item, hop, answer, actorOf(caller), now));
  const workflowNotified = await tell(deps, item.id, 'answered');
  return resultOf(deps, item.id, true, { workflowNotified });
}

/** Disputed, and sent further up: the level that answered hands it to the one above, with its meeting's minutes. */
async function disputeFurther(
  tx: Prisma.TransactionClient,
  item: ItemRecord,
  reason: string,
  answeringMeeting: Meeting | null,
  actor: string,
  now: Date,
) {
  const hop = topHop(item)!;
  await markDisputed(tx, item.id);
  await climb(
    tx,
    { ...item, state: 'disputed' },
    {
      what: hop.what,
      whyNotSolvable: `${reason}（提出单位对答复有异议，请求继续上报 / the raising unit disputes the answer and asks for it to go further up）`,
      ask: hop.ask,
      // The minutes of the meeting that took the item up and answered it go up with it.
      minutes: answeringMeeting?.minutes?.trim() ? answeringMeeting.minutes : carriedMinutes(item),
      sourceMeetingId: answeringMeeting?.id ?? hop.sourceMeetingId,
      escalatedBy: actor,
      escalatedByRule: false,
      now,
    },
  );
}

/** Disputed: back up to the same level for a new answer, a new round with its own deadline. */
async function disputeBack(tx: Prisma.TransactionClient, item: ItemRecord, now: Date) {
  const hop = topHop(item)!;
  const rule = await loadEscalationRule(tx, (await unitOfItem(tx, hop.toUnitId)).level);
  const { answerBy } = escalationDeadlines(now, rule, await loadWorkingCalendar(tx));
  await startNewRound(tx, hop, answerBy, now);
  await markDisputed(tx, item.id, hop.toUnitId);
}

/** The raising unit confirms the answer (the item closes) or disputes it (back up, or further up). */
export async function respondToAnswer(
  deps: Deps,
  caller: Caller,
  input: ResponseInput & { itemId: string },
): Promise<ItemActResult> {
  const { itemId, ...response } = input;
  const item = await findItem(deps, caller, itemId);
  await mustConvene(deps, caller, item.unitId, 'confirm or dispute answers to its items');
  if (response.response === 'disputed' && !response.reason)
    throw ServiceError.badRequest('reason', 'Say why the answer is disputed / 请说明异议理由');
  const hop = topHop(item);
  const answer = currentAnswer(item);
  // A repeat: the last answer already carries this response.
  const last = item.feedback.at(-1);
  if (
    item.state !== 'answered' &&
    last?.response === response.response &&
    last.responseReason === (response.reason ?? null)
  )
    return resultOf(deps, item.id, false);
  if (!hop || !answer || item.state !== 'answered') {
    throw ServiceError.conflict(
      'item_state',
      `Item ${item.id} is ${item.state}: only an answered item is confirmed or disputed (no escalated item closes without an answer)`,
    );
  }
  const now = deps.clock();
  const actor = actorOf(caller);
  const answeringMeeting = hop.takenUpMeetingId ? await meetingById(deps.prisma, hop.takenUpMeetingId) : null;
  await deps.prisma
    .$transaction(async (tx) => {
      await recordResponse(tx, answer, response, actor, now);
      if (response.response === 'confirmed') await closeConfirmed(tx, item.id, now);
      else if (response.escalateFurther) await disputeFurther(tx, item, response.reason!, answeringMeeting, actor, now);
      else await disputeBack(tx, item, now);
      await auditResponse(tx, item, response, actor, now);
    })
    .catch(refused);
  const change =
    response.response === 'confirmed' ? 'confirmed' : response.escalateFurther ? 'escalated-further' : 'disputed';
  const workflowNotified = await tell(deps, item.id, change);
  return resultOf(deps, item.id, true, { workflowNotified });
}

/**
 * The liaison office approves a later answer deadline (the route admits admins and supervisors):
 * the item's timer moves in its workflow, and the answer says where it stands now.
 */
export async function extendAnswerDeadline(
  deps: Deps,
  caller: Caller,
  input: { itemId: string; answerBy: string; reason: string },
): Promise<ItemActResult> {
  const { itemId, ...extension } = input;
  const item = await findItem(deps, caller, itemId);
  const hop = topHop(item);
  if (!hop || !(hop.state === 'pending' || hop.state === 'taken_up')) {
    throw ServiceError.conflict('item_state', `Item ${item.id} is ${item.state}: there is no answer deadline to move`);
  }
  const current = localDate(hop.answerBy);
  const repeat = hop.extensions.find((x) => x.round === hop.round && localDate(x.toDate) === extension.answerBy);
  if (!repeat) {
    if (extension.answerBy <= current)
      throw ServiceError.badRequest('answerBy', `An extension moves the deadline later than ${current}`);
    const day = today(deps);
    if (extension.answerBy < day)
      throw ServiceError.badRequest('answerBy', `The new deadline lies ahead (today is ${day})`);
    const now = deps.clock();
    await deps.prisma.$transaction((tx) => insertExtension(tx, item.id, hop, extension, actorOf(caller), now));
  }
  // The timer is updated in the workflow: where it stands now (null: not confirmed yet).
  const workflow = await extendEscalationDeadline(deps, item.id, extension.answerBy);
  return resultOf(deps, item.id, !repeat, { workflow });
}

/** The item's workflow: the next notice it is owed and the deadlines in force. */
export async function escalationStatusOf(deps: Deps, caller: Caller, itemId: string) {
  const item = await findItem(deps, caller, itemId);
  if (!topHop(item))
    throw new ServiceError(404, 'not_found', `Agenda item ${item.id} was never escalated: it has no escalation`);
  return escalationStatus(deps, item.id);
}
