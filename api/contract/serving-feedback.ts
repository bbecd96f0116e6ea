/** The third entry: quarterly feedback to employers (反馈), receipts, year-end evaluation (评议). */
import { z } from 'zod';
import { SERVICE_GRADES } from '../../domain/serving';
import { servingTag } from './serving-registration';
import { component, type OperationSpec, type RequestComponent } from './types';

const tags = [servingTag.name];
const id = z.uuid();
const count = z.number().int().min(0);
const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const hours = z.string().describe('Hours with one decimal, e.g. "2.5"');
const grade = z
  .enum(SERVICE_GRADES)
  .describe('excellent（优秀）, competent（合格）, basically_competent（基本合格）, incompetent（不合格）');

// --- Requests --------------------------------------------------------------------------------

export const receiptConfirmInput = z
  .object({ confirmedBy: z.string().trim().min(1).max(100).describe('The name of who confirms (the contact)') })
  .strict();

export const servingEvaluationInput = z
  .object({
    communityId: id,
    year: z.number().int().min(2000).max(2100),
    subjectKind: z.enum(['member', 'employer']),
    subjectId: id,
    grade,
    comment: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

export const feedbackQuery = z.object({
  communityId: z.string().min(1).max(100),
  periodKey: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'A quarter: YYYY-Qn')
    .refine((k) => k >= '2000' && k < '2101', 'Between 2000-Q1 and 2100-Q4')
    .optional(),
});

export const servingEvaluationsQuery = z.object({
  communityId: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A receipt token in the path: base64url, 43 characters. */
export const receiptToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A receipt token');

export const servingFeedbackRequests: readonly RequestComponent[] = [
  [
    receiptConfirmInput,
    {
      id: 'ReceiptConfirmInput',
      description:
        '单位联系人确认已收到季度反馈；链接仅可使用一次。 / The employer’s contact confirms receipt of the quarterly feedback; the link works once.',
    },
  ],
  [
    servingEvaluationInput,
    {
      id: 'ServingEvaluationInput',
      description:
        '社区召集人（或管理员）录入年度评议等次：在职党员（subjectKind member）或报到单位（employer）。 / The community’s convener (or an admin) enters a year-end grade for a registered member or employer.',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const evaluationLine = z.object({
  subjectKind: z.enum(['member', 'employer']),
  subjectId: id,
  name: z.string(),
  employerId: id.nullable().describe('member: its employer'),
  phone: z.string().nullable().describe('member: masked, last 4'),
  services: count.describe('Services in the year (employer: of its members)'),
  members: count.nullable(),
  membersMeetingMinimum: count.nullable(),
  proposed: grade.describe('The grade the rule proposes'),
  entered: grade.nullable().describe('The grade the convener entered'),
  grade: grade.describe('entered, else proposed'),
  comment: z.string().nullable(),
  evaluatedBy: z.string().nullable(),
});

const receiptFields = {
  community: z.object({ id, name: z.string() }),
  employer: z.object({ code: z.string(), name: z.string(), partyOrgName: z.string() }),
  periodKey: z.string().describe('The quarter: 2026-Q3'),
};

export const servingReceipt = component(
  'ServingReceipt',
  z.object({
    ...receiptFields,
    expiresAt: instant,
    members: z.array(
      z.object({ name: z.string(), phone: z.string().nullable().describe('Masked: last 4'), services: count, hours }),
    ),
    evaluation: z
      .object({ year: z.number().int(), items: z.array(evaluationLine) })
      .nullable()
      .describe('After Q4: the year-end evaluation of the employer (first) and its members in the community'),
    records: z.array(
      z.object({
        memberName: z.string(),
        phone: z.string().nullable().describe('Masked: last 4'),
        servedOn: localDate,
        hours,
        what: z.string(),
        confirmedBy: z.string(),
      }),
    ),
  }),
  'What an employer’s receipt link shows: its own members’ records in the quarter (phones masked)',
);

export const servingReceiptConfirmed = component(
  'ServingReceiptConfirmed',
  z.object({
    ...receiptFields,
    confirmedAt: instant,
    confirmedBy: z.string(),
    workflowNotified: z
      .boolean()
      .describe('false: recorded, but Temporal was unreachable; the workflow re-reads the record'),
  }),
  'The receipt as confirmed',
);

export const servingFeedbackStatus = component(
  'ServingFeedbackStatus',
  z.object({
    communityId: id,
    periodKey: z.string(),
    workflowId: z.string().describe('serving-feedback:<community id>'),
    items: z.array(
      z.object({
        employerId: id,
        code: z.string(),
        name: z.string(),
        partyOrgName: z.string(),
        contactName: z.string(),
        members: count,
        services: count,
        hours,
        sentAt: instant.nullable(),
        expiresAt: instant.nullable(),
        confirmedAt: instant.nullable(),
        confirmedBy: z.string().nullable(),
        remindedAt: instant.nullable().describe('When the reminder to confirm went'),
        officeToldAt: instant.nullable().describe('When the liaison office was told'),
      }),
    ),
  }),
  'A community’s quarterly feedback per employer: sent, confirmed, reminded, office told',
);

export const servingEvaluationGrid = component(
  'ServingEvaluationGrid',
  z.object({
    communityId: id,
    year: z.number().int(),
    items: z.array(evaluationLine),
  }),
  'A community’s year-end evaluation: each employer followed by its members',
);

export const servingEvaluation = component(
  'ServingEvaluation',
  z.object({
    id,
    communityId: id,
    year: z.number().int(),
    subjectKind: z.enum(['member', 'employer']),
    subjectId: id,
    grade,
    comment: z.string().nullable(),
    evaluatedBy: z.string(),
    evaluatedAt: instant,
  }),
  'A grade entered',
);

const tokenParam = {
  token: { schema: receiptToken, description: 'The receipt token from the mail’s link', example: 'x'.repeat(43) },
};

export const servingFeedbackOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    path: '/api/serving/receipts/{token}',
    operationId: 'getServingReceipt',
    summary: {
      zh: '回执页：单位查看本季度反馈（免登录）',
      en: 'Receipt page: the employer reads the quarter’s feedback (no login)',
    },
    description:
      '令牌即凭证：只显示该单位在该社区报到党员的记录。未知令牌 404；已确认或已过期 410。 / The token is the credential: only that employer’s members. Unknown 404; confirmed or expired 410.',
    tags,
    access: 'public',
    params: tokenParam,
    responses: { 200: servingReceipt },
    errors: [400, 404, 410],
  },
  {
    method: 'post',
    path: '/api/serving/receipts/{token}/confirm',
    operationId: 'confirmServingReceipt',
    summary: { zh: '确认回执（一次性）', en: 'Confirm the receipt (single use)' },
    description: '第二次使用或过期后为 410。 / A second use or an expired link answers 410.',
    tags,
    access: 'public',
    params: tokenParam,
    body: { schema: receiptConfirmInput, example: { confirmedBy: '张主任' } },
    responses: { 200: servingReceiptConfirmed },
    errors: [400, 404, 410, 413, 415],
  },
  {
    method: 'get',
    path: '/api/serving/feedback',
    operationId: 'getServingFeedback',
    summary: { zh: '社区季度反馈情况（按单位）', en: 'A community’s quarterly feedback, per employer' },
    description:
      'periodKey 缺省为上一季度。社区召集人（及其上级）、督查、管理员可查看。 / periodKey defaults to the last quarter ended. The community’s convener (or above), supervisors and admins.',
    tags,
    roles: ['admin', 'supervisor', 'convener', 'leader'],
    query: feedbackQuery,
    responses: { 200: servingFeedbackStatus },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/serving/evaluations',
    operationId: 'getServingEvaluations',
    summary: { zh: '年度评议（党员与单位）', en: 'Year-end evaluation (members and employers)' },
    tags,
    roles: ['admin', 'supervisor', 'convener', 'leader'],
    query: servingEvaluationsQuery,
    responses: { 200: servingEvaluationGrid },
    errors: [400, 403, 404],
  },
  {
    method: 'put',
    path: '/api/serving/evaluations',
    operationId: 'setServingEvaluation',
    summary: { zh: '录入评议等次', en: 'Enter a year-end grade' },
    description: '仅该社区召集人或管理员。 / The community’s own convener or an admin.',
    tags,
    roles: ['admin', 'convener'],
    body: {
      schema: servingEvaluationInput,
      example: {
        communityId: '00000000-0000-4000-8000-000000000000',
        year: 2026,
        subjectKind: 'member',
        subjectId: '00000000-0000-4000-8000-000000000001',
        grade: 'excellent',
      },
    },
    responses: { 200: servingEvaluation },
    errors: [400, 403, 404, 413, 415],
  },
];
