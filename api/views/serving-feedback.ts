/** The answers of the quarterly feedback, the receipts and the year-end evaluation. */
import type { ServiceEvaluation } from '@prisma/client';
import type { z } from 'zod';
import type {
  servingEvaluation,
  servingEvaluationGrid,
  servingFeedbackStatus,
  servingReceipt,
  servingReceiptConfirmed,
} from '../contract/serving-feedback';
import type { EvaluationLine, FeedbackLine, ReceiptContent, confirmReceipt } from '../../services/serving-feedback';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function receiptHead(r: Pick<ReceiptContent, 'feedback' | 'community'>) {
  return {
    community: { id: r.community.id, name: r.community.name },
    employer: {
      code: r.feedback.employer.code,
      name: r.feedback.employer.name,
      partyOrgName: r.feedback.employer.partyOrgName,
    },
    periodKey: r.feedback.periodKey,
  };
}

export function receiptView(r: ReceiptContent): z.infer<typeof servingReceipt> {
  return {
    ...receiptHead(r),
    expiresAt: r.feedback.expiresAt.toISOString(),
    members: r.members,
    evaluation: r.evaluation,
    records: r.records,
  };
}

export function receiptConfirmedView(
  r: Awaited<ReturnType<typeof confirmReceipt>>,
): z.infer<typeof servingReceiptConfirmed> {
  return {
    ...receiptHead(r),
    confirmedAt: r.feedback.confirmedAt!.toISOString(),
    confirmedBy: r.feedback.confirmedBy ?? '',
    workflowNotified: r.workflowNotified,
  };
}

export function feedbackStatusView(o: {
  community: { id: string };
  periodKey: string;
  workflowId: string;
  items: FeedbackLine[];
}): z.infer<typeof servingFeedbackStatus> {
  return {
    communityId: o.community.id,
    periodKey: o.periodKey,
    workflowId: o.workflowId,
    items: o.items.map((i) => ({
      ...i,
      sentAt: iso(i.sentAt),
      expiresAt: iso(i.expiresAt),
      confirmedAt: iso(i.confirmedAt),
      remindedAt: iso(i.remindedAt),
      officeToldAt: iso(i.officeToldAt),
    })),
  };
}

export function evaluationGridView(g: {
  community: { id: string };
  year: number;
  items: EvaluationLine[];
}): z.infer<typeof servingEvaluationGrid> {
  return { communityId: g.community.id, year: g.year, items: g.items };
}

export function evaluationView(e: ServiceEvaluation): z.infer<typeof servingEvaluation> {
  return {
    id: e.id,
    communityId: e.communityId,
    year: e.year,
    subjectKind: e.subjectKind === 'employer' ? 'employer' : 'member',
    subjectId: e.subjectId,
    grade: e.grade as z.infer<typeof servingEvaluation>['grade'],
    comment: e.comment,
    evaluatedBy: e.evaluatedBy,
    evaluatedAt: e.evaluatedAt.toISOString(),
  };
}
