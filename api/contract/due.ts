/**
 * Before the deadline, not only after it (issue 14): the units not yet met in the current period
 * (JSON and XLSX), what falls due this week, the unit directory and a unit's units below with
 * their status. Request and response schemas, and the operations api/openapi.ts adds to the
 * document (routes in api/routes/due.ts, queries in records/due.ts).
 */
import { z } from 'zod';
import type { OperationSpec } from './types';
import { component } from './types';
import { unit } from './units';
import { UNIT_LEVELS } from '../../domain/org';

const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const count = z.number().int().min(0);
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const dueQuery = z.object({
  period: z.enum(['current']).default('current').describe('The period in progress (of each level’s rule)'),
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).max(100).optional(),
  ...page,
});

export const dueThisWeekQuery = z.object({});

export const directoryQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of a name, code or convener’s name'),
  level: z.enum(UNIT_LEVELS).optional(),
  ...page,
});

export const digestRuleInput = z.object({
  enabled: z.boolean(),
  weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday … 7 = Sunday'),
  hour: z.number().int().min(0).max(23).describe('Hour, Asia/Shanghai'),
});

export const digestRule = component(
  'DigestRule',
  digestRuleInput,
  'The weekly digest: its weekday (a day off: the first working day after it that week) and hour, on or off',
);

const unitBrief = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS) });

export const unitDue = component(
  'UnitDue',
  z.object({
    unit: unitBrief.extend({ streetId: z.string().nullable(), parentId: z.string().nullable() }),
    streetName: z.string().nullable(),
    convenerName: z.string(),
    convenerEmail: z.string(),
    periodKey: z.string().describe('e.g. 2026-Q4 or 2026-12'),
    dueOn: localDate.describe('The period’s last working day'),
    minMeetings: count,
    meetingsHeld: count,
    met: z.boolean(),
    workingDaysLeft: z.number().int().describe('Working days from today to the due date (0 on it)'),
    daysLeft: z.number().int().describe('Calendar days from today to the due date'),
    lastReminder: z
      .object({ step: z.string(), sentAt: z.iso.datetime(), recipient: z.string() })
      .nullable()
      .describe('The last notice of this period sent to the convener (the ledger)'),
  }),
  'A unit’s meeting obligation in its current period',
);

export const duePage = component(
  'DuePage',
  z.object({ today: localDate, items: z.array(unitDue), total: count, limit: count, offset: count }),
  'Units not yet met in the current period, soonest due first',
);

export const dueThisWeek = component(
  'DueThisWeek',
  z.object({
    from: localDate,
    to: localDate.describe('Sunday of this week'),
    isoWeek: z.string().describe('e.g. 2026-W49'),
    items: z.array(
      z.object({
        kind: z.enum(['meeting', 'visit', 'escalation_schedule', 'escalation_answer', 'evaluation']),
        dueOn: localDate,
        workingDaysLeft: z.number().int(),
        daysLeft: z.number().int(),
        subject: z.string(),
        unit: unitBrief,
        progress: z.object({ done: count, required: count }).nullable(),
        refId: z.string().describe('The unit, leader, agenda item or evaluation campaign'),
      }),
    ),
  }),
  'Open obligations falling due from today to Sunday',
);

export const directoryPage = component(
  'DirectoryPage',
  z.object({ items: z.array(unit), total: count, limit: count, offset: count }),
  'Units matching the search',
);

export const childrenStatus = component(
  'ChildrenStatus',
  z.object({ today: localDate, unit: unitBrief, items: z.array(unitDue) }),
  'The units directly under a unit, each with its current period',
);

/** api/openapi.ts's XLSX_TYPE (not imported: that module imports this one). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const xlsxResponse = {
  description: 'XLSX workbook',
  headers: {
    'Content-Disposition': {
      description: 'attachment; filename="not-yet-met-<date>.xlsx"',
      schema: { type: 'string' },
    },
  },
  content: { [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE } },
};

export const dueOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/supervision/due',
    operationId: 'listNotYetMet',
    summary: { zh: '本期未达标单位（到期前）', en: 'Units not yet met this period (before the due date)' },
    description:
      '各单位按其层级规则的当前周期：尚未开够会议的单位，到期日（周期最后一个工作日）、剩余工作日与自然日、最近一次提醒。 / Per unit, the current period of its level’s rule: units short of meetings, with the due date (the period’s last working day), working and calendar days left, and the last reminder sent.',
    tags: ['due'],
    roles: ['admin', 'supervisor'],
    query: dueQuery,
    responses: { 200: duePage },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/api/supervision/due.xlsx',
    operationId: 'exportNotYetMet',
    summary: { zh: '导出本期未达标单位（Excel）', en: 'Export the units not yet met (Excel)' },
    tags: ['due'],
    roles: ['admin', 'supervisor'],
    query: dueQuery,
    responses: { 200: xlsxResponse },
    errors: [400, 403],
  },
  {
    method: 'get',
    path: '/api/supervision/due-this-week',
    operationId: 'listDueThisWeek',
    summary: { zh: '本周到期事项', en: 'Due this week' },
    description:
      '今天至本周日到期且未完成的：会议、领导走访、待上会或待答复的上移议题、未达法定人数的考评。 / Open and due from today to Sunday: meetings, leader visits, escalated items awaiting a meeting or an answer, evaluations below quorum.',
    tags: ['due'],
    roles: ['admin', 'supervisor'],
    responses: { 200: dueThisWeek },
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/units/directory',
    operationId: 'searchUnitDirectory',
    summary: { zh: '单位名录检索', en: 'Search the unit directory' },
    description:
      '按名称、代码或召集人姓名检索（在可见范围内）。 / By name, code or convener, within the caller’s scope.',
    tags: ['due'],
    query: directoryQuery,
    responses: { 200: directoryPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/children-status',
    operationId: 'getChildrenStatus',
    summary: { zh: '下级单位本期状态', en: 'The units below and their current period' },
    tags: ['due'],
    params: { unitRef: { schema: z.string(), description: '单位 ID 或代码 / Unit id or code', example: 'bihai' } },
    responses: { 200: childrenStatus },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/digest-rule',
    operationId: 'getDigestRule',
    summary: { zh: '每周督办摘要的规则', en: 'The weekly digest’s rule' },
    tags: ['due'],
    roles: ['admin', 'supervisor'],
    responses: { 200: digestRule },
    errors: [403],
  },
  {
    method: 'put',
    path: '/api/digest-rule',
    operationId: 'putDigestRule',
    summary: { zh: '修改每周督办摘要的规则', en: 'Change the weekly digest’s rule' },
    description:
      '周几、几点（上海时间）、开或关；工作流 weekly-digest 随即重新安排下一次。退订：POST /api/supervisors 带 digestOptOut。 / Weekday, hour (Shanghai), on or off; workflow weekly-digest plans its next digest again at once. Opt a member out with POST /api/supervisors and digestOptOut.',
    tags: ['due'],
    roles: ['admin', 'supervisor'],
    idempotent: true,
    body: { schema: digestRuleInput, example: { enabled: true, weekday: 1, hour: 9 } },
    responses: { 200: digestRule },
    errors: [400, 403],
  },
];

export const dueRequests: [z.ZodType, { id: string; description?: string }][] = [
  [digestRuleInput, { id: 'DigestRuleInput', description: 'The weekly digest’s rule' }],
];

export const dueTag = {
  name: 'due',
  description: '到期前督办 / Before the deadline: what is due',
};
