/**
 * The OpenAPI description of the three entries (三进): city leaders paired with communities and
 * their visits, city departments paired with communities (3 to 5 each) and their attendance at
 * the community joint meetings, and the rule that governs them. The operations, the request
 * schemas that become components, and the response schemas (registered in the response registry
 * as they are created). api/contract/index.ts spreads these into the document's lists.
 */
import { z } from 'zod';
import { EVENT_NOTICE_TIMINGS } from '../../domain/cadence';
import { isLocalDate } from '../../domain/period';
import { complianceQuery } from './supervision';
import { page } from './common';
import { unitFields } from './units';
import type { Link, OperationSpec } from './types';
import { component } from './types';

// --- Requests --------------------------------------------------------------------------------

const code = unitFields.code;
const email = z.email();
const localDateInput = z
  .string()
  .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31')
  .meta({ format: 'date' });

/** A day of every year, MM-DD: 02-30 or 04-31 never come, 02-29 not every year. */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'MM-DD')
  .refine(
    (d) => isLocalDate(`2001-${d}`),
    '每年都有的日期（MM-DD，不含 02-29） / A day every year has (MM-DD, not 02-29)',
  );

export const leaderInput = z
  .object({
    code,
    name: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(100).optional(),
    email,
    phone: unitFields.convenerPhone,
    locale: z.enum(['zh-CN', 'en']).optional(),
    secretaryName: z.string().trim().min(1).max(100).optional(),
    secretaryEmail: email.optional(),
    /** The paired community's code (or send communityId). */
    communityCode: code.optional(),
    communityId: z.uuid().optional(),
  })
  .strict();

export const leaderUpdate = z
  .object({
    name: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(100).nullable(),
    email,
    phone: unitFields.convenerPhone.unwrap().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    secretaryName: z.string().trim().min(1).max(100).nullable(),
    secretaryEmail: email.nullable(),
    /** Pair the leader with another community (from its next period). */
    communityCode: code,
  })
  .partial()
  .strict();

export const departmentInput = z
  .object({
    code,
    name: z.string().trim().min(1).max(100),
    contactName: z.string().trim().min(1).max(100),
    contactEmail: email,
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

export const departmentPairingsInput = z.object({ departmentCodes: z.array(code).min(1).max(50) }).strict();

export const visitInput = z
  .object({
    visitedOn: localDateInput,
    purposes: z
      .array(z.enum(VISIT_PURPOSES))
      .min(1)
      .max(4)
      .refine((p) => new Set(p).size === p.length, '每项目的只列一次 / Each purpose is listed once'),
    notes: z.string().trim().max(10_000).optional(),
  })
  .strict();

export const entriesRuleInput = z
  .object({
    minDepartmentsPerCommunity: z.number().int().min(1).max(50),
    maxDepartmentsPerCommunity: z.number().int().min(1).max(50),
    visitPeriod: z.enum(['month', 'quarter', 'year']),
    minVisits: z.number().int().min(1).max(100),
    visitReminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
    visitSupervisorAfterDays: z.number().int().min(0).max(60),
    absenceThreshold: z.number().int().min(1).max(50),
    evaluationQuorum: z.number().int().min(1).max(100_000),
    evaluationOpensOn: monthDay,
    evaluationClosesOn: monthDay,
    evaluationReminderEveryDays: z.number().int().min(1).max(60),
    /** Absence notices found on a day off: wait for the next working day's notice hour (default) or go at once. */
    attendanceNotices: z.enum(EVENT_NOTICE_TIMINGS).optional(),
  })
  .strict()
  .refine((r) => r.maxDepartmentsPerCommunity >= r.minDepartmentsPerCommunity, {
    message: 'maxDepartmentsPerCommunity must be at least minDepartmentsPerCommunity',
    path: ['maxDepartmentsPerCommunity'],
  })
  .refine((r) => r.evaluationClosesOn > r.evaluationOpensOn, {
    message: 'The evaluation closes after it opens (same year)',
    path: ['evaluationClosesOn'],
  });

export const leaderListQuery = z.object({ communityId: z.string().min(1).max(100).optional(), ...page });

export const visitsQuery = z.object({
  period: complianceQuery.shape.period,
  /** overdue: the period's due date has passed without enough visits; pending: not yet visited, not yet due. */
  status: z.enum(['visited', 'pending', 'overdue']).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const attendanceQuery = z.object({
  period: complianceQuery.shape.period,
  communityId: z.string().min(1).max(100).optional(),
  departmentId: z.string().min(1).max(100).optional(),
});

// --- Responses and operations ------------------------------------------------------------
import { VISIT_PURPOSES } from '../../domain/visits';

const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const id = z.uuid();
const count = z.number().int().min(0);
const locale = z.enum(['zh-CN', 'en']);
const periodUnit = z.enum(['month', 'quarter', 'year']);
const purpose = z
  .enum(VISIT_PURPOSES)
  .describe(
    'research_guidance（调研指导）, joint_meeting（参加联席会议）, pressed_departments（督促结对部门）, coordinated_problem（协调解决难题）',
  );

// --- Requests --------------------------------------------------------------------------------

export const entriesRequests: [z.ZodType, { id: string; description?: string }][] = [
  [
    entriesRuleInput,
    {
      id: 'EntriesRuleInput',
      description:
        '三进规则（规则即数据）：每社区结对部门数 min–max（默认 3–5），领导走访周期与次数，提醒阶梯（截止日前的工作日数），连续缺席几次提醒，年终评分人数与起止日（MM-DD，每年都有的日期）。maxDepartmentsPerCommunity 不小于 min，evaluationClosesOn 晚于 evaluationOpensOn。 / The rule of the three entries (rules are data): departments per community (default 3 to 5), the leaders’ visit period and minimum, the reminder ladder (working days before the due date), absences in a row before a notice, the evaluation’s quorum and days (MM-DD, a day every year has), and attendanceNotices: wait (default: an absence found on a day off is told at the next working day’s notice hour) or at-once. max at least min; the evaluation closes after it opens.',
    },
  ],
  [
    leaderInput,
    {
      id: 'LeaderInput',
      description:
        '结对社区以 communityCode 或 communityId 指定（须为社区）。相同编码相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / Name the paired community by communityCode or communityId (a community). The same code and details again answer 200; the code with other details is 409 code_taken.',
    },
  ],
  [
    leaderUpdate,
    {
      id: 'LeaderUpdate',
      description:
        '只改所给字段；communityCode 改为结对另一社区（自下一周期起）。 / Only the fields given change; communityCode pairs the leader with another community (from the next period).',
    },
  ],
  [
    departmentInput,
    {
      id: 'DepartmentInput',
      description:
        'contactEmail 收取缺席提醒。相同编码相同内容重复提交为 200；不同内容为 409 code_taken。 / contactEmail receives the absence notices. The same code and details again answer 200; other details are 409 code_taken.',
    },
  ],
  [
    departmentPairingsInput,
    {
      id: 'DepartmentPairingsInput',
      description:
        '该社区结对部门的完整名单（替换现有名单），数量须在规则范围内（默认 3–5）。 / The community’s whole list of paired departments (it replaces the current one), within the rule’s range (3 to 5 by default).',
    },
  ],
  [
    visitInput,
    {
      id: 'VisitInput',
      description:
        'visitedOn：不得为未来日期；purposes：一至四项，不得重复。 / visitedOn: not in the future; purposes: one to four, each once.',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const ruleFields = {
  minDepartmentsPerCommunity: z.number().int().min(1).describe('Paired departments per community: at least'),
  maxDepartmentsPerCommunity: z.number().int().min(1).describe('…and at most'),
  visitPeriod: periodUnit.describe('Each leader visits at least minVisits times per period'),
  minVisits: z.number().int().min(1),
  visitReminderLadder: z.array(z.number().int().min(1)).describe('Working days before the period’s due date'),
  visitSupervisorAfterDays: count.describe('Working days after the overdue notice at which the supervisors are told'),
  absenceThreshold: z
    .number()
    .int()
    .min(1)
    .describe('A paired department absent from this many community meetings in a row is noticed'),
  evaluationQuorum: z.number().int().min(1).describe('Raters per community at the year-end evaluation'),
  evaluationOpensOn: z.string().describe('MM-DD'),
  evaluationClosesOn: z.string().describe('MM-DD'),
  evaluationReminderEveryDays: z.number().int().min(1),
  attendanceNotices: z
    .enum(EVENT_NOTICE_TIMINGS)
    .describe(
      'An absence notice found on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once',
    ),
};

export const entriesRule = component(
  'EntriesRule',
  z.object(ruleFields),
  'The rule of the three entries in force (the defaults until one is saved)',
);

export const savedEntriesRule = component(
  'SavedEntriesRule',
  z.object({
    ...ruleFields,
    appliesFrom: z.literal('next period (visits); next check (attendance); campaigns not yet open'),
  }),
  'The rule as saved, and from when it applies',
);

export const leader = component(
  'Leader',
  z.object({
    id,
    code: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    locale,
    secretaryName: z.string().nullable(),
    secretaryEmail: z.string().nullable().describe('The secretary (联络员) copied on reminders'),
    communityId: id.describe('The paired community'),
    createdAt: instant,
    obligationWorkflowId: z.string().describe('Temporal workflow id: leader-visit:<leader id>'),
  }),
  'A city leader paired with one community (领导联系点)',
);

export const leaderPage = component(
  'LeaderPage',
  z.object({ items: z.array(leader), total: count, limit: z.number().int().min(1), offset: count }),
  'The leaders the caller may see (a leader: themselves), by code',
);

export const leaderObligation = component(
  'LeaderObligation',
  z.object({
    workflowId: z.string().describe('leader-visit:<leader id>'),
    leaderId: id,
    communityId: id,
    state: z
      .enum(['starting', 'watching', 'ended'])
      .describe('starting: the period is not planned yet; ended: the leader was removed'),
    periodKey: z.string(),
    dueDate: z.union([localDate, z.literal('')]).describe('The period’s last working day; empty while starting'),
    visits: count.describe('Visits recorded in the period'),
    minVisits: count,
    outcome: z.enum(['met', 'overdue']).nullable(),
    nextNotice: z
      .object({ step: z.string().describe('reminder-<n>, overdue or overdue-supervisors'), at: instant })
      .nullable(),
  }),
  'The current period of a leader’s visit obligation (the workflow’s query)',
);

const visitFields = {
  id,
  leaderId: id,
  communityId: id,
  visitedOn: localDate,
  periodKey: z.string().describe('The period of the visit obligation it counts for: 2026-Q4'),
  purposes: z.array(purpose),
  notes: z.string().nullable(),
  meetingId: id.nullable().describe('Set when counted from a community joint meeting’s attendees'),
  recordedBy: z.string().describe('<role>:<username>'),
};

export const visit = component('Visit', z.object(visitFields), 'A leader’s visit to the paired community');

export const recordedVisit = component(
  'RecordedVisit',
  z.object({
    ...visitFields,
    obligationNotified: z
      .boolean()
      .describe('false: recorded, but Temporal was unreachable; the obligation re-reads the record before any notice'),
  }),
  'The visit as recorded, and whether the leader’s visit obligation was told',
);

export const visitList = component('VisitList', z.object({ items: z.array(visit) }), 'Visits, latest first');

const departmentFields = {
  id,
  code: z.string(),
  name: z.string(),
  contactName: z.string(),
  contactEmail: z
    .string()
    .nullable()
    .describe('Shown to supervisors, admins and the convener of a paired community only; null for others'),
  locale,
};

export const department = component(
  'Department',
  z.object(departmentFields),
  'A city department (市直部门) paired with communities',
);

export const departmentList = component(
  'DepartmentList',
  z.object({
    items: z.array(z.object({ ...departmentFields, communityIds: z.array(id).describe('Communities paired now') })),
  }),
  'Every department, by code',
);

export const communityPairings = component(
  'CommunityPairings',
  z.object({
    communityId: id,
    leaders: z.array(leader).describe('The leaders paired with the community'),
    departments: z.array(
      z.object({ ...departmentFields, pairedOn: localDate.describe('Attendance counts from this day') }),
    ),
  }),
  'A community’s paired leaders and departments',
);

const communityRef = z.object({ id, name: z.string() });

export const visitsPage = component(
  'VisitsPage',
  z.object({
    period: z.string().describe('The visit period: 2026-Q4'),
    dueDate: localDate.describe('Its last working day'),
    items: z.array(
      z.object({
        leaderId: id,
        code: z.string(),
        name: z.string(),
        title: z.string().nullable(),
        community: communityRef,
        visits: count,
        minVisits: count,
        lastVisitOn: localDate.nullable(),
        status: z
          .enum(['visited', 'pending', 'overdue'])
          .describe(
            'visited: at least minVisits; overdue: fewer, and the due date has passed; pending: fewer, not yet due',
          ),
      }),
    ),
    total: count,
    limit: z.number().int().min(1),
    offset: count,
  }),
  'Each leader’s visits in one period',
);

export const visitsByLeader = component(
  'VisitsByLeader',
  z.object({
    year: z.number().int(),
    items: z.array(
      z.object({
        leaderId: id,
        code: z.string(),
        name: z.string(),
        community: communityRef,
        total: count.describe('Visits in the year'),
        byPeriod: z.record(z.string(), count).describe('Visits per period key (periods without a visit are absent)'),
      }),
    ),
  }),
  'Visits per leader in a year, by period',
);

export const attendanceTable = component(
  'AttendanceTable',
  z.object({
    period: z.string(),
    absenceThreshold: z.number().int().min(1),
    items: z.array(
      z.object({
        department: z.object({ id, code: z.string(), name: z.string() }),
        community: communityRef,
        meetings: count.describe('The community’s joint meetings in the period (since the pairing began)'),
        attended: count.describe('…that named the department (name or code) among the attendees'),
        absentInARow: count.describe('Meetings missed in a row up to the latest, any period'),
        flagged: z.boolean().describe('absentInARow is at least the rule’s absenceThreshold'),
      }),
    ),
  }),
  'Paired departments’ attendance at community joint meetings, longest absence first',
);

// --- Operations ------------------------------------------------------------------------------

const ref = (example?: string) => ({
  ref: {
    schema: z.string().min(1).max(200),
    description: '领导 id（UUID）或编码 / The leader’s id (UUID) or code',
    ...(example ? { example } : {}),
  },
});

const unitRef = {
  unitRef: {
    schema: z.string().min(1).max(200),
    description: '社区 id（UUID）或编码 / The community’s id (UUID) or code',
    example: 'bihai',
  },
};

/** After a leader is registered: what can be done with them, and with their community's pairings. */
const leaderLinks = (): Record<string, Link> => ({
  ...Object.fromEntries(
    ['getLeader', 'updateLeader', 'getLeaderObligation', 'recordVisit', 'listLeaderVisits', 'removeLeader'].map(
      (operationId) => [
        operationId[0]!.toUpperCase() + operationId.slice(1),
        { operationId, parameters: { ref: '$response.body#/id' } },
      ],
    ),
  ),
  GetCommunityPairings: { operationId: 'getCommunityPairings', parameters: { unitRef: '$response.body#/communityId' } },
  SetDepartmentPairings: {
    operationId: 'setDepartmentPairings',
    parameters: { unitRef: '$response.body#/communityId' },
  },
});

const tags = ['entries'];

export const entriesOperations: OperationSpec[] = [
  // The rule
  {
    method: 'get',
    path: '/api/entries-rule',
    operationId: 'getEntriesRule',
    summary: { zh: '三进规则', en: 'The rule of the three entries' },
    description: '尚未保存时为默认值。 / The defaults until one is saved.',
    tags,
    responses: { 200: entriesRule },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/entries-rule',
    operationId: 'setEntriesRule',
    summary: {
      zh: '设置三进规则（走访自下一周期起生效）',
      en: 'Set the rule of the three entries (visits: from the next period)',
    },
    description:
      '结对部门数只在结对变更时检查；缺席提醒自下一次检查起；尚未开始的考核评分适用新规则。 / The department range is checked when pairings change; absences from the next check; evaluation campaigns not yet open follow the new rule.',
    tags,
    roles: ['admin', 'supervisor'],
    body: {
      schema: entriesRuleInput,
      example: {
        minDepartmentsPerCommunity: 3,
        maxDepartmentsPerCommunity: 5,
        visitPeriod: 'quarter',
        minVisits: 1,
        visitReminderLadder: [10, 3],
        visitSupervisorAfterDays: 3,
        absenceThreshold: 3,
        evaluationQuorum: 50,
        evaluationOpensOn: '12-01',
        evaluationClosesOn: '12-25',
        evaluationReminderEveryDays: 5,
      },
    },
    responses: { 200: savedEntriesRule },
    errors: [400, 413, 415],
  },

  // Leaders and visits
  {
    method: 'post',
    path: '/api/leaders',
    operationId: 'registerLeader',
    summary: {
      zh: '登记市级领导及其联系社区（启动走访义务）',
      en: 'Register a city leader and the paired community (starts the visit obligation)',
    },
    description:
      '201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken；所指单位不存在或不是社区为 400（communityCode 或 communityId）。 / 201 when registered, 200 when repeated with the same details, 409 code_taken when the code has other details; 400 (communityCode or communityId) when the unit does not exist or is not a community.',
    tags,
    roles: ['admin'],
    idempotent: true,
    body: {
      schema: leaderInput,
      example: {
        code: 'leader-wang',
        name: '王建国',
        title: '副市长',
        email: 'wang.jianguo@example.org',
        communityCode: 'bihai',
        secretaryName: '刘秘书',
        secretaryEmail: 'liu.mishu@example.org',
      },
    },
    responses: {
      201: { description: 'Registered', schema: leader, links: leaderLinks() },
      200: { description: 'Already registered with the same details', schema: leader, links: leaderLinks() },
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/leaders',
    operationId: 'listLeaders',
    summary: { zh: '市级领导及其联系社区', en: 'City leaders and their paired communities' },
    description:
      '只列出调用者可见的：联络办公室全部，召集人本辖区社区的，领导本人。communityId 只会缩小范围。 / Only those the caller may see: the office every one, a convener those paired with their communities, a leader themselves. communityId only narrows that.',
    tags,
    query: leaderListQuery,
    responses: {
      200: {
        description: 'OK',
        schema: leaderPage,
        links: { GetLeader: { operationId: 'getLeader', parameters: { ref: '$response.body#/items/0/id' } } },
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/leaders/{ref}',
    operationId: 'getLeader',
    summary: { zh: '单个市级领导', en: 'One city leader' },
    tags,
    params: ref('leader-wang'),
    responses: { 200: leader },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/leaders/{ref}',
    operationId: 'updateLeader',
    summary: {
      zh: '修改领导信息或改联系社区（自下一周期起）',
      en: 'Change a leader’s details or paired community (from the next period)',
    },
    description: 'communityCode 须为社区（否则 400）。 / communityCode must be a community (else 400).',
    tags,
    roles: ['admin'],
    params: ref('leader-wang'),
    body: { schema: leaderUpdate, example: { title: '市委常委、副市长', phone: '0415-7123456' } },
    responses: { 200: leader },
    errors: [400, 404, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/leaders/{ref}',
    operationId: 'removeLeader',
    summary: { zh: '撤销领导联系点（结束其走访义务）', en: 'Remove a leader (ends the visit obligation)' },
    description: '记录保留。 / The record is kept.',
    tags,
    roles: ['admin'],
    // No example: the other operations' example leader (leader-wang) must outlive an examples run.
    params: ref(),
    responses: { 204: { description: 'Removed' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/leaders/{ref}/obligation',
    operationId: 'getLeaderObligation',
    summary: {
      zh: '本期走访义务状态（截止日、已走访次数、下一次提醒）',
      en: 'The current period of the visit obligation: due date, visits, next notice',
    },
    tags,
    params: ref('leader-wang'),
    responses: { 200: leaderObligation },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/leaders/{ref}/visits',
    operationId: 'recordVisit',
    summary: { zh: '记录领导走访联系社区', en: 'Record a leader’s visit to the paired community' },
    description:
      '由领导本人、联系社区的召集人或管理员记录（其他可见者 403，不可见者 404）；不得为未来日期。领导出现在社区联席会议的参会名单中时自动计为一次走访（joint_meeting）。 / By the leader themselves, the paired community’s convener or an admin (403 for others who may see the leader, 404 for the rest); not in the future. A leader among the attendees of a community joint meeting counts as a visit by itself (joint_meeting).',
    tags,
    roles: ['admin', 'convener', 'leader'],
    params: ref('leader-wang'),
    idempotent: true,
    body: {
      schema: visitInput,
      example: {
        visitedOn: '2026-11-20',
        purposes: ['research_guidance', 'coordinated_problem'],
        notes: '调研老旧小区改造，协调 3 号楼加装电梯资金',
      },
    },
    responses: {
      201: {
        description: 'Recorded',
        schema: recordedVisit,
        links: {
          GetLeaderObligation: { operationId: 'getLeaderObligation', parameters: { ref: '$response.body#/leaderId' } },
          ListLeaderVisits: { operationId: 'listLeaderVisits', parameters: { ref: '$response.body#/leaderId' } },
        },
      },
    },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/leaders/{ref}/visits',
    operationId: 'listLeaderVisits',
    summary: { zh: '领导的走访记录', en: 'A leader’s visits' },
    description: 'year 按走访日期筛选；最近的在前。 / year filters by the visit’s date; latest first.',
    tags,
    params: ref('leader-wang'),
    query: yearQuery,
    responses: { 200: visitList },
    errors: [400, 404],
  },

  // Departments and pairings
  {
    method: 'post',
    path: '/api/departments',
    operationId: 'registerDepartment',
    summary: { zh: '登记市直部门', en: 'Register a city department' },
    description:
      '201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / 201 when registered, 200 when repeated with the same details, 409 code_taken when the code has other details.',
    tags,
    roles: ['admin'],
    idempotent: true,
    body: {
      schema: departmentInput,
      example: {
        code: 'dept-housing',
        name: '市住房和城乡建设局',
        contactName: '赵科长',
        contactEmail: 'zhao.kezhang@example.org',
      },
    },
    responses: {
      201: { description: 'Registered', schema: department },
      200: { description: 'Already registered with the same details', schema: department },
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/departments',
    operationId: 'listDepartments',
    summary: { zh: '市直部门及其结对社区', en: 'City departments and the communities they are paired with' },
    tags,
    responses: { 200: departmentList },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/units/{unitRef}/department-pairings',
    operationId: 'setDepartmentPairings',
    summary: {
      zh: '设置社区的结对部门（整表替换，3–5 个）',
      en: 'Set a community’s paired departments (the whole list, 3 to 5)',
    },
    description:
      '全部成功或全部不变。数量不在规则范围内为 400 departmentCodes；部门不存在为 400 departmentCodes.<序号>；不是社区为 400 path.unitRef。未列出的结对结束，新列出的自今日起计考勤。同一社区的名单同时被另一请求修改时为 409 duplicate（请重试）。 / All or nothing. A count outside the rule’s range is 400 departmentCodes; an unknown department 400 departmentCodes.<index>; a unit that is not a community 400 path.unitRef. Pairings not listed end; new ones count attendance from today. 409 duplicate when another change of the same community’s list ran at the same moment (retry).',
    tags,
    roles: ['admin'],
    params: unitRef,
    body: {
      schema: departmentPairingsInput,
      example: { departmentCodes: ['dept-housing', 'dept-justice', 'dept-health'] },
    },
    responses: {
      200: {
        description: 'The community’s pairings now',
        schema: communityPairings,
        links: {
          GetCommunityPairings: {
            operationId: 'getCommunityPairings',
            parameters: { unitRef: '$response.body#/communityId' },
          },
        },
      },
    },
    errors: [400, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/pairings',
    operationId: 'getCommunityPairings',
    summary: { zh: '社区的联系领导与结对部门', en: 'A community’s paired leaders and departments' },
    tags,
    params: unitRef,
    responses: {
      200: {
        description: 'OK',
        schema: communityPairings,
        links: {
          SetDepartmentPairings: {
            operationId: 'setDepartmentPairings',
            parameters: { unitRef: '$response.body#/communityId' },
          },
        },
      },
    },
    errors: [404],
  },

  // Supervision
  {
    method: 'get',
    path: '/api/supervision/visits',
    operationId: 'listLeaderVisitStatus',
    summary: {
      zh: '各领导本期走访情况（已走访、待走访、逾期）',
      en: 'Each leader’s visits in a period: visited, pending, overdue',
    },
    description:
      'period 缺省为当前走访周期；月份或季度取其所在的走访周期；长于走访周期（如按季度统计时的年份）为 400。 / period defaults to the current visit period; a month or quarter names the visit period it lies in; a longer one (a year when visits count per quarter) is 400.',
    tags,
    roles: ['admin', 'supervisor'],
    query: visitsQuery,
    responses: { 200: visitsPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/visits/by-leader',
    operationId: 'listVisitsByLeader',
    summary: { zh: '各领导全年走访次数（按周期）', en: 'Visits per leader in a year, by period' },
    description: 'year 缺省为今年。 / year defaults to the current one.',
    tags,
    roles: ['admin', 'supervisor'],
    query: yearQuery,
    responses: { 200: visitsByLeader },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/attendance',
    operationId: 'getDepartmentAttendance',
    summary: {
      zh: '结对部门参加社区联席会议情况（连续缺席）',
      en: 'Paired departments’ attendance at community joint meetings (absences in a row)',
    },
    description:
      'period 缺省为本季度。部门用户只见本部门，召集人与领导只见本辖区社区；communityId、departmentId 只会缩小范围。 / period defaults to the current quarter. A department user sees their department only, a convener or leader their communities only; communityId and departmentId only narrow that.',
    tags,
    roles: ['admin', 'supervisor', 'convener', 'leader', 'department'],
    query: attendanceQuery,
    responses: { 200: attendanceTable },
    errors: [400],
  },
];

/** The tag of these operations (api/contract/index.ts lists the areas in order). */
export const entriesTag = {
  name: 'entries',
  description:
    '三进：领导联系点、部门结对与考勤 / The three entries: leader visits, department pairings and attendance',
};
