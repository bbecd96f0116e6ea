/** Agenda items (议题) and their escalation (议题上移) (api/routes/agenda.ts). */
import { z } from 'zod';
import { isLocalDate } from '../../domain/period';
import { count, id, instant, localDate, page, pageFields } from './common';
import { component, type Link, type OperationSpec, type RequestComponent } from './types';

// --- Agenda items and escalation (议题上移) ---------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);
const localDateField = z
  .string()
  .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31')
  .meta({ format: 'date' });

export const agendaItemInput = z
  .object({
    title: text(200),
    description: z.string().trim().max(10_000).optional(),
    raisedBy: text(200),
    category: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const resolutionInput = z.object({ resolution: text(10_000) }).strict();

export const escalationInput = z
  .object({
    what: text(10_000),
    whyNotSolvable: text(10_000),
    ask: text(10_000),
    /** For a further escalation: the meeting (of the unit holding the item) whose minutes go up with it. */
    meetingId: z.uuid().optional(),
  })
  .strict();

export const takeUpInput = z.object({ meetingId: z.uuid() }).strict();

export const ANSWER_OUTCOMES = ['resolved', 'scheduled', 'declined'] as const;

export const feedbackInput = z
  .object({
    outcome: z.enum(ANSWER_OUTCOMES),
    text: text(10_000),
    /** scheduled: the date by which it will be handled. */
    handleBy: localDateField.optional(),
    /** declined: why. */
    reason: z.string().trim().min(1).max(10_000).optional(),
  })
  .strict();

export const responseInput = z
  .object({
    response: z.enum(['confirmed', 'disputed']),
    /** disputed: why the answer is not accepted. */
    reason: z.string().trim().min(1).max(10_000).optional(),
    /** disputed: ask for the item to go further up instead of back to the same level. */
    escalateFurther: z.boolean().default(false),
  })
  .strict();

export const extensionInput = z.object({ answerBy: localDateField, reason: text(2_000) }).strict();

export const AGENDA_STATES = [
  'open',
  'resolved',
  'escalated',
  'taken_up',
  'answered',
  'disputed',
  'confirmed',
] as const;

export const agendaListQuery = z.object({
  /** The register of a unit: items it raised… */
  unitId: z.string().min(1).max(100).optional(),
  /** …or its queue: items it must act on now. */
  currentUnitId: z.string().min(1).max(100).optional(),
  state: z.enum(AGENDA_STATES).optional(),
  ...page,
});

// --- Agenda items and escalation (议题上移) ---------------------------------------------------

const agendaState = z
  .enum(AGENDA_STATES)
  .describe(
    'open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)',
  );
const actor = z.string().describe('<role>:<username>, or `rule` when the deadline rules sent it up');

export const escalationHop = component(
  'EscalationHop',
  z.object({
    id,
    hop: z.number().int().min(1).describe('1 for the first hop, 2 when the upper level sent it further up, …'),
    fromUnitId: id,
    toUnitId: id,
    what: z.string().describe('What the matter is'),
    whyNotSolvable: z.string().describe('Why it cannot be solved at the lower level'),
    ask: z.string().describe('What is asked of the upper level'),
    minutes: z.string().describe('The minutes of the meeting that sent it up (they travel with the ledger entry)'),
    sourceMeetingId: id.nullable(),
    escalatedAt: instant,
    escalatedBy: actor,
    escalatedByRule: z.boolean().describe('true: the deadline rules sent it up after a missed answer deadline'),
    scheduleBy: localDate.describe('The upper level puts it on a meeting by this working day'),
    answerBy: localDate.describe('…and answers by this one (moved by an extension, reset by a dispute)'),
    takenUpMeetingId: id.nullable(),
    takenUpAt: instant.nullable(),
    round: count.describe('0, then 1, 2, … after each dispute sends it back for a new answer'),
    state: z.enum(['pending', 'taken_up', 'answered', 'escalated_further']),
    extensions: z.array(
      z.object({
        round: count,
        fromDate: localDate,
        toDate: localDate,
        reason: z.string(),
        approvedBy: z.string().describe('<role>:<username> of the liaison office'),
        at: instant,
      }),
    ),
  }),
  'One hop of the escalation: the written ledger entry (台账) from a unit to the unit above',
);

export const agendaAnswer = component(
  'AgendaAnswer',
  z.object({
    id,
    escalationId: id,
    round: count,
    outcome: z.enum(ANSWER_OUTCOMES).describe('resolved | scheduled (handled by handleBy) | declined (with a reason)'),
    text: z.string(),
    handleBy: localDate.nullable(),
    reason: z.string().nullable(),
    answeredBy: z.string(),
    answeredAt: instant,
    response: z.enum(['confirmed', 'disputed']).nullable().describe('The raising unit’s response, once given'),
    responseReason: z.string().nullable(),
    respondedBy: z.string().nullable(),
    respondedAt: instant.nullable(),
  }),
  'The upper level’s answer (反馈) and the raising level’s response to it',
);

export const agendaItem = component(
  'AgendaItem',
  z.object({
    id,
    meetingId: id.describe('The meeting that raised it'),
    unitId: id.describe('The unit whose meeting raised it'),
    unitName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    raisedBy: z.string(),
    category: z.string().nullable(),
    state: agendaState,
    currentUnitId: id.describe('The unit that must act now: the raising unit, or the upper unit while escalated'),
    resolution: z.string().nullable().describe('How it was resolved at its own level'),
    resolvedAt: instant.nullable(),
    closedAt: instant.nullable(),
    createdAt: instant,
    overdue: z.boolean().describe('The upper level’s answer deadline has passed unanswered'),
    workflowId: z.string().nullable().describe('Temporal workflow id escalation:<item id>, once escalated'),
    escalations: z.array(escalationHop),
    feedback: z.array(agendaAnswer),
  }),
  'An agenda item (议题) of a meeting, with its escalation hops and answers',
);

const workflowNotified = z
  .boolean()
  .describe('false: recorded, but Temporal was unreachable; the workflow re-reads the record before any notice');

export const changedAgendaItem = component(
  'ChangedAgendaItem',
  agendaItem.extend({ workflowNotified }),
  'The item after the change, and whether its escalation workflow was told',
);

export const respondedAgendaItem = component(
  'RespondedAgendaItem',
  agendaItem.extend({
    workflowNotified: workflowNotified
      .optional()
      .describe('Absent when the request repeated a response already recorded'),
  }),
  'The item after the response, and whether its escalation workflow was told',
);

export const agendaItemPage = component('AgendaItemPage', z.object({ items: z.array(agendaItem), ...pageFields }));

const escalationState = {
  agendaItemId: id,
  state: z
    .enum(['starting', 'missing', ...AGENDA_STATES])
    .describe('starting: not planned yet; missing: the item is gone; otherwise the item’s state'),
  hop: count.describe('The hop in force (0: not escalated)'),
  currentUnitId: id.nullable().describe('The unit that must act now'),
  scheduleBy: localDate.nullable(),
  answerBy: localDate.nullable(),
  nextStep: z
    .object({
      step: z
        .string()
        .describe(
          'received, schedule-reminder-<n>, call-meeting, answer-reminder-<n>, overdue, overdue-supervisors, auto-escalate, confirm-reminder, …',
        ),
      at: instant,
    })
    .nullable()
    .describe('The next notice (or the rules’ climb) the item is owed; null: none until the record changes'),
};

export const escalationStatus = component(
  'EscalationStatus',
  z.object({ workflowId: z.string().describe('escalation:<item id>'), ...escalationState }),
  'Where the item’s escalation workflow stands: the deadlines in force and the next notice',
);

export const extendedAgendaItem = component(
  'ExtendedAgendaItem',
  agendaItem.extend({
    workflow: z
      .object(escalationState)
      .nullable()
      .describe(
        'The workflow’s status with the new deadline; null when it could not be updated (it was signalled instead)',
      ),
  }),
  'The item with the new answer deadline',
);

const itemId = {
  id: { schema: z.string().min(1).max(200), description: '议题 id（UUID） / The agenda item’s id (UUID)' },
};
const meetingId = {
  meetingId: { schema: z.string().min(1).max(200), description: '会议 id（UUID） / The meeting’s id (UUID)' },
};

export const agendaOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/agenda-items',
    operationId: 'listAgendaItems',
    summary: { zh: '议题台账（或某单位的待办清单）', en: 'The agenda register (or a unit’s queue)' },
    description:
      'unitId：该单位提出的议题；currentUnitId：该单位当前须办理的议题（下级上移来的）。只列出调用者可见的议题，新提出的在前。 / unitId: the items a unit raised; currentUnitId: the items a unit must act on now (those escalated to it). Only items the caller may see, newest first.',
    tags: ['agenda'],
    query: agendaListQuery,
    responses: { 200: agendaItemPage },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/meetings/{meetingId}/agenda-items',
    operationId: 'createAgendaItem',
    summary: { zh: '向会议增列议题', en: 'Add an item to a meeting’s agenda' },
    description: '由会议所属单位的召集人（或管理员）提出。 / By the convener of the meeting’s unit (or an admin).',
    tags: ['agenda'],
    params: meetingId,
    idempotent: true,
    body: {
      schema: agendaItemInput,
      example: {
        title: '老旧楼加装电梯资金缺口',
        description: '3号楼居民同意加装电梯，但自筹资金不足，需申请专项补贴',
        raisedBy: '王居民',
        category: '老旧小区改造',
      },
    },
    responses: { 201: { description: 'Raised', schema: agendaItem, links: itemLinks() } },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/agenda-items/{id}',
    operationId: 'getAgendaItem',
    summary: { zh: '单个议题及其上移经过', en: 'One agenda item with its escalation' },
    tags: ['agenda'],
    params: itemId,
    responses: {
      200: { description: 'The item', schema: agendaItem, links: itemLinks('getAgendaItem') },
    },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/agenda-items/{id}/escalation-status',
    operationId: 'getEscalationStatus',
    summary: {
      zh: '议题上移流程状态（期限与下一次提醒）',
      en: 'The escalation workflow: deadlines and the next notice',
    },
    description: '未上移的议题为 404。 / 404 for an item that was never escalated.',
    tags: ['agenda'],
    params: itemId,
    responses: { 200: escalationStatus },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/resolution',
    operationId: 'resolveAgendaItem',
    summary: { zh: '本级解决议题', en: 'Resolve an item at its own level' },
    description:
      '仅限未上移的议题（open），由提出单位的召集人（或管理员）办理；相同内容重复提交返回当前议题。已上移的议题须经答复确认才办结（409 item_state）。 / An open item only, by the raising unit’s convener (or an admin); the same resolution again answers with the item. An escalated item closes when its answer is confirmed (409 item_state).',
    tags: ['agenda'],
    params: itemId,
    idempotent: true,
    body: { schema: resolutionInput, example: { resolution: '经协调，物业同意夜间开放地面车位 40 个' } },
    responses: { 200: { description: 'Resolved', schema: agendaItem, links: itemLinks() } },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/escalations',
    operationId: 'escalateAgendaItem',
    summary: {
      zh: '议题上移（书面台账随会议纪要上报）',
      en: 'Escalate an item (the ledger entry goes up with the minutes)',
    },
    description:
      '首次上移由提出单位的召集人办理，须已录入会议纪要（否则 400 minutes）；继续上移由当前承办单位的召集人（附其会议纪要）或联络办公室办理。已在最高层级为 409 no_upper_level；议题状态不允许为 409 item_state。同一台账重复提交为 200。 / The first hop by the raising unit’s convener, once the meeting’s minutes are recorded (else 400 minutes); a further hop by the convener of the unit holding the item (with its meeting’s minutes) or by the liaison office. 409 no_upper_level at the top of the tree, 409 item_state when the item’s state does not allow it. The same entry again answers 200.',
    tags: ['agenda'],
    params: itemId,
    idempotent: true,
    body: {
      schema: escalationInput,
      example: {
        what: '3号楼加装电梯自筹资金缺口约 20 万元',
        whyNotSolvable: '社区无专项资金，补贴政策由街道统筹',
        ask: '请街道协调老旧小区改造专项补贴',
      },
    },
    responses: {
      201: { description: 'Escalated', schema: changedAgendaItem, links: itemLinks() },
      200: { description: 'Already escalated with the same entry', schema: agendaItem, links: itemLinks() },
    },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/take-up',
    operationId: 'takeUpAgendaItem',
    summary: { zh: '上级将议题列入会议研究', en: 'The upper level puts the item on a meeting' },
    description:
      '会议须属于议题当前所在的单位（否则 409 not_in_queue），由该单位召集人（或管理员）办理；同一会议重复提交不再变更。也可在记录会议时以 takesUp 列入。 / The meeting must be of the unit the item waits with (else 409 not_in_queue), by that unit’s convener (or an admin); the same meeting again changes nothing. Recording a meeting with takesUp does the same.',
    tags: ['agenda'],
    params: itemId,
    idempotent: true,
    body: { schema: takeUpInput, example: { meetingId: '5c0e6d1a-3f2b-4e8a-9c47-2b1d8e6f4a90' } },
    responses: { 200: { description: 'Taken up', schema: changedAgendaItem, links: itemLinks() } },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/feedback',
    operationId: 'answerAgendaItem',
    summary: { zh: '上级答复（反馈逐级下达）', en: 'The upper level’s answer (goes back down every level)' },
    description:
      '由议题当前所在单位的召集人（或管理员）在列入会议后答复（否则 409 item_state）；scheduled 须给出 handleBy，declined 须说明理由。同一轮相同答复重复提交为 200。 / By the convener of the unit holding the item (or an admin), once it is on a meeting (else 409 item_state); scheduled needs handleBy, declined a reason. The same answer again in the round answers 200.',
    tags: ['agenda'],
    params: itemId,
    idempotent: true,
    body: {
      schema: feedbackInput,
      example: { outcome: 'scheduled', text: '已纳入街道老旧小区改造补贴计划', handleBy: '2027-06-30' },
    },
    responses: {
      201: { description: 'Answered', schema: changedAgendaItem, links: itemLinks() },
      200: { description: 'Already answered the same in this round', schema: agendaItem, links: itemLinks() },
    },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/response',
    operationId: 'respondToAgendaItem',
    summary: { zh: '提出单位确认或对答复提出异议', en: 'The raising unit confirms or disputes the answer' },
    description:
      '仅限已答复的议题（否则 409 item_state），由提出单位的召集人（或管理员）办理。confirmed：办结；disputed（须说明理由）：退回同级重新答复，或 escalateFurther 继续上移（已在最高层级为 409 no_upper_level）。 / An answered item only (else 409 item_state), by the raising unit’s convener (or an admin). confirmed closes it; disputed (with a reason) sends it back for a new answer, or with escalateFurther to the level above (409 no_upper_level at the top).',
    tags: ['agenda'],
    params: itemId,
    idempotent: true,
    body: {
      schema: responseInput,
      example: { response: 'disputed', reason: '补贴到位时间过晚，居民无法接受', escalateFurther: true },
    },
    responses: { 200: { description: 'Recorded', schema: respondedAgendaItem, links: itemLinks() } },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/agenda-items/{id}/extensions',
    operationId: 'extendAnswerDeadline',
    summary: { zh: '联络办公室批准延期答复', en: 'The liaison office extends the answer deadline' },
    description:
      '仅限待答复的议题（否则 409 item_state）；新期限须晚于现期限且不早于今天。相同期限重复提交为 200。 / Only while an answer is awaited (else 409 item_state); the new deadline lies after the one in force and not in the past. The same deadline again answers 200.',
    tags: ['agenda'],
    roles: ['admin', 'supervisor'],
    params: itemId,
    idempotent: true,
    body: { schema: extensionInput, example: { answerBy: '2027-03-31', reason: '需待区财政专项资金批复' } },
    responses: {
      201: { description: 'Extended', schema: extendedAgendaItem, links: itemLinks() },
      200: { description: 'Already extended to that date', schema: extendedAgendaItem, links: itemLinks() },
    },
    errors: [400, 404, 409, 413, 415, 422],
  },
];

/** After an item is raised or changed: what can be done with it next (stateful fuzzing follows these). */
function itemLinks(except?: string): Record<string, Link> {
  const ops = [
    'getAgendaItem',
    'getEscalationStatus',
    'resolveAgendaItem',
    'escalateAgendaItem',
    'takeUpAgendaItem',
    'answerAgendaItem',
    'respondToAgendaItem',
    'extendAnswerDeadline',
  ].filter((op) => op !== except);
  return {
    ...Object.fromEntries(
      ops.map((operationId) => [
        operationId[0]!.toUpperCase() + operationId.slice(1),
        { operationId, parameters: { id: '$response.body#/id' } },
      ]),
    ),
    ListUnitAgendaItems: { operationId: 'listAgendaItems', parameters: { unitId: '$response.body#/unitId' } },
    ListQueue: { operationId: 'listAgendaItems', parameters: { currentUnitId: '$response.body#/currentUnitId' } },
  };
}

/** The request bodies of this area that become components. */
export const agendaRequests: RequestComponent[] = [
  [agendaItemInput, { id: 'AgendaItemInput' }],
  [
    resolutionInput,
    {
      id: 'ResolutionInput',
      description: 'How the item was resolved at its own level',
    },
  ],
  [
    escalationInput,
    {
      id: 'EscalationInput',
      description:
        'The written ledger entry (台账): what the matter is, why it cannot be solved at this level and what is asked of the level above. The first hop carries the raising meeting’s minutes; a further hop names the meeting of the unit holding the item (meetingId, else the one that took it up)',
    },
  ],
  [
    takeUpInput,
    {
      id: 'TakeUpInput',
      description: 'A meeting of the unit the item was escalated to',
    },
  ],
  [
    feedbackInput,
    {
      id: 'FeedbackInput',
      description: 'scheduled needs handleBy (today or later); declined needs a reason',
    },
  ],
  [
    responseInput,
    {
      id: 'ResponseInput',
      description:
        'disputed needs a reason; escalateFurther sends the disputed item to the level above the one that answered',
    },
  ],
  [
    extensionInput,
    {
      id: 'ExtensionInput',
      description: 'answerBy: later than the deadline in force, and not in the past',
    },
  ],
];

/** The tag of these operations. */
export const agendaTag = { name: 'agenda', description: '议题与上移 / Agenda items and escalation' };
