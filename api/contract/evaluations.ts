/**
 * The OpenAPI description of the year-end evaluation (考核评分): the operations, the request
 * schemas that become components, and the response schemas (registered in the response registry
 * as they are created). api/contract/index.ts spreads these into the document's lists.
 */
import { z } from 'zod';
import { page } from './common';
import type { OperationSpec } from './types';
import { component } from './types';

// --- Requests --------------------------------------------------------------------------------

export const RATER_KINDS = ['party_member', 'resident'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const RATER_KIND_NAMES: Record<RaterKind, { zh: string; en: string }> = {
  party_member: { zh: '党员', en: 'Party member' },
  resident: { zh: '居民', en: 'resident' },
};

export const CAMPAIGN_STATUSES = ['scheduled', 'open', 'closed', 'cancelled'] as const;

const year = z.number().int().min(2000).max(2100);
const yearParam = z.coerce.number().int().min(2000).max(2100);

export const campaignsInput = z.object({ year }).strict();

export const evaluationListQuery = z.object({
  year: yearParam.optional(),
  communityId: z.string().min(1).max(100).optional(),
  streetId: z.string().min(1).max(100).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  ...page,
});

export const evaluationResultsQuery = z.object({
  year: yearParam.optional().describe('缺省为本年 / Defaults to the current year'),
});

export const ballotScore = z
  .object({
    departmentId: z.string().min(1).max(100),
    score: z.number().int('得分应为整数 / A whole number').min(0).max(100),
  })
  .strict();

/** Who the ballot is by; a rater user's own ballot has no raterRef (their login identifies them). */
const raterRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('评分人身份证号或手机号（只保存其摘要） / The rater’s ID or phone number (only a digest of it is kept)');

export const ballotInput = z
  .object({
    raterKind: z.enum(RATER_KINDS),
    raterName: z.string().trim().min(1).max(100).optional(),
    raterRef: raterRef.optional(),
    scores: z.array(ballotScore).min(1).max(50),
  })
  .strict();

/**
 * The identity of a rater entered on paper, normalised: spaces, hyphens, dots and brackets go,
 * letters are upper case (the ID's final X), a mainland phone number loses its +86 / 0086.
 * Null when it is neither an ID nor a phone number (4 to 32 letters and digits).
 */
export function normaliseRaterRef(ref: string): string | null {
  let s = ref.replace(/[\s\-().]/g, '').toUpperCase();
  const phone = /^(?:\+?86|0086)(1\d{10})$/.exec(s);
  if (phone) s = phone[1]!;
  return /^[0-9A-Z]{4,32}$/.test(s) ? s : null;
}

// --- Responses and operations ------------------------------------------------------------

/** api/openapi.ts's XLSX_TYPE (not imported: that module imports this one). */
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const id = z.uuid();
const count = z.number().int().min(0);
const score = z.number().min(0).max(100);

// --- Requests --------------------------------------------------------------------------------

export const evaluationRequests: [z.ZodType, { id: string; description?: string }][] = [
  [
    campaignsInput,
    {
      id: 'EvaluationCampaignsInput',
      description:
        '为每个有结对部门的社区发起该年度考核评分（已发起的不重复） / Start the year’s campaign of every community with paired departments (those started already are left as they are)',
    },
  ],
  [
    ballotInput,
    {
      id: 'EvaluationBallotInput',
      description:
        '每个结对部门恰好评分一次（0–100 整数）。评分人本人提交时不填 raterRef；召集人或管理员录入纸质评分时 raterRef 必填（身份证号或手机号，只保存其摘要）。 / Each paired department scored exactly once (a whole number 0–100). A rater’s own ballot has no raterRef; a paper ballot entered by the convener or an admin needs it (an ID or phone number; only a digest is kept).',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const campaignFields = {
  id,
  communityId: id,
  communityName: z.string(),
  streetId: id.nullable(),
  year: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES).describe('scheduled → open → closed; cancelled: no paired department at opening'),
  quorum: z.number().int().min(0).describe('Raters needed'),
  raters: count.describe('Ballots recorded so far'),
  quorumMet: z.boolean(),
  opensAt: instant,
  closesAt: instant,
  opensOn: localDate,
  closesOn: localDate,
  closedAt: instant.nullable(),
  workflowId: z.string().describe('Temporal workflow id: evaluation:<community id>:<year>'),
};

export const evaluationCampaign = component('EvaluationCampaign', z.object(campaignFields));

export const evaluationCampaignPage = component(
  'EvaluationCampaignPage',
  z.object({
    items: z.array(evaluationCampaign),
    total: count,
    limit: z.number().int().min(1),
    offset: count,
  }),
);

export const evaluationCampaignsStarted = component(
  'EvaluationCampaignsStarted',
  z.object({
    year: z.number().int(),
    created: count,
    started: count.describe('Workflows started or found running'),
    items: z.array(evaluationCampaign),
  }),
);

export const evaluationCampaignDetail = component(
  'EvaluationCampaignDetail',
  z.object({
    ...campaignFields,
    final: z.boolean().describe('Closed: mean and median are given'),
    raterKinds: z.object({ party_member: count, resident: count }),
    departments: z.array(
      z.object({
        departmentId: id,
        code: z.string(),
        name: z.string(),
        count: count,
        mean: score.nullable().describe('Once closed'),
        median: score.nullable().describe('Once closed'),
        quorumMet: z.boolean(),
      }),
    ),
  }),
);

export const evaluationBallot = component(
  'EvaluationBallot',
  z.object({
    id,
    campaignId: id,
    raterKind: z.enum(RATER_KINDS),
    raterName: z.string().nullable(),
    recordedBy: z.string(),
    createdAt: instant,
    scores: z.array(z.object({ departmentId: id, score: z.number().int().min(0).max(100) })),
    raters: count.describe('Ballots recorded in the campaign, this one included'),
    quorum: z.number().int().min(0),
  }),
);

export const evaluationResults = component(
  'EvaluationResults',
  z.object({
    year: z.number().int(),
    asOf: localDate,
    campaigns: z.object({ closed: count, pending: count.describe('Scheduled or open: not in the table yet') }),
    rows: z.array(
      z.object({
        departmentId: id,
        code: z.string(),
        name: z.string(),
        communities: z.array(
          z.object({
            communityId: id,
            communityName: z.string(),
            campaignId: id,
            quorum: z.number().int().min(0),
            count: count,
            mean: score.nullable(),
            median: score.nullable(),
            quorumMet: z.boolean(),
          }),
        ),
        overall: z.object({
          communities: count,
          communitiesQuorumMet: count,
          raters: count,
          mean: score.nullable().describe('The mean of the communities’ means where the quorum was met'),
        }),
      }),
    ),
  }),
);

// --- Operations ------------------------------------------------------------------------------

const campaignId = {
  campaignId: { schema: z.string().min(1).max(200), description: '考核评分 id（UUID） / The campaign’s id (UUID)' },
};

const campaignLinks = (pointer: string) => ({
  GetEvaluationCampaign: { operationId: 'getEvaluationCampaign', parameters: { campaignId: pointer } },
  RecordEvaluationBallot: { operationId: 'recordEvaluationBallot', parameters: { campaignId: pointer } },
});

export const evaluationOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/evaluations/campaigns',
    operationId: 'startEvaluationCampaigns',
    summary: {
      zh: '发起年度结对部门考核评分（每个社区一次）',
      en: 'Start the year-end evaluation of paired departments (one campaign per community)',
    },
    description:
      '为每个有结对部门的社区创建该年度考核并启动其流程（evaluation:<社区 id>:<年>）；重复提交无害。按规则在开始日通知召集人，人数不足时提醒，截止日结束。该年度考核已截止且从未发起时为 400。 / Creates the campaign of every community with active department pairings and starts its workflow (evaluation:<community id>:<year>); a repeat is harmless. The workflow tells the convener on the opening day, reminds while below quorum and closes at the deadline. 400 when the year’s evaluation has closed and none was started.',
    tags: ['evaluation'],
    roles: ['admin', 'supervisor'],
    idempotent: true,
    body: { schema: campaignsInput, example: { year: 2026 } },
    responses: {
      201: {
        description: 'Campaigns created',
        schema: evaluationCampaignsStarted,
        links: campaignLinks('$response.body#/items/0/id'),
      },
      200: {
        description: 'Every campaign existed already',
        schema: evaluationCampaignsStarted,
        links: campaignLinks('$response.body#/items/0/id'),
      },
    },
    errors: [400, 413, 415, 422, 503],
  },
  {
    method: 'get',
    path: '/api/evaluations',
    operationId: 'listEvaluationCampaigns',
    summary: { zh: '考核评分进度（评分人数与规定人数）', en: 'Campaigns and their progress (raters versus quorum)' },
    description:
      '只列出调用者可见社区的考核；评分人只见本社区的。 / Only the campaigns of communities the caller may see; a rater sees their own community’s.',
    tags: ['evaluation'],
    query: evaluationListQuery,
    responses: {
      200: {
        description: 'OK',
        schema: evaluationCampaignPage,
        links: campaignLinks('$response.body#/items/0/id'),
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/evaluations/results',
    operationId: 'getEvaluationResults',
    summary: {
      zh: '年度考核结果：各部门在各社区的评分（计入部门年度考核）',
      en: 'The annual table: each department’s scores across communities (for its performance evaluation)',
    },
    description:
      '只含已截止的考核；每个社区给出评分人数、平均分、中位数、是否达到规定人数；合计为达到规定人数的社区平均分的平均。部门用户只见本部门一行。 / Closed campaigns only: per community the count, mean, median and whether the quorum was met; overall, the mean of the communities’ means where the quorum was met. A department user sees only its own row.',
    tags: ['evaluation'],
    roles: ['admin', 'supervisor', 'department'],
    query: evaluationResultsQuery,
    responses: { 200: evaluationResults },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/evaluations/results.xlsx',
    operationId: 'exportEvaluationResults',
    summary: { zh: '导出年度考核结果（Excel）', en: 'Export the annual table (Excel)' },
    description:
      '两个工作表：各部门汇总、各部门在各社区的明细。 / Two sheets: a summary per department, then each department in each community.',
    tags: ['evaluation'],
    roles: ['admin', 'supervisor', 'department'],
    query: evaluationResultsQuery,
    responses: {
      200: {
        description: 'XLSX workbook',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="evaluation-results-<year>.xlsx"',
            schema: { type: 'string' },
          },
        },
        content: { [xlsx]: { type: 'string', contentMediaType: xlsx } },
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/evaluations/{campaignId}',
    operationId: 'getEvaluationCampaign',
    summary: { zh: '单个社区的考核评分及各部门结果', en: 'One campaign with each department’s results' },
    description:
      '进行中只给出各部门的评分人数；截止后给出平均分与中位数。 / While open, only each department’s count; once closed, the mean and median too.',
    tags: ['evaluation'],
    params: campaignId,
    responses: { 200: evaluationCampaignDetail },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/evaluations/{campaignId}/ballots',
    operationId: 'recordEvaluationBallot',
    summary: { zh: '提交一张评分票', en: 'Record a ballot' },
    description:
      '评分人本人提交，或由本社区召集人（或管理员）录入纸质评分票（raterRef 必填）。每个结对部门恰好评分一次（缺少、未结对或重复的部门为 400）；考核未在进行中为 409 campaign_not_open；同一评分人再次提交为 409 duplicate_rater。 / By a rater user, or a paper ballot entered by the community’s convener (or an admin) with raterRef. Each paired department exactly once (a missing, unpaired or repeated department is 400); 409 campaign_not_open when the campaign is not open; 409 duplicate_rater for a second ballot by the same rater.',
    tags: ['evaluation'],
    roles: ['admin', 'convener', 'rater'],
    params: campaignId,
    idempotent: true,
    body: {
      schema: ballotInput,
      example: {
        raterKind: 'resident',
        raterName: '王阿姨',
        raterRef: '138 0000 1234',
        scores: [
          { departmentId: '5b0c7f9e-2d1a-4f3b-9c8e-1a2b3c4d5e6f', score: 92 },
          { departmentId: '6c1d8a0f-3e2b-4a4c-8d9f-2b3c4d5e6f70', score: 85 },
          { departmentId: '7d2e9b1a-4f3c-4b5d-9e0a-3c4d5e6f7081', score: 78 },
        ],
      },
    },
    responses: { 201: evaluationBallot },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
];

/** The tag of these operations (api/contract/index.ts lists the areas in order). */
export const evaluationTag = {
  name: 'evaluation',
  description:
    '年度考核评分：居民和党员为结对部门评分 / Year-end evaluation of paired departments by residents and Party members',
};
