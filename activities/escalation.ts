/**
 * Activities of an escalated agenda item: plan the notices the item is owed (from its record and
 * the rules, outside the workflow), and carry out one step (a notice through the ledger, or the
 * item sent further up by the rules).
 */
import { log } from '@temporalio/activity';
import type { PrismaClient, Unit } from '@prisma/client';
import { escalationSteps, type EscalationStep, nextEscalationStep } from '../domain/escalation';
import type { EscalationNotice, UnitRef } from '../domain/notices';
import { shanghaiDateOf } from '../domain/period';
import {
  activeUnits,
  carriedMinutes,
  climb,
  currentAnswer,
  hopSnapshotOf,
  type ItemRecord,
  loadItem,
  localDate,
  topHop,
  unitOfItem,
} from '../records/agenda-items';
import { loadEscalationRule } from '../records/escalation-rules';
import { markStepDone, stepDone, stepsDone } from '../records/escalation-step-runs';
import { type CalendarReader, yearsAround } from './calendar';
import { type Recipient, type SendOnce, supervisorRecipients } from './ledger';
import { escalationWorkflowId } from '../domain/workflow-ids';

export interface EscalationStatus {
  agendaItemId: string;
  /** starting: not planned yet; otherwise the item's state. */
  state: string;
  hop: number;
  /** The unit that must act now. */
  currentUnitId: string | null;
  scheduleBy: string | null;
  answerBy: string | null;
  nextStep: { step: string; at: string } | null;
}

export interface EscalationPlan {
  /** The item is closed (or not escalated): the workflow ends. */
  closed: boolean;
  status: EscalationStatus;
  /** The next step to carry out, due now or later; null: wait for a change. */
  next: EscalationStep | null;
}

export interface EscalationActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  unitRef: (u: Unit) => UnitRef;
  convener: (u: Unit) => Recipient;
  /** The item on a unit's page of the dashboard: the page of the unit the recipient acts for. */
  itemUrl: (unitId: string, agendaItemId: string) => string;
  calendarFor: CalendarReader;
}

const stepKey = (agendaItemId: string, s: Pick<EscalationStep, 'series' | 'step'>) =>
  `${agendaItemId}/${s.series}/${s.step}`;

const CLOSED = new Set(['confirmed', 'resolved', 'open']);

const MISSING = (agendaItemId: string): EscalationStatus => ({
  agendaItemId,
  state: 'missing',
  hop: 0,
  currentUnitId: null,
  scheduleBy: null,
  answerBy: null,
  nextStep: null,
});

/** The item's status before planning: its state, hop and deadlines. */
function baseStatus(item: ItemRecord): EscalationStatus {
  const hop = topHop(item);
  return {
    agendaItemId: item.id,
    state: item.state,
    hop: hop?.hop ?? 0,
    currentUnitId: item.currentUnitId,
    scheduleBy: hop ? localDate(hop.scheduleBy) : null,
    answerBy: hop ? localDate(hop.answerBy) : null,
    nextStep: null,
  };
}

type PlanDeps = Pick<EscalationActivityDeps, 'prisma' | 'calendarFor'>;

/** The item's steps from its record and the rules in force, and the next one not carried out. */
async function planOf({ prisma, calendarFor }: PlanDeps, item: ItemRecord, now: number) {
  const snapshot = await hopSnapshotOf(prisma, item);
  const hop = topHop(item);
  const base = baseStatus(item);
  if (!snapshot || !hop || CLOSED.has(item.state)) return { closed: true, status: base, next: null, steps: [] };
  const toUnit = await unitOfItem(prisma, hop.toUnitId);
  const calendar = await calendarFor(yearsAround(localDate(hop.answerBy)));
  const steps = escalationSteps(snapshot, await loadEscalationRule(prisma, toUnit.level), calendar, item.id);
  const done = await stepsDone(prisma, item.id);
  const next = nextEscalationStep(steps, (s) => done.has(stepKey(item.id, s)), now);
  return {
    closed: false,
    status: { ...base, nextStep: next ? { step: next.step, at: new Date(next.at).toISOString() } : null },
    next,
    steps,
  };
}

type Addressed = { unit: Unit; to: Recipient };

/** Who a step goes to, each with the unit whose page they act for. */
async function recipientsFor(
  { prisma, convener }: Pick<EscalationActivityDeps, 'prisma' | 'convener'>,
  item: ItemRecord,
  step: EscalationStep,
): Promise<Addressed[]> {
  const hop = topHop(item)!;
  const toUnit = await unitOfItem(prisma, hop.toUnitId);
  switch (step.audience) {
    case 'upper-convener':
      return [{ unit: toUnit, to: convener(toUnit) }];
    case 'raising-convener':
      return [{ unit: item.unit, to: convener(item.unit) }];
    case 'lower-conveners': {
      const ids = [...new Set(item.escalations.map((e) => e.fromUnitId))];
      const units = await activeUnits(prisma, ids);
      return ids.flatMap((id) => units.filter((u) => u.id === id)).map((u) => ({ unit: u, to: convener(u) }));
    }
    case 'supervisors':
      return (await supervisorRecipients(prisma)).map((to) => ({ unit: toUnit, to }));
  }
}

/** The rules send an unanswered item further up; false when it was answered or moved a moment ago. */
async function climbByRule(prisma: PrismaClient, agendaItemId: string, hopId: string, scheduledFor: number) {
  return prisma.$transaction(async (tx) => {
    // Read again inside the transaction: a convener may have answered a moment ago.
    const fresh = (await loadItem(tx, agendaItemId))!;
    const top = topHop(fresh)!;
    if (top.id !== hopId || !(top.state === 'pending' || top.state === 'taken_up')) return false;
    await climb(tx, fresh, {
      what: top.what,
      whyNotSolvable: `未在${localDate(top.answerBy)}前答复，按规则继续上报 / Not answered by ${localDate(top.answerBy)}: escalated by rule`,
      ask: top.ask,
      minutes: carriedMinutes(fresh),
      sourceMeetingId: top.sourceMeetingId,
      escalatedBy: 'rule',
      escalatedByRule: true,
      now: new Date(scheduledFor),
    });
    return true;
  });
}

/** The answer of the hop's current round as a notice tells it. */
function answerOf(item: ItemRecord): EscalationNotice['answer'] {
  const answer = currentAnswer(item);
  return answer
    ? {
        outcome: answer.outcome as 'resolved' | 'scheduled' | 'declined',
        text: answer.text,
        handleBy: answer.handleBy ? localDate(answer.handleBy) : null,
        reason: answer.reason,
      }
    : undefined;
}

/** Send the step's notice to each recipient, once (through the ledger). */
async function sendStepNotices(
  deps: EscalationActivityDeps,
  item: ItemRecord,
  step: EscalationStep,
  recipients: Addressed[],
  scheduledFor: number,
) {
  const { prisma, sendOnce, unitRef, itemUrl, calendarFor } = deps;
  const hop = topHop(item)!;
  const fromUnit = await unitOfItem(prisma, hop.fromUnitId);
  const toUnit = await unitOfItem(prisma, hop.toUnitId);
  const deadline = step.step.startsWith('schedule-') ? localDate(hop.scheduleBy) : localDate(hop.answerBy);
  const calendar = await calendarFor(yearsAround(deadline));
  for (const { unit, to } of recipients) {
    const notice: EscalationNotice = {
      kind: 'escalation',
      step: step.step,
      unit: unitRef(toUnit),
      recipientName: to.name,
      // The receiving unit's page for its convener and the office; the raising (and passing)
      // units' conveners see the answer on their own page, the one they may read.
      item: { title: item.title, url: itemUrl(unit.id, item.id), raisedBy: item.unit.name },
      fromUnit: fromUnit.name,
      what: hop.what,
      ask: hop.ask,
      scheduleBy: localDate(hop.scheduleBy),
      answerBy: localDate(hop.answerBy),
      workingDaysLeft: Math.max(0, calendar.workingDaysBetween(shanghaiDateOf(scheduledFor), deadline)),
      answer: answerOf(item),
      disputeReason: item.feedback.filter((f) => f.escalationId === hop.id && f.response === 'disputed').at(-1)
        ?.responseReason,
    };
    await sendOnce({
      unitId: unit.id,
      obligation: escalationWorkflowId(item.id),
      periodKey: step.series,
      step: step.step,
      audience: step.audience === 'supervisors' ? 'supervisor' : 'convener',
      recipient: to,
      scheduledFor,
      notice,
    });
  }
}

type StepResult = 'sent' | 'not-needed' | 'no-recipients' | 'climbed';

/** Carry out one step that is still owed: the climb, or the notice to its recipients. */
async function carryOut(
  deps: EscalationActivityDeps,
  item: ItemRecord,
  step: EscalationStep,
  scheduledFor: number,
): Promise<StepResult> {
  const { prisma } = deps;
  const key = stepKey(item.id, step);
  const hop = topHop(item)!;
  const done = async (outcome: 'sent' | 'no-recipients' | 'climbed') => {
    await markStepDone(prisma, key, item.id, outcome);
    return outcome;
  };
  if (step.action === 'climb') {
    if (!(await climbByRule(prisma, item.id, hop.id, scheduledFor))) return 'not-needed';
    log.info('Escalated item climbed by rule', { agendaItemId: item.id, fromHop: hop.hop });
    return done('climbed');
  }
  const recipients = await recipientsFor(deps, item, step);
  if (recipients.length === 0) {
    log.warn('No recipients for an escalation notice', { agendaItemId: item.id, step: step.step });
    return done('no-recipients');
  }
  await sendStepNotices(deps, item, step, recipients, scheduledFor);
  return done('sent');
}

export function createEscalationActivities(deps: EscalationActivityDeps) {
  const { prisma } = deps;
  return {
    /** The item's status and the next step it is owed, from the record and the rules in force. */
    async planEscalation({ agendaItemId, now }: { agendaItemId: string; now: number }): Promise<EscalationPlan> {
      const item = await loadItem(prisma, agendaItemId);
      if (!item) return { closed: true, status: MISSING(agendaItemId), next: null };
      const { closed, status, next } = await planOf(deps, item, now);
      return { closed, status, next };
    },

    /**
     * Carry out one step, once: re-planned from the record first, so a step whose reason has
     * gone (the item was taken up, answered, moved) is not carried out.
     */
    async runEscalationStep({
      agendaItemId,
      step,
      scheduledFor,
    }: {
      agendaItemId: string;
      step: EscalationStep;
      scheduledFor: number;
    }): Promise<StepResult> {
      const item = await loadItem(prisma, agendaItemId);
      if (!item) return 'not-needed';
      const key = stepKey(agendaItemId, step);
      if (await stepDone(prisma, key)) return 'not-needed';
      const { steps, closed } = await planOf(deps, item, scheduledFor);
      if (closed || !steps.some((s) => stepKey(agendaItemId, s) === key)) return 'not-needed';
      return carryOut(deps, item, step, scheduledFor);
    },
  };
}

export type EscalationActivities = ReturnType<typeof createEscalationActivities>;
