/**
 * The third entry's rule (rules are data) and each serving member's participation obligation:
 * the rule, one member's current period (the workflow's query), and the members below the
 * minimum in a period (a list for the community's convener and the office).
 */
import { z } from 'zod';
import { servingTag } from './serving-registration';
import type { OperationSpec, RequestComponent } from './types';
import { component } from './types';

// --- Requests --------------------------------------------------------------------------------

const days = (max: number) => z.number().int().min(1).max(max);

export const servingRuleInput = z
  .object({
    participationPeriod: z.enum(['year', 'half']),
    minServices: z.number().int().min(1).max(100),
    participationReminderLadder: z
      .array(days(120))
      .max(10)
      .refine((l) => new Set(l).size === l.length, '每个天数只列一次 / Each number of days once'),
    claimConfirmWithinDays: days(60),
    claimCommunityAfterDays: days(60),
    receiptWithinDays: days(60),
    receiptOfficeAfterDays: days(60),
    receiptValidDays: days(366),
  })
  .strict()
  .refine((r) => r.participationPeriod === 'year' || r.participationReminderLadder.every((n) => n <= 100), {
    message: 'A half-year has about 120 working days: each reminder at most 100 before its due date',
    path: ['participationReminderLadder'],
  });

/** A year or a half-year key. */
const participationPeriodKey = z
  .string()
  .regex(/^\d{4}(-H[12])?$/, '年 "2026" 或半年 "2026-H2" / A year "2026" or a half-year "2026-H2"')
  .refine((k) => k >= '2000' && k < '2101', 'Between 2000 and 2100');

export const belowMinimumQuery = z
  .object({
    communityId: z.string().min(1).max(100).optional(),
    period: participationPeriodKey.optional(),
  })
  .strict();

export const servingParticipationRequests: readonly RequestComponent[] = [
  [
    servingRuleInput,
    {
      id: 'ServingRuleInput',
      description:
        '在职党员进社区规则（规则即数据）：参与服务周期（year 年 / half 半年）与每期至少服务次数，截止日前提醒本人的工作日阶梯；认领未确认几个工作日后提醒本人、再几个工作日后提醒社区；单位回执几个工作日内确认、逾期提醒后几个工作日告知联络办；回执链接有效天数。 / The third entry’s rule (rules are data): the participation period (year or half) and minimum services per period, the ladder of reminders to the member (working days before the due date); a claim unconfirmed N working days after its day reminds the member, then the community; the employer confirms the receipt within N working days, else a reminder, then the office; the receipt link’s validity in days.',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const id = z.uuid();
const count = z.number().int().min(0);
const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');

const ruleFields = {
  participationPeriod: z
    .enum(['year', 'half'])
    .describe('Each member takes part at least minServices times per period'),
  minServices: z.number().int().min(1),
  participationReminderLadder: z.array(z.number().int().min(1)).describe('Working days before the period’s due date'),
  claimConfirmWithinDays: z.number().int().min(1),
  claimCommunityAfterDays: z.number().int().min(1),
  receiptWithinDays: z.number().int().min(1),
  receiptOfficeAfterDays: z.number().int().min(1),
  receiptValidDays: z.number().int().min(1),
};

export const servingRule = component(
  'ServingRule',
  z.object(ruleFields),
  'The third entry’s rule in force (the defaults until one is saved)',
);

export const savedServingRule = component(
  'SavedServingRule',
  z.object({
    ...ruleFields,
    appliesFrom: z.literal('participation: next period; claims and receipts: their next step'),
  }),
  'The rule as saved, and from when it applies',
);

export const memberParticipation = component(
  'MemberParticipation',
  z.object({
    workflowId: z.string().describe('serving-participation:<member id>'),
    memberId: id,
    communityId: id,
    state: z
      .enum(['starting', 'watching', 'ended'])
      .describe('starting: the period is not planned yet; ended: the member was removed'),
    periodKey: z.string().describe('"2026" or "2026-H2"'),
    dueDate: z.union([localDate, z.literal('')]).describe('The period’s last working day; empty while starting'),
    services: count.describe('Services counted in the period'),
    minServices: count,
    outcome: z.enum(['met', 'overdue']).nullable(),
    nextNotice: z.object({ step: z.string().describe('reminder-<n>, or overdue (the close)'), at: instant }).nullable(),
  }),
  'The current period of a member’s participation obligation (the workflow’s query)',
);

export const belowMinimumList = component(
  'ServingBelowMinimum',
  z.object({
    periodKey: z.string(),
    firstDay: localDate,
    lastDay: localDate,
    minServices: count.describe('The minimum of this period (a year under a half-year rule: twice the rule’s)'),
    communityId: id.nullable().describe('The community asked for; null: every community the caller may read'),
    items: z.array(
      z.object({
        memberId: id,
        name: z.string(),
        phone: z.string().describe('Masked: only the last 4 digits show'),
        communityId: id,
        employerId: id,
        employerName: z.string(),
        registeredOn: localDate,
        services: count.describe('Services dated within the period'),
        missing: count.describe('How many short of the minimum'),
      }),
    ),
  }),
  'The members below the minimum in a period (registered during it, not removed before its end)',
);

// --- Operations ------------------------------------------------------------------------------

const tags = [servingTag.name];

export const servingParticipationOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    path: '/api/serving/rule',
    operationId: 'getServingRule',
    summary: { zh: '在职党员进社区规则', en: 'The third entry’s rule' },
    description: '尚未保存时为默认值。 / The defaults until one is saved.',
    tags,
    responses: { 200: servingRule },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/serving/rule',
    operationId: 'setServingRule',
    summary: {
      zh: '设置在职党员进社区规则（参与服务自下一周期起生效）',
      en: 'Set the third entry’s rule (participation: from the next period)',
    },
    description:
      '联络办或管理员；记入审计。参与服务的周期与次数自下一周期起生效；认领与回执的期限自其下一步起。 / The liaison office or an admin; audited. The participation period and minimum apply from the next period; claim and receipt deadlines from their next step.',
    tags,
    roles: ['admin', 'supervisor'],
    body: {
      schema: servingRuleInput,
      example: {
        participationPeriod: 'year',
        minServices: 4,
        participationReminderLadder: [20, 5],
        claimConfirmWithinDays: 3,
        claimCommunityAfterDays: 2,
        receiptWithinDays: 5,
        receiptOfficeAfterDays: 3,
        receiptValidDays: 30,
      },
    },
    responses: { 200: savedServingRule },
    errors: [400, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/serving/members/{id}/participation',
    operationId: 'getMemberParticipation',
    summary: {
      zh: '在职党员本期参与服务情况（截止日、已服务次数、下一次提醒）',
      en: 'A member’s current participation period: due date, services, next reminder',
    },
    description:
      '本人、所在社区（或其上级）的召集人、联络办与管理员可见；其他为 404。 / The member themself, the convener of their community (or above it), the office and admins; 404 for others.',
    tags,
    params: { id: { schema: z.uuid(), description: '在职党员 id / The member’s id' } },
    responses: { 200: memberParticipation },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/serving/below-minimum',
    operationId: 'listServingBelowMinimum',
    summary: {
      zh: '本期（或指定周期）服务次数未达要求的在职党员',
      en: 'Members below the minimum in the current (or a given) period',
    },
    description:
      '社区召集人看本社区（不给 communityId 时为其可见的全部社区），联络办与管理员看任一社区或全市。period 为年 "2026" 或半年 "2026-H2"，缺省为规则的当前周期；年度按半年规则时最少次数加倍；按年规则时不接受半年（400 period）。手机号只显示后 4 位。 / A community’s convener sees their community (without communityId: every community they may read); the office and admins any community or the whole city. period: a year "2026" or a half-year "2026-H2", default the rule’s current period; a year under a half-year rule counts the minimum twice; a half-year under a yearly rule is 400 (period). Phones show only their last 4 digits.',
    tags,
    roles: ['admin', 'supervisor', 'convener'],
    query: belowMinimumQuery,
    responses: { 200: belowMinimumList },
    errors: [400, 403, 404],
  },
];
