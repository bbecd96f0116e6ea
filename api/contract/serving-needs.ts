/**
 * The third entry: a community's needs list (服务需求 / 微心愿), the members' claims (认领) and
 * their service cards (服务记录卡). Requests, responses (registered as components) and operations.
 */
import { z } from 'zod';
import { isLocalDate } from '../../domain/period';
import { NEED_CATEGORIES } from '../../domain/serving';
import { page, pageFields } from './common';
import { servingTag } from './serving-registration';
import type { OperationSpec, RequestComponent } from './types';
import { component } from './types';

// --- Requests --------------------------------------------------------------------------------

const localDateInput = z
  .string()
  .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31')
  .meta({ format: 'date' });
const text = (max: number) => z.string().trim().min(1).max(max);
const category = z
  .enum(NEED_CATEGORIES)
  .describe(
    'elderly_care 关爱老人, children_youth 关爱青少年, environment 环境整治, civility 文明实践, safety 平安巡逻, legal_aid 法律服务, health 健康服务, culture 文体活动, wish 微心愿, other 其他',
  );

export const needInput = z
  .object({
    communityId: z.string().min(1).max(200).describe('The community (id or code)'),
    title: text(200),
    category,
    description: z.string().trim().max(5000).optional(),
    neededOn: localDateInput,
    slots: z.number().int().min(1).max(500).describe('How many members it takes'),
    claimBy: localDateInput
      .optional()
      .describe('Claims close at the end of this day; default: the day before neededOn'),
  })
  .strict();

export const needCancelInput = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

export const claimInput = z
  .object({ memberId: z.uuid().optional().describe('Only when the community claims for a member') })
  .strict();

const serviceDoneFields = {
  servedOn: localDateInput,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .describe('Service time in minutes'),
  what: text(2000).describe('What was done'),
  confirmedBy: text(100).describe('Who at the community confirmed the service'),
};

export const serviceDoneInput = z.object(serviceDoneFields).strict();

export const serviceRecordInput = z
  .object({
    memberId: z.uuid(),
    claimId: z.uuid().optional().describe('The member’s claim this service fulfils (the member must have claimed it)'),
    ...serviceDoneFields,
  })
  .strict();

export const needListQuery = z.object({
  communityId: z.string().min(1).max(200).optional(),
  from: localDateInput.optional().describe('Only needs on or after this day'),
  ...page,
});

export const servingNeedsRequests: readonly RequestComponent[] = [
  [
    needInput,
    {
      id: 'ServiceNeedInput',
      description:
        '社区发布需求：neededOn 不早于今天；claimBy 默认为 neededOn 前一天（不早于今天），不得晚于 neededOn。 / A community publishes a need: neededOn today or later; claimBy defaults to the day before neededOn (not before today) and is not after neededOn.',
    },
  ],
  [needCancelInput, { id: 'ServiceNeedCancelInput', description: '取消原因（可选） / Why it is cancelled (optional)' }],
  [
    claimInput,
    {
      id: 'NeedClaimInput',
      description:
        '在职党员本人认领时为空；社区召集人代为认领时填 memberId。 / Empty when a member claims; memberId when the community’s convener claims for a member.',
    },
  ],
  [
    serviceDoneInput,
    { id: 'ServiceDoneInput', description: '服务日期、时长（分钟）、内容、确认人 / Day, minutes, what, who confirmed' },
  ],
  [
    serviceRecordInput,
    {
      id: 'ServiceRecordInput',
      description:
        '不经需求的服务记录；带 claimId 时该认领须为该党员本人的（否则 400 claimId）。 / A service without a need; with claimId, the member’s own claim (else 400 claimId).',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const id = z.uuid();
const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const count = z.number().int().min(0);
const claimStatus = z.enum(['claimed', 'done', 'cancelled']);
const hours = z.string().describe('Hours with one decimal, e.g. "2.5"');
const notified = z
  .boolean()
  .describe('false: recorded, but Temporal was unreachable; the workflows re-read the record before any notice');

const claimFields = {
  id,
  needId: id,
  memberId: id,
  status: claimStatus,
  claimedAt: instant,
  cancelledAt: instant.nullable(),
  doneAt: instant.nullable(),
  workflowId: z.string().describe('need-claim:<claim id>'),
};

export const needClaimOnNeed = component(
  'NeedClaimOnNeed',
  z.object({
    ...claimFields,
    memberName: z.string(),
    memberPhone: z.string().describe('Masked: only the last 4 digits'),
  }),
  'A claim of a need (a member sees only their own)',
);

export const serviceNeed = component(
  'ServiceNeed',
  z.object({
    id,
    communityId: id,
    title: z.string(),
    category,
    description: z.string().nullable(),
    neededOn: localDate,
    claimBy: localDate,
    slots: count,
    claimed: count.describe('Places taken: claims claimed or done'),
    done: count,
    state: z.enum(['open', 'full', 'past', 'cancelled']).describe('past: the claim day is over'),
    cancelReason: z.string().nullable(),
    cancelledAt: instant.nullable(),
    publishedBy: z.string(),
    createdAt: instant,
    claims: z.array(needClaimOnNeed),
  }),
  'A need on a community’s list (服务需求)',
);

export const serviceNeedPage = component(
  'ServiceNeedPage',
  z.object({ items: z.array(serviceNeed), ...pageFields }),
  'Needs, latest day first',
);

export const cancelledNeed = component(
  'CancelledNeed',
  z.object({ need: serviceNeed, obligationsNotified: notified }),
  'The need cancelled (with the claims still open on it)',
);

export const needClaim = component(
  'NeedClaim',
  z.object({ ...claimFields, obligationNotified: notified }),
  'A claim (认领) and whether its workflow was told',
);

const serviceFields = {
  id,
  memberId: id,
  communityId: id,
  claimId: id.nullable(),
  servedOn: localDate,
  minutes: count,
  hours,
  what: z.string(),
  confirmedBy: z.string(),
  recordedBy: z.string().describe('<role>:<username>'),
  createdAt: instant,
};

export const serviceRecord = component(
  'ServiceRecord',
  z.object({ ...serviceFields, obligationNotified: notified }),
  'A service on a member’s card, and whether the workflows were told',
);

export const serviceCard = component(
  'ServiceCard',
  z.object({
    member: z.object({
      id,
      name: z.string(),
      communityId: id,
      communityName: z.string(),
      employer: z.object({ id, name: z.string(), partyOrgName: z.string() }),
      phone: z.string().describe('Masked: only the last 4 digits'),
      registeredOn: localDate,
      removed: z.boolean(),
    }),
    totals: z.object({ services: count, minutes: count, hours }),
    year: z.object({ year: z.number().int(), services: count, minutes: count, hours }),
    services: z.array(z.object({ ...serviceFields, need: z.object({ id, title: z.string() }).nullable() })),
    openClaims: z.array(
      z.object({
        claimId: id,
        needId: id,
        title: z.string(),
        category,
        neededOn: localDate,
        claimBy: localDate,
        claimedAt: instant,
      }),
    ),
  }),
  'A member’s service card (服务记录卡): services, hours, claims still open',
);

// --- Operations ------------------------------------------------------------------------------

const tags = [servingTag.name];
const idParam = (what: string) => ({
  id: { schema: z.uuid(), description: `${what} id (UUID)` },
});

export const servingNeedsOperations: readonly OperationSpec[] = [
  {
    method: 'post',
    path: '/api/serving/needs',
    operationId: 'publishServiceNeed',
    summary: { zh: '发布社区服务需求', en: 'Publish a community need' },
    description:
      '社区召集人或管理员。 / The community’s convener or an admin. 400: communityId not a community, neededOn in the past, claimBy after neededOn.',
    tags,
    roles: ['admin', 'convener'],
    idempotent: true,
    body: {
      schema: needInput,
      example: {
        communityId: 'bihai',
        title: '为独居老人代购年货',
        category: 'elderly_care',
        neededOn: '2026-12-20',
        slots: 3,
      },
    },
    responses: { 201: serviceNeed },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/serving/needs',
    operationId: 'listServiceNeeds',
    summary: { zh: '需求清单', en: 'The needs list' },
    description:
      '召集人：本社区（或辖区）；在职党员：本人报到社区；督导与管理员：全部。 / A convener: their community (or below); a member: their home community; supervisors and admins: all.',
    tags,
    query: needListQuery,
    responses: { 200: serviceNeedPage },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/serving/needs/{id}',
    operationId: 'getServiceNeed',
    summary: { zh: '一项需求及其认领', en: 'A need and its claims' },
    tags,
    params: idParam('The need’s'),
    responses: { 200: serviceNeed },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/serving/needs/{id}/cancel',
    operationId: 'cancelServiceNeed',
    summary: { zh: '取消需求（未完成的认领随之取消）', en: 'Cancel a need (its open claims with it)' },
    description: '409 item_state：已取消。 / 409 item_state: cancelled already.',
    tags,
    roles: ['admin', 'convener'],
    params: idParam('The need’s'),
    body: { schema: needCancelInput, example: { reason: '天气原因取消' } },
    responses: { 200: cancelledNeed },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/serving/needs/{id}/claims',
    operationId: 'claimServiceNeed',
    summary: { zh: '认领需求（启动认领提醒）', en: 'Claim a need (starts the claim’s reminders)' },
    description:
      '在职党员本人认领本人报到社区的需求（其他社区 400 memberId）；社区召集人可代为认领（memberId）。已满、已过认领截止日、已取消：409 item_state；本人已认领：409 duplicate（写明该认领）。 / A member claims needs of their home community (another: 400 memberId); the convener may claim for a member (memberId). Full, past claimBy or cancelled: 409 item_state; claimed by the member already: 409 duplicate naming the claim.',
    tags,
    roles: ['admin', 'convener', 'member'],
    params: idParam('The need’s'),
    idempotent: true,
    body: { schema: claimInput, example: {} },
    responses: { 201: needClaim },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/serving/claims/{id}/cancel',
    operationId: 'cancelNeedClaim',
    summary: { zh: '取消认领', en: 'Cancel a claim' },
    description:
      '党员本人或社区召集人；已完成或已取消：409 item_state。 / The member or the community’s convener; done or cancelled: 409 item_state.',
    tags,
    roles: ['admin', 'convener', 'member'],
    params: idParam('The claim’s'),
    responses: { 200: needClaim },
    errors: [400, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/serving/claims/{id}/done',
    operationId: 'confirmNeedClaimDone',
    summary: { zh: '确认认领服务完成（记入服务记录卡）', en: 'Confirm a claim done (a service record on the card)' },
    description:
      '社区召集人或管理员；servedOn 不得为未来日期；已完成或已取消：409 item_state。 / The community’s convener or an admin; servedOn not in the future; done or cancelled: 409 item_state.',
    tags,
    roles: ['admin', 'convener'],
    params: idParam('The claim’s'),
    idempotent: true,
    body: {
      schema: serviceDoneInput,
      example: { servedOn: '2026-12-20', minutes: 150, what: '为 3 户独居老人代购年货', confirmedBy: '李书记' },
    },
    responses: { 201: serviceRecord },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/serving/services',
    operationId: 'recordService',
    summary: { zh: '记录一次服务（可不经需求）', en: 'Record a service (with or without a need)' },
    description:
      '党员报到社区的召集人或管理员；claimId 须为该党员本人的认领（否则 400 claimId），已完成 409。 / The member’s community’s convener or an admin; claimId must be the member’s own claim (else 400 claimId), done already 409.',
    tags,
    roles: ['admin', 'convener'],
    idempotent: true,
    body: {
      schema: serviceRecordInput,
      example: {
        memberId: '00000000-0000-4000-8000-000000000000',
        servedOn: '2026-12-01',
        minutes: 120,
        what: '社区法律咨询',
        confirmedBy: '李书记',
      },
    },
    responses: { 201: serviceRecord },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/serving/members/{id}/card',
    operationId: 'getServiceCard',
    summary: { zh: '在职党员服务记录卡', en: 'A member’s service card' },
    description:
      '党员本人、报到社区（及上级）的召集人、督导与管理员。 / The member themselves, the community’s (or an upper unit’s) convener, supervisors and admins.',
    tags,
    params: idParam('The member’s'),
    responses: { 200: serviceCard },
    errors: [400, 404],
  },
];
