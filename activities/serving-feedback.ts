/**
 * The quarterly feedback of one community to its members' employers (workflow
 * `serving-feedback:<communityId>`): plan the quarter (when its feedback goes), send one mail per
 * employer with its members' records attached and a single-use receipt link (the receipt row
 * written first, only the token's hash kept), then remind the employers whose receipt has not
 * come, then tell the liaison office. After Q4 the mail also carries the year's evaluation.
 */
import { createHmac } from 'node:crypto';
import type { ServingEmployer, ServingMember, Unit } from '@prisma/client';
import { noticeInstant } from '../domain/cadence';
import { nextPeriod, periodContaining, periodFromKey, shanghaiDateOf } from '../domain/period';
import { periodLabel } from '../domain/period-labels';
import { hoursOf, type ServiceGrade, type ServingRule } from '../domain/serving';
import {
  carriesEvaluation,
  employerYear,
  feedbackStep,
  memberYear,
  previousQuarter,
  receiptBusinessKey,
  receiptOfficeStep,
  receiptReminderStep,
  yearSpan,
} from '../domain/serving-feedback';
import { servingFeedbackWorkflowId } from '../domain/workflow-ids';
import {
  communityUnit,
  employerById,
  type EmployerWithMembers,
  employersWithMembersIn,
  evaluationsOf,
  feedbackRowsOf,
  receiptTokenHash,
  serviceCountsOf,
  servicesOf,
  upsertFeedback,
} from '../records/service-feedback';
import { loadServingRule } from '../records/serving-rule';
import { yearsAround } from './calendar';
import { type Recipient, supervisorRecipients } from './ledger';
import { feedbackWorkbook, type FeedbackEvaluationSheet } from './serving-feedback-xlsx';
import type { ServingActivityDeps } from './serving-deps';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY_MS = 86_400_000;

export type FeedbackPlan =
  { active: false } | { active: true; periodKey: string; nextPeriodKey: string; sendAt: number };

export interface FeedbackSentResult {
  outcome: 'sent' | 'community-removed';
  /** The employers fed back to (id, code). */
  employers: { employerId: string; code: string }[];
  /** Employers whose receipt is already confirmed (a retried or re-run send). */
  confirmed: string[];
  /** When the reminder, then the office's notice, fall due (working days from the send day). */
  reminderAt: number;
  officeAt: number;
}

/** The link's token: an HMAC of its business key (a retried send mails the same link). */
export function receiptToken(secret: string, communityId: string, periodKey: string, employerId: string): string {
  return createHmac('sha256', secret)
    .update(receiptBusinessKey(communityId, periodKey, employerId))
    .digest('base64url');
}

const employerRecipient = (e: ServingEmployer): Recipient => ({
  name: e.contactName,
  email: e.contactEmail,
  locale: e.locale,
});

/** The send day of a quarter's feedback: the first working day after its last day, at the notice hour. */
async function sendAtOf(
  { calendarFor }: ServingActivityDeps,
  communityId: string,
  quarterKey: string,
): Promise<number> {
  const quarter = periodFromKey(quarterKey);
  const calendar = await calendarFor(yearsAround(quarter.lastDay));
  return noticeInstant(calendar.firstWorkingDayAfter(quarter.lastDay), servingFeedbackWorkflowId(communityId));
}

/** The evaluation sheet of the year for one employer's members in the community. */
async function evaluationSheet(
  { prisma }: ServingActivityDeps,
  communityId: string,
  year: number,
  employer: EmployerWithMembers,
  rule: ServingRule,
): Promise<FeedbackEvaluationSheet> {
  const span = yearSpan(year);
  const members =
    (await employersWithMembersIn(prisma, communityId, span)).find((e) => e.id === employer.id)?.members ??
    employer.members;
  const counts = await serviceCountsOf(
    prisma,
    communityId,
    members.map((m) => m.id),
    span,
  );
  const entered = await evaluationsOf(prisma, communityId, year);
  const gradeOf = (kind: string, id: string) => entered.find((e) => e.subjectKind === kind && e.subjectId === id);
  const lines = members.map((m) => {
    const e = gradeOf('member', m.id);
    return {
      m,
      e,
      y: memberYear(counts.get(m.id)?.services ?? 0, rule, (e?.grade as ServiceGrade | undefined) ?? null),
    };
  });
  const ownEntry = gradeOf('employer', employer.id);
  const own = employerYear(
    lines.map((l) => l.y),
    (ownEntry?.grade as ServiceGrade | undefined) ?? null,
  );
  return {
    year,
    members: lines.map(({ m, e, y }) => ({
      name: m.name,
      phone: m.phone,
      services: y.services,
      proposed: y.proposed,
      grade: y.grade,
      comment: e?.comment ?? null,
    })),
    employer: {
      proposed: own.proposed,
      grade: own.grade,
      comment: ownEntry?.comment ?? null,
      membersMeetingMinimum: own.membersMeetingMinimum,
    },
  };
}

/** One employer's feedback: the receipt row first, then the mail with the workbook and the link. */
async function sendOneFeedback(
  deps: ServingActivityDeps,
  community: Unit,
  employer: EmployerWithMembers,
  c: { periodKey: string; scheduledFor: number; rule: ServingRule },
): Promise<boolean> {
  const { prisma, sendOnce, pages, unitRef, receiptSecret } = deps;
  const quarter = periodFromKey(c.periodKey);
  const members: ServingMember[] = employer.members;
  const records = await servicesOf(
    prisma,
    community.id,
    members.map((m) => m.id),
    quarter,
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  const minutes = records.reduce((s, r) => s + r.minutes, 0);
  const token = receiptToken(receiptSecret, community.id, c.periodKey, employer.id);
  const expiresAt = new Date(c.scheduledFor + c.rule.receiptValidDays * DAY_MS);
  const row = await upsertFeedback(prisma, {
    communityId: community.id,
    employerId: employer.id,
    periodKey: c.periodKey,
    tokenHash: receiptTokenHash(token),
    expiresAt,
    members: members.length,
    services: records.length,
    minutes,
    sentAt: new Date(c.scheduledFor),
  });
  const evaluationYear = carriesEvaluation(c.periodKey) ? Number(c.periodKey.slice(0, 4)) : null;
  const workbook = await feedbackWorkbook({
    communityName: community.name,
    employerName: employer.name,
    partyOrgName: employer.partyOrgName,
    periodKey: c.periodKey,
    records: records.map((r) => ({
      name: byId.get(r.memberId)?.name ?? '',
      phone: byId.get(r.memberId)?.phone ?? '',
      servedOn: r.servedOn.toISOString().slice(0, 10),
      minutes: r.minutes,
      what: r.what,
      confirmedBy: r.confirmedBy,
    })),
    members: members.map((m) => {
      const mine = records.filter((r) => r.memberId === m.id);
      return {
        name: m.name,
        phone: m.phone,
        services: mine.length,
        minutes: mine.reduce((s, r) => s + r.minutes, 0),
      };
    }),
    evaluation:
      evaluationYear === null ? null : await evaluationSheet(deps, community.id, evaluationYear, employer, c.rule),
  });
  await sendOnce({
    unitId: community.id,
    obligation: servingFeedbackWorkflowId(community.id),
    periodKey: c.periodKey,
    step: feedbackStep(employer.code),
    audience: 'employer',
    recipient: employerRecipient(employer),
    scheduledFor: c.scheduledFor,
    notice: {
      kind: 'serving-feedback',
      step: 'feedback',
      unit: unitRef(community),
      recipientName: employer.contactName,
      employerName: employer.name,
      partyOrgName: employer.partyOrgName,
      periodKey: c.periodKey,
      members: members.length,
      services: records.length,
      hours: hoursOf(minutes),
      evaluationYear,
      expiresOn: shanghaiDateOf(row.expiresAt),
      url: pages.receipt(token),
    },
    attachments: [
      {
        filename: `${community.name}${periodLabel(c.periodKey, 'zh')}在职党员服务记录（${employer.name}）.xlsx`,
        content: workbook,
        contentType: XLSX_TYPE,
      },
    ],
  });
  return row.confirmedAt !== null;
}

/**
 * The quarter a run feeds back: the given one, else the quarter whose feedback is next due
 * (the previous quarter while its send day has not come, else the current one).
 */
async function planFeedbackQuarter(
  deps: ServingActivityDeps,
  input: { communityId: string; periodKey?: string; now: number },
): Promise<FeedbackPlan> {
  const { prisma } = deps;
  const community = await communityUnit(prisma, input.communityId);
  if (!community || community.level !== 'community') return { active: false };
  let quarter = input.periodKey ? periodFromKey(input.periodKey) : periodContaining(input.now, 'quarter');
  if (!input.periodKey) {
    const before = previousQuarter(quarter);
    if (input.now < (await sendAtOf(deps, community.id, before.key))) quarter = before;
  }
  return {
    active: true,
    periodKey: quarter.key,
    nextPeriodKey: nextPeriod(quarter).key,
    sendAt: await sendAtOf(deps, community.id, quarter.key),
  };
}

/** The quarter's feedback to every employer with registered members in the community, once each. */
async function sendQuarterFeedback(
  deps: ServingActivityDeps,
  input: {
    communityId: string;
    periodKey: string;
    scheduledFor: number;
  },
): Promise<FeedbackSentResult> {
  const { prisma, calendarFor } = deps;
  const community = await communityUnit(prisma, input.communityId);
  const rule = await loadServingRule(prisma);
  const sendDay = shanghaiDateOf(input.scheduledFor);
  const calendar = await calendarFor(yearsAround(sendDay));
  const reminderDay = calendar.addWorkingDays(sendDay, rule.receiptWithinDays);
  const officeDay = calendar.addWorkingDays(reminderDay, rule.receiptOfficeAfterDays);
  const key = servingFeedbackWorkflowId(input.communityId);
  const timing = { reminderAt: noticeInstant(reminderDay, key), officeAt: noticeInstant(officeDay, key) };
  if (!community) return { outcome: 'community-removed', employers: [], confirmed: [], ...timing };
  const quarter = periodFromKey(input.periodKey);
  const employers = await employersWithMembersIn(prisma, community.id, quarter);
  const confirmed: string[] = [];
  for (const employer of employers) {
    if (
      await sendOneFeedback(deps, community, employer, {
        periodKey: input.periodKey,
        scheduledFor: input.scheduledFor,
        rule,
      })
    ) {
      confirmed.push(employer.id);
    }
  }
  return {
    outcome: 'sent',
    employers: employers.map((e) => ({ employerId: e.id, code: e.code })),
    confirmed,
    ...timing,
  };
}

/**
 * The reminder to each employer whose receipt has not come (step 'reminder'), or the liaison
 * office's notice of each (step 'office'); the record is read first. The employers still unconfirmed.
 */
async function remindFeedbackReceipts(
  deps: ServingActivityDeps,
  input: {
    communityId: string;
    periodKey: string;
    step: 'reminder' | 'office';
    scheduledFor: number;
  },
): Promise<{ unconfirmed: string[] }> {
  const { prisma, sendOnce, pages, unitRef, receiptSecret } = deps;
  const community = await communityUnit(prisma, input.communityId);
  if (!community) return { unconfirmed: [] };
  const rows = (await feedbackRowsOf(prisma, community.id, input.periodKey)).filter((r) => !r.confirmedAt && r.sentAt);
  const office = input.step === 'office' ? await supervisorRecipients(prisma) : [];
  for (const row of rows) {
    const employer = await employerById(prisma, row.employerId);
    if (!employer) continue;
    const notice = {
      kind: 'serving-feedback' as const,
      unit: unitRef(community),
      employerName: employer.name,
      partyOrgName: employer.partyOrgName,
      periodKey: input.periodKey,
      members: row.members,
      services: row.services,
      hours: hoursOf(row.minutes),
      evaluationYear: null,
      expiresOn: shanghaiDateOf(row.expiresAt),
    };
    const common = {
      unitId: community.id,
      obligation: servingFeedbackWorkflowId(community.id),
      periodKey: input.periodKey,
      scheduledFor: input.scheduledFor,
    };
    if (input.step === 'reminder') {
      const token = receiptToken(receiptSecret, community.id, input.periodKey, employer.id);
      await sendOnce({
        ...common,
        step: receiptReminderStep(employer.code),
        audience: 'employer',
        recipient: employerRecipient(employer),
        notice: {
          ...notice,
          step: 'receipt-reminder',
          recipientName: employer.contactName,
          url: pages.receipt(token),
        },
      });
      continue;
    }
    for (const recipient of office) {
      await sendOnce({
        ...common,
        step: receiptOfficeStep(employer.code),
        audience: 'supervisor',
        recipient,
        notice: {
          ...notice,
          step: 'receipt-office',
          recipientName: recipient.name,
          url: pages.serving(community.id),
        },
      });
    }
  }
  return { unconfirmed: rows.map((r) => r.employerId) };
}

export function createServingFeedbackActivities(deps: ServingActivityDeps) {
  return {
    planFeedbackQuarter: (input: { communityId: string; periodKey?: string; now: number }) =>
      planFeedbackQuarter(deps, input),
    sendQuarterFeedback: (input: { communityId: string; periodKey: string; scheduledFor: number }) =>
      sendQuarterFeedback(deps, input),
    remindFeedbackReceipts: (input: {
      communityId: string;
      periodKey: string;
      step: 'reminder' | 'office';
      scheduledFor: number;
    }) => remindFeedbackReceipts(deps, input),
  };
}
