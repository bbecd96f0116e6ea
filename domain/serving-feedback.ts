/**
 * The quarterly feedback (反馈) of a community to its members' employers and the year-end
 * evaluation (评议): which quarter a run feeds back, the receipt link's business key and the hash
 * the record keeps, and the grades of the year. Pure.
 */
import { addDays, type LocalDate, type Period, periodFromKey, periodOfDate } from './period';
import {
  minServicesPerYear,
  proposedEmployerGrade,
  proposedMemberGrade,
  type ServiceGrade,
  type ServingRule,
} from './serving';
import { servingFeedbackWorkflowId } from './workflow-ids';

/** The ledger steps of one employer's feedback in one quarter. */
export const feedbackStep = (employerCode: string): string => `feedback:${employerCode}`;
export const receiptReminderStep = (employerCode: string): string => `receipt-reminder:${employerCode}`;
export const receiptOfficeStep = (employerCode: string): string => `receipt-office:${employerCode}`;

/** The quarter before. */
export function previousQuarter(quarter: Period): Period {
  return periodOfDate(addDays(quarter.firstDay, -1), 'quarter');
}

/** A quarter key ("2026-Q3"), or null. */
export function quarterOf(key: string): Period | null {
  if (!/^\d{4}-Q[1-4]$/.test(key)) return null;
  return periodFromKey(key);
}

/** The feedback after Q4 (sent in January) also carries the year's evaluation. */
export const carriesEvaluation = (quarterKey: string): boolean => quarterKey.endsWith('-Q4');

/**
 * The business key of one receipt link: the community's feedback workflow, the quarter, the
 * employer. The link's token is an HMAC of it (activities), so a retried send mails the same link.
 */
export function receiptBusinessKey(communityId: string, periodKey: string, employerId: string): string {
  return `${servingFeedbackWorkflowId(communityId)}/${periodKey}/${employerId}`;
}

/** A token as links carry it: base64url, 43 characters (an HMAC-SHA256). */
export const isReceiptTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/** Why a receipt link no longer opens: confirmed already, or expired. Null: it opens. */
export function receiptClosed(
  feedback: { confirmedAt: Date | null; expiresAt: Date },
  now: Date,
): 'confirmed' | 'expired' | null {
  if (feedback.confirmedAt) return 'confirmed';
  if (feedback.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** A member's line of the year-end evaluation: the services of the year and the grade. */
export interface MemberYear {
  services: number;
  proposed: ServiceGrade;
  entered: ServiceGrade | null;
  grade: ServiceGrade;
  metMinimum: boolean;
}

export function memberYear(services: number, rule: ServingRule, entered: ServiceGrade | null): MemberYear {
  const min = minServicesPerYear(rule);
  const proposed = proposedMemberGrade({ servicesInYear: services, minServicesPerYear: min });
  return { services, proposed, entered, grade: entered ?? proposed, metMinimum: services >= min };
}

export function employerYear(
  members: readonly MemberYear[],
  entered: ServiceGrade | null,
): {
  members: number;
  membersMeetingMinimum: number;
  proposed: ServiceGrade;
  entered: ServiceGrade | null;
  grade: ServiceGrade;
} {
  const met = members.filter((m) => m.metMinimum).length;
  const proposed = proposedEmployerGrade({ members: members.length, membersMeetingMinimum: met });
  return { members: members.length, membersMeetingMinimum: met, proposed, entered, grade: entered ?? proposed };
}

/** The year's first and last day. */
export const yearSpan = (year: number): { firstDay: LocalDate; lastDay: LocalDate } => ({
  firstDay: `${year}-01-01`,
  lastDay: `${year}-12-31`,
});
