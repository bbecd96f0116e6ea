/** Cadence rules and escalation deadline rules: rules are data (api/routes/rules.ts, api/routes/figures.ts). */
import { z } from 'zod';
import { EVENT_NOTICE_TIMINGS } from '../../domain/cadence';
import { count, level } from './common';
import { component, type OperationSpec, type RequestComponent } from './types';
import { UNIT_LEVELS } from '../../domain/org';
export const ruleInput = z.object({
  period: z.enum(['month', 'quarter', 'year']),
  minMeetings: z.number().int().min(1).max(100),
  /** Working days before the due date, e.g. [10, 3, 1]. */
  reminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
  supervisorAfterDays: z.number().int().min(0).max(60),
  countAdhoc: z.boolean(),
});

export const escalationRuleInput = z
  .object({
    scheduleWithinDays: z.number().int().min(1).max(250),
    answerWithinDays: z.number().int().min(1).max(250),
    reminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
    supervisorAfterDays: z.number().int().min(0).max(60),
    autoEscalateAfterDays: z.number().int().min(1).max(250).nullable(),
    confirmWithinDays: z.number().int().min(1).max(250),
    /** Event notices arising on a day off: wait for the next working day's notice hour (default) or go at once. */
    eventNotices: z.enum(EVENT_NOTICE_TIMINGS).optional(),
  })
  .strict()
  .refine((r) => r.answerWithinDays >= r.scheduleWithinDays, {
    message: 'answerWithinDays must be at least scheduleWithinDays (the item is discussed before it is answered)',
    path: ['answerWithinDays'],
  });

// --- Cadence rules ---------------------------------------------------------------------------

export const cadenceRule = component('CadenceRule', ruleInput.extend({ level }));
export const cadenceRuleList = component('CadenceRuleList', z.object({ items: z.array(cadenceRule) }));
export const savedCadenceRule = component(
  'SavedCadenceRule',
  cadenceRule.extend({ appliesFrom: z.literal('next period') }),
);

const escalationRuleFields = {
  level: level.describe('The receiving (upper) level'),
  scheduleWithinDays: z.number().int().min(1).describe('Working days to put the item on a meeting'),
  answerWithinDays: z.number().int().min(1).describe('Working days to answer (from the escalation, or a dispute)'),
  reminderLadder: z.array(z.number().int().min(1)).describe('Working days before each deadline'),
  supervisorAfterDays: count.describe('Working days after the overdue notice at which the supervisors are told'),
  autoEscalateAfterDays: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('When set: an unanswered item climbs a level this many working days after the overdue notice'),
  confirmWithinDays: z
    .number()
    .int()
    .min(1)
    .describe('Working days after an answer before the raising convener is reminded'),
  eventNotices: z
    .enum(EVENT_NOTICE_TIMINGS)
    .describe(
      'An event notice (received, disputed, extended, answered) arising on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once',
    ),
};

export const escalationRule = component('EscalationRule', z.object(escalationRuleFields));
export const escalationRuleList = component('EscalationRuleList', z.object({ items: z.array(escalationRule) }));
export const savedEscalationRule = component(
  'SavedEscalationRule',
  z.object({ ...escalationRuleFields, appliesFrom: z.literal('escalations made from now on') }),
);

export const rulesOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/cadence-rules',
    operationId: 'listCadenceRules',
    summary: { zh: '各层级会议频次规则', en: 'Cadence rules per level' },
    tags: ['rules'],
    responses: { 200: cadenceRuleList },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/cadence-rules/{level}',
    operationId: 'setCadenceRule',
    summary: { zh: '设置某层级的规则（下一周期起生效）', en: 'Set a level’s rule (applies from the next period)' },
    tags: ['rules'],
    roles: ['admin', 'supervisor'],
    params: { level: { schema: z.enum(UNIT_LEVELS), description: '层级 / The level', example: 'community' } },
    body: {
      schema: ruleInput,
      example: {
        period: 'quarter',
        minMeetings: 1,
        reminderLadder: [10, 3, 1],
        supervisorAfterDays: 3,
        countAdhoc: true,
      },
    },
    responses: { 200: savedCadenceRule },
    errors: [400, 413, 415],
  },
  {
    method: 'get',
    path: '/api/escalation-rules',
    operationId: 'listEscalationRules',
    summary: { zh: '各层级议题上移的办理期限规则', en: 'Escalation deadline rules per receiving level' },
    tags: ['rules'],
    responses: { 200: escalationRuleList },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/escalation-rules/{level}',
    operationId: 'setEscalationRule',
    summary: {
      zh: '设置接收上移议题的层级的期限（此后的上移适用）',
      en: 'Set the deadlines of a receiving level (applies to escalations from now on)',
    },
    tags: ['rules'],
    roles: ['admin', 'supervisor'],
    params: {
      level: { schema: z.enum(UNIT_LEVELS), description: '接收层级 / The receiving level', example: 'street' },
    },
    body: {
      schema: escalationRuleInput,
      example: {
        scheduleWithinDays: 15,
        answerWithinDays: 20,
        reminderLadder: [3, 1],
        supervisorAfterDays: 2,
        autoEscalateAfterDays: 5,
        confirmWithinDays: 5,
      },
    },
    responses: { 200: savedEscalationRule },
    errors: [400, 413, 415],
  },
];

/** The request bodies of this area that become components. */
export const rulesRequests: RequestComponent[] = [
  [ruleInput, { id: 'CadenceRuleInput' }],
  [
    escalationRuleInput,
    {
      id: 'EscalationRuleInput',
      description: 'Working days; answerWithinDays at least scheduleWithinDays',
    },
  ],
];

/** The tag of these operations. */
export const rulesTag = {
  name: 'rules',
  description: '会议频次与议题上移期限规则（规则即数据） / Cadence and escalation deadline rules (rules are data)',
};
