/**
 * Request schemas of community co-building (社区联建): the co-building body of a community, its
 * member units, their commitment letters (驻社区单位承诺书) and the practical things done (办实事).
 * Money is in yuan with at most two decimals (stored as fen); dates are YYYY-MM-DD
 * (Asia/Shanghai) — "not in the future" needs the API clock and is checked by the routes.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/period';

/** The four functions of a co-building body. */
export const CO_BUILDING_FUNCTIONS = [
  'party_resources',
  'security_governance',
  'facilities_welfare',
  'culture_customs',
] as const;
export type CoBuildingFunction = (typeof CO_BUILDING_FUNCTIONS)[number];

export const CO_BUILDING_FUNCTION_NAMES: Record<CoBuildingFunction, { zh: string; en: string }> = {
  party_resources: { zh: '党建引领、资源共享', en: 'Party work and shared resources' },
  security_governance: { zh: '治安联防、共建共治', en: 'public security and joint governance' },
  facilities_welfare: { zh: '设施共享、公益共办', en: 'shared facilities and public-welfare work' },
  culture_customs: { zh: '文化共建、文明共创', en: 'culture and civic customs' },
};

/** What a member unit is. */
export const MEMBER_KINDS = ['agency', 'enterprise', 'institution', 'social_organisation'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const MEMBER_KIND_NAMES: Record<MemberKind, { zh: string; en: string }> = {
  agency: { zh: '机关', en: 'agency' },
  enterprise: { zh: '企业', en: 'enterprise' },
  institution: { zh: '事业单位', en: 'institution' },
  social_organisation: { zh: '社会组织', en: 'social organisation' },
};

/** What a commitment letter pledges. */
export const PLEDGE_KINDS = ['people', 'goods', 'money'] as const;

/** The largest single amount, in yuan (ten million): well inside the record's integer fen. */
export const MAX_YUAN = 10_000_000;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A calendar date YYYY-MM-DD between 2000 and 2100 (the routes refuse one in the future). */
const pastDate = z
  .string()
  .refine(isLocalDate, '日期格式应为 YYYY-MM-DD / A calendar date YYYY-MM-DD')
  .refine(
    (d) => d >= '2000-01-01' && d <= '2100-12-31',
    '日期应在 2000-01-01 至 2100-12-31 之间 / Between 2000 and 2100',
  )
  .meta({ format: 'date' });

/** Yuan: not negative, at most two decimals (whole fen). */
export const yuan = z
  .number('金额应为数字（元） / An amount in yuan (a number)')
  .min(0, '金额不得为负 / Not negative')
  .max(MAX_YUAN, `单笔金额不超过 ${MAX_YUAN} 元 / At most ${MAX_YUAN} yuan`)
  .refine((v) => Math.round(v * 100) / 100 === v, '金额最多两位小数（精确到分） / At most two decimals (whole fen)')
  .meta({ description: '元，最多两位小数 / Yuan, at most two decimals' });

/** A list of distinct values of an enum, at least one. */
function distinct<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .array(z.enum(values))
    .min(1, `至少一项${what} / At least one`)
    .max(values.length)
    .refine((a) => new Set(a).size === a.length, '不得重复 / No value twice')
    .meta({ uniqueItems: true });
}

export const coBuildingBodyInput = z
  .object({
    name: text(200),
    functions: distinct(CO_BUILDING_FUNCTIONS, '职能'),
  })
  .strict();

export const coBuildingMemberInput = z
  .object({
    name: text(200),
    kind: z.enum(MEMBER_KINDS, {
      error: `单位类型应为 ${MEMBER_KINDS.join(' | ')} 之一 / One of ${MEMBER_KINDS.join(', ')}`,
    }),
    contactName: text(100).optional(),
    contactPhone: z
      .string()
      .regex(/^\+?[0-9 -]{5,20}$/, '电话号码 / A phone number')
      .optional(),
    joinedOn: pastDate,
  })
  .strict();

export const commitmentInput = z
  .object({
    pledge: text(10_000),
    kinds: distinct(PLEDGE_KINDS, '承诺类型'),
    valueYuan: yuan.optional(),
    signedOn: pastDate,
  })
  .strict();

export const practicalThingInput = z
  .object({
    doneOn: pastDate,
    description: text(10_000),
    valueYuan: yuan,
    memberId: z.uuid('成员单位 id（UUID） / A member unit id (UUID)').optional(),
  })
  .strict();

export const coBuildingSummaryQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('只统计该年的承诺书与实事 / Only commitments signed and things done in this year'),
  streetId: z.string().min(1).max(100).optional().describe('只统计该街道的社区 / Only communities of this street'),
});
