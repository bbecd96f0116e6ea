/**
 * The acts of the quarterly feedback (反馈) and the year-end evaluation (评议): an employer opens and
 * confirms its receipt link (no login: the single-use token is the credential), a community's
 * convener (and the office) reads the feedback's status per employer and the evaluation grid, and
 * the community's own convener (or an admin) enters a grade.
 */
import type { ServiceEvaluation, Unit } from '@prisma/client';
import { periodContaining, periodFromKey, shanghaiDateOf } from '../domain/period';
import { hoursOf, maskTail, type ServiceGrade } from '../domain/serving';
import {
  carriesEvaluation,
  employerYear,
  memberYear,
  previousQuarter,
  quarterOf,
  receiptClosed,
  receiptOfficeStep,
  receiptReminderStep,
  feedbackStep,
  yearSpan,
} from '../domain/serving-feedback';
import { writeAudit } from '../records/audit-trail';
import { actorOf, type Caller } from '../records/scope';
import {
  communityUnit,
  confirmFeedbackOnce,
  employerById,
  employersWithMembersIn,
  evaluationsOf,
  feedbackByToken,
  feedbackLedgerSteps,
  feedbackRowsOf,
  type FeedbackWithEmployer,
  memberOfCommunity,
  serviceCountsOf,
  servicesOf,
  upsertEvaluation,
} from '../records/service-feedback';
import { loadServingRule } from '../records/serving-rule';
import { tellReceiptConfirmed } from '../obligations/serving-feedback';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

// --- The receipt (public, by token) -----------------------------------------------------------

const closedMessage = {
  confirmed: '该回执已确认，链接仅可使用一次 / This receipt was confirmed already: the link works once',
  expired:
    '该回执链接已过期，请联系社区重新发送 / This receipt link has expired: please ask the community to send it again',
};

function gone(why: 'confirmed' | 'expired'): ServiceError {
  return new ServiceError(410, why === 'confirmed' ? 'receipt_confirmed' : 'receipt_expired', closedMessage[why]);
}

/** The feedback a token opens: 404 unknown, 410 confirmed or expired. */
async function openReceipt(
  deps: ServiceDeps,
  token: string,
): Promise<{ feedback: FeedbackWithEmployer; community: Unit }> {
  const feedback = await feedbackByToken(deps.prisma, token);
  const community = feedback ? await communityUnit(deps.prisma, feedback.communityId) : null;
  if (!feedback || !community) throw ServiceError.notFound('Receipt');
  const closed = receiptClosed(feedback, deps.clock());
  if (closed) throw gone(closed);
  return { feedback, community };
}

export interface ReceiptContent {
  feedback: FeedbackWithEmployer;
  community: Unit;
  /** After Q4: the year's evaluation of the employer and its members (the employer first). */
  evaluation: { year: number; items: EvaluationLine[] } | null;
  members: { name: string; phone: string | null; services: number; hours: string }[];
  records: {
    memberName: string;
    phone: string | null;
    servedOn: string;
    hours: string;
    what: string;
    confirmedBy: string;
  }[];
}

/** What the employer's contact sees on the receipt page: only that employer's members, phones masked. */
export async function receiptOf(deps: ServiceDeps, token: string): Promise<ReceiptContent> {
  const { feedback, community } = await openReceipt(deps, token);
  const quarter = periodFromKey(feedback.periodKey);
  const employer = (await employersWithMembersIn(deps.prisma, community.id, quarter)).find(
    (e) => e.id === feedback.employerId,
  );
  const members = employer?.members ?? [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const records = await servicesOf(
    deps.prisma,
    community.id,
    members.map((m) => m.id),
    quarter,
  );
  const year = Number(feedback.periodKey.slice(0, 4));
  const evaluation = carriesEvaluation(feedback.periodKey)
    ? {
        year,
        items: (await gridOf(deps, community, year))
          .filter((l) => l.subjectId === feedback.employerId || l.employerId === feedback.employerId)
          .map((l) => ({ ...l, evaluatedBy: null })),
      }
    : null;
  return {
    feedback,
    community,
    evaluation,
    members: members.map((m) => {
      const mine = records.filter((r) => r.memberId === m.id);
      return {
        name: m.name,
        phone: maskTail(m.phone),
        services: mine.length,
        hours: hoursOf(mine.reduce((s, r) => s + r.minutes, 0)),
      };
    }),
    records: records.map((r) => ({
      memberName: byId.get(r.memberId)?.name ?? '',
      phone: maskTail(byId.get(r.memberId)?.phone),
      servedOn: r.servedOn.toISOString().slice(0, 10),
      hours: hoursOf(r.minutes),
      what: r.what,
      confirmedBy: r.confirmedBy,
    })),
  };
}

/** Confirm a receipt (single use): 410 the second time or once expired; audited; the workflow is told. */
export async function confirmReceipt(
  deps: ServiceDeps,
  token: string,
  input: { confirmedBy: string },
): Promise<{ feedback: FeedbackWithEmployer; community: Unit; workflowNotified: boolean }> {
  const { feedback, community } = await openReceipt(deps, token);
  const at = deps.clock();
  const done = await deps.prisma.$transaction(async (tx) => {
    if (!(await confirmFeedbackOnce(tx, feedback.id, input.confirmedBy, at))) return false;
    await writeAudit(tx, {
      at,
      actor: `receipt:${feedback.employer.code}`,
      action: 'serving.feedback.confirm',
      entity: 'ServiceFeedback',
      entityId: feedback.id,
      before: { confirmedAt: null },
      after: { confirmedAt: at.toISOString(), confirmedBy: input.confirmedBy },
    });
    return true;
  });
  if (!done) {
    // Another use got there first, or it expired meanwhile.
    throw gone(
      receiptClosed({ confirmedAt: feedback.confirmedAt ?? at, expiresAt: feedback.expiresAt }, at) ?? 'confirmed',
    );
  }
  const workflowNotified = await tellReceiptConfirmed(deps, {
    communityId: community.id,
    employerId: feedback.employerId,
    periodKey: feedback.periodKey,
  });
  return { feedback: { ...feedback, confirmedAt: at, confirmedBy: input.confirmedBy }, community, workflowNotified };
}

// --- The community's feedback and evaluation (logged in) ---------------------------------------

async function communityInScope(deps: ServiceDeps, caller: Caller, ref: string, mode: 'read' | 'write' = 'read') {
  const unit = await unitInScope(deps.prisma, caller, ref, {
    mode,
    forbidden: (u) => `Only the community's convener (or an admin) may evaluate ${u.code}'s members and employers`,
  });
  if (unit.level !== 'community') throw ServiceError.badRequest('communityId', `${unit.code} is not a community`);
  return unit;
}

export interface FeedbackLine {
  employerId: string;
  code: string;
  name: string;
  partyOrgName: string;
  contactName: string;
  members: number;
  services: number;
  hours: string;
  sentAt: Date | null;
  expiresAt: Date | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  remindedAt: Date | null;
  officeToldAt: Date | null;
}

/** A community's feedback of a quarter (default: the last quarter ended), per employer. */
export async function feedbackOverview(
  deps: ServiceDeps,
  caller: Caller,
  input: { communityId: string; periodKey?: string },
): Promise<{ community: Unit; periodKey: string; items: FeedbackLine[] }> {
  const community = await communityInScope(deps, caller, input.communityId);
  const quarter = input.periodKey
    ? quarterOf(input.periodKey)
    : previousQuarter(periodContaining(deps.clock(), 'quarter'));
  if (!quarter) throw ServiceError.badRequest('periodKey', 'A quarter: YYYY-Qn');
  const employers = await employersWithMembersIn(deps.prisma, community.id, quarter);
  const rows = await feedbackRowsOf(deps.prisma, community.id, quarter.key);
  const steps = await feedbackLedgerSteps(deps.prisma, community.id, quarter.key);
  const counts = await serviceCountsOf(
    deps.prisma,
    community.id,
    employers.flatMap((e) => e.members.map((m) => m.id)),
    quarter,
  );
  const items = employers.map((e): FeedbackLine => {
    const row = rows.find((r) => r.employerId === e.id);
    const mine = e.members.map((m) => counts.get(m.id) ?? { services: 0, minutes: 0 });
    return {
      employerId: e.id,
      code: e.code,
      name: e.name,
      partyOrgName: e.partyOrgName,
      contactName: e.contactName,
      members: e.members.length,
      services: row?.services ?? mine.reduce((s, c) => s + c.services, 0),
      hours: hoursOf(row?.minutes ?? mine.reduce((s, c) => s + c.minutes, 0)),
      sentAt: row?.sentAt ?? (steps.has(feedbackStep(e.code)) ? (steps.get(feedbackStep(e.code)) ?? null) : null),
      expiresAt: row?.expiresAt ?? null,
      confirmedAt: row?.confirmedAt ?? null,
      confirmedBy: row?.confirmedBy ?? null,
      remindedAt: steps.get(receiptReminderStep(e.code)) ?? null,
      officeToldAt: steps.get(receiptOfficeStep(e.code)) ?? null,
    };
  });
  return { community, periodKey: quarter.key, items };
}

export interface EvaluationLine {
  subjectKind: 'member' | 'employer';
  subjectId: string;
  name: string;
  /** member: its employer's id; employer: null. */
  employerId: string | null;
  phone: string | null;
  services: number;
  members: number | null;
  membersMeetingMinimum: number | null;
  proposed: ServiceGrade;
  entered: ServiceGrade | null;
  grade: ServiceGrade;
  comment: string | null;
  evaluatedBy: string | null;
}

/** The year-end evaluation grid of a community: each member and employer, proposed and entered grade. */
export async function evaluationGrid(
  deps: ServiceDeps,
  caller: Caller,
  input: { communityId: string; year?: number },
): Promise<{ community: Unit; year: number; items: EvaluationLine[] }> {
  const community = await communityInScope(deps, caller, input.communityId);
  const year = input.year ?? Number(shanghaiDateOf(deps.clock()).slice(0, 4));
  return { community, year, items: await gridOf(deps, community, year) };
}

/** The evaluation lines of a community's year: each employer followed by its members. */
async function gridOf(deps: ServiceDeps, community: Unit, year: number): Promise<EvaluationLine[]> {
  const span = yearSpan(year);
  const [rule, employers, entered] = await Promise.all([
    loadServingRule(deps.prisma),
    employersWithMembersIn(deps.prisma, community.id, span),
    evaluationsOf(deps.prisma, community.id, year),
  ]);
  const counts = await serviceCountsOf(
    deps.prisma,
    community.id,
    employers.flatMap((e) => e.members.map((m) => m.id)),
    span,
  );
  const entry = (kind: string, id: string): ServiceEvaluation | undefined =>
    entered.find((e) => e.subjectKind === kind && e.subjectId === id);
  const items: EvaluationLine[] = [];
  for (const e of employers) {
    const lines = e.members.map((m) => {
      const row = entry('member', m.id);
      const y = memberYear(counts.get(m.id)?.services ?? 0, rule, (row?.grade as ServiceGrade | undefined) ?? null);
      return { m, row, y };
    });
    const own = entry('employer', e.id);
    const ey = employerYear(
      lines.map((l) => l.y),
      (own?.grade as ServiceGrade | undefined) ?? null,
    );
    items.push({
      subjectKind: 'employer',
      subjectId: e.id,
      name: e.name,
      employerId: null,
      phone: null,
      services: lines.reduce((s, l) => s + l.y.services, 0),
      members: ey.members,
      membersMeetingMinimum: ey.membersMeetingMinimum,
      proposed: ey.proposed,
      entered: ey.entered,
      grade: ey.grade,
      comment: own?.comment ?? null,
      evaluatedBy: own?.evaluatedBy ?? null,
    });
    for (const { m, row, y } of lines) {
      items.push({
        subjectKind: 'member',
        subjectId: m.id,
        name: m.name,
        employerId: e.id,
        phone: maskTail(m.phone),
        services: y.services,
        members: null,
        membersMeetingMinimum: null,
        proposed: y.proposed,
        entered: y.entered,
        grade: y.grade,
        comment: row?.comment ?? null,
        evaluatedBy: row?.evaluatedBy ?? null,
      });
    }
  }
  return items;
}

export interface EvaluationInput {
  communityId: string;
  year: number;
  subjectKind: 'member' | 'employer';
  subjectId: string;
  grade: ServiceGrade;
  comment?: string | null;
}

/** Enter a grade for a member or employer of the community (its convener or an admin); audited. */
export async function enterEvaluation(
  deps: ServiceDeps,
  caller: Caller,
  input: EvaluationInput,
): Promise<ServiceEvaluation> {
  const community = await communityInScope(deps, caller, input.communityId, 'write');
  const span = yearSpan(input.year);
  if (input.subjectKind === 'member') {
    const member = await memberOfCommunity(deps.prisma, community.id, input.subjectId);
    if (!member) throw ServiceError.notFound(`Member ${input.subjectId} of ${community.code}`);
  } else {
    const employer = await employerById(deps.prisma, input.subjectId);
    const hasMembers = (await employersWithMembersIn(deps.prisma, community.id, span)).some(
      (e) => e.id === input.subjectId,
    );
    if (!employer || (!hasMembers && employer.communityId !== community.id)) {
      throw ServiceError.notFound(`Employer ${input.subjectId} registered with ${community.code}`);
    }
  }
  const at = deps.clock();
  return deps.prisma.$transaction(async (tx) => {
    const { before, after } = await upsertEvaluation(tx, {
      communityId: community.id,
      year: input.year,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      grade: input.grade,
      comment: input.comment ?? null,
      evaluatedBy: actorOf(caller),
      evaluatedAt: at,
    });
    await writeAudit(tx, {
      at,
      actor: actorOf(caller),
      action: before ? 'serving.evaluation.change' : 'serving.evaluation.enter',
      entity: 'ServiceEvaluation',
      entityId: after.id,
      ...(before ? { before: { grade: before.grade, comment: before.comment } } : {}),
      after: { grade: after.grade, comment: after.comment, subjectKind: after.subjectKind, subjectId: after.subjectId },
    });
    return after;
  });
}
