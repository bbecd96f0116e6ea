/** The liaison office: its members, overdue units, compliance and escalations awaiting an answer (api/routes/supervision.ts, api/routes/figures.ts). */
import { z } from 'zod';
import { periodFromKey } from '../../domain/period';
import { count, id, instant, level, locale, localDate, page, pageFields } from './common';
import { component, type OperationSpec, type RequestComponent } from './types';
import { UNIT_LEVELS } from '../../domain/org';

export const supervisorInput = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  digestOptOut: z.boolean().optional().describe('true: no weekly digest mail for this member'),
});

export const overdueQuery = z.object({
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

export const complianceQuery = z.object({
  period: z
    .string()
    .refine((k) => {
      try {
        periodFromKey(k);
        const year = Number(k.slice(0, 4));
        return year >= 2000 && year <= 2100;
      } catch {
        return false;
      }
    }, 'A period key between 2000 and 2100: 2026, 2026-Q4 or 2026-11')
    .meta({ pattern: '^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$', examples: ['2026-Q4', '2026-11', '2026'] })
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  ...page,
});

export const escalationsQuery = z.object({
  /** Only those past their answer deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

// --- Liaison office --------------------------------------------------------------------------

export const supervisor = component(
  'Supervisor',
  z.object({
    id,
    name: z.string(),
    email: z.string(),
    locale,
    webhookUrl: z.string().nullable(),
    active: z.boolean(),
    digestOptOut: z.boolean().describe('No weekly digest mail for this member'),
    createdAt: instant,
  }),
);

export const supervisorList = component('SupervisorList', z.object({ items: z.array(supervisor) }));

export const overduePage = component(
  'OverduePage',
  z.object({
    items: z.array(
      z.object({
        id,
        code: z.string(),
        name: z.string(),
        level,
        streetId: id.nullable(),
        convenerName: z.string(),
        convenerEmail: z.string(),
        periodKey: z.string(),
        dueAt: instant,
        meetingsHeld: count,
      }),
    ),
    ...pageFields,
  }),
);

export const compliancePage = component(
  'CompliancePage',
  z.object({
    items: z.array(
      z.object({
        level,
        periodKey: z.string(),
        total: count,
        met: count,
        overdue: count,
        rate: z.number().min(0).max(1).nullable().describe('met / total, 3 decimals'),
      }),
    ),
    limit: z.number().int().min(1),
    offset: count,
  }),
);

export const escalationPage = component(
  'EscalationPage',
  z.object({
    items: z.array(
      z.object({
        agendaItemId: id,
        title: z.string(),
        raisedByUnit: z.object({ id, name: z.string() }),
        hop: z.number().int().min(1),
        toUnit: z.object({ id, name: z.string(), level: level.nullable() }),
        state: z.enum(['pending', 'taken_up']),
        escalatedAt: instant,
        scheduleBy: localDate,
        answerBy: localDate,
        overdue: z.boolean(),
      }),
    ),
    ...pageFields,
  }),
  'Escalated items awaiting an answer from the level above, earliest answer deadline first',
);

export const supervisionOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/supervisors',
    operationId: 'listSupervisors',
    summary: { zh: '联络办公室成员', en: 'Members of the liaison office' },
    tags: ['supervision'],
    roles: ['admin', 'supervisor'],
    responses: { 200: supervisorList },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/supervisors',
    operationId: 'addSupervisor',
    summary: { zh: '添加（或更新）成员', en: 'Add (or update) a member' },
    description: '同一邮箱再次提交即更新（200）。 / The same email again updates the member (200).',
    tags: ['supervision'],
    roles: ['admin'],
    idempotent: true,
    body: { schema: supervisorInput, example: { name: '刘主任', email: 'liu@example.org' } },
    responses: {
      201: {
        description: 'Added',
        schema: supervisor,
        links: { RemoveSupervisor: { operationId: 'removeSupervisor', parameters: { id: '$response.body#/id' } } },
      },
      200: { description: 'Updated', schema: supervisor },
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'delete',
    path: '/api/supervisors/{id}',
    operationId: 'removeSupervisor',
    summary: { zh: '移除成员', en: 'Remove a member' },
    tags: ['supervision'],
    roles: ['admin'],
    params: { id: { schema: z.string().min(1), description: '成员 id / The member’s id' } },
    responses: { 204: { description: 'Removed' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/supervision/overdue',
    operationId: 'listOverdueUnits',
    summary: { zh: '最近一期逾期的单位', en: 'Units whose last closed period is overdue' },
    tags: ['supervision'],
    roles: ['admin', 'supervisor'],
    query: overdueQuery,
    responses: { 200: overduePage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/compliance',
    operationId: 'getCompliance',
    summary: { zh: '各层级各周期的达标率', en: 'Compliance per level per period' },
    tags: ['supervision'],
    roles: ['admin', 'supervisor'],
    query: complianceQuery,
    responses: { 200: compliancePage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/escalations',
    operationId: 'listEscalations',
    summary: { zh: '待上级答复的上移议题（督办）', en: 'Escalated items awaiting an answer (supervision)' },
    description:
      '按答复期限排序，最早的在前；overdue=true 只列逾期的；level、streetId 按接收单位筛选。 / Earliest answer deadline first; overdue=true lists only those past it; level and streetId filter by the receiving unit.',
    tags: ['supervision'],
    roles: ['admin', 'supervisor'],
    query: escalationsQuery,
    responses: { 200: escalationPage },
    errors: [400],
  },
];

/** The request bodies of this area that become components. */
export const supervisionRequests: RequestComponent[] = [[supervisorInput, { id: 'SupervisorInput' }]];

/** The tag of these operations. */
export const supervisionTag = {
  name: 'supervision',
  description:
    '联络办公室：成员、逾期、达标率、上移督办与统计 / Liaison office: members, overdue, compliance, escalations and figures',
};
