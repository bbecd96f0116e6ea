/**
 * The OpenAPI description of community co-building (社区联建): the operations, the request
 * schemas that become components, and the response schemas (registered in the response
 * registry as they are created), and the vocabulary of the requests (functions, member kinds).
 */
import { z } from 'zod';
import { CO_BUILDING_FUNCTIONS, type CoBuildingFunction, PLEDGE_KINDS } from '../../domain/co-building';
import { isLocalDate } from '../../domain/period';
import type { Link, OperationSpec } from './types';
import { component } from './types';

// --- Requests --------------------------------------------------------------------------------

/** The four functions of a co-building body, and what a commitment letter pledges (domain/co-building.ts). */
export { CO_BUILDING_FUNCTIONS, type CoBuildingFunction, PLEDGE_KINDS };

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
export const yuanInput = z
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
    valueYuan: yuanInput.optional(),
    signedOn: pastDate,
  })
  .strict();

export const practicalThingInput = z
  .object({
    doneOn: pastDate,
    description: text(10_000),
    valueYuan: yuanInput,
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

// --- Responses and operations ------------------------------------------------------------

const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const id = z.uuid();
const count = z.number().int().min(0);
const yuan = z.number().min(0).describe('元（两位小数） / Yuan (two decimals)');

// --- Requests --------------------------------------------------------------------------------

export const coBuildingRequests: [z.ZodType, { id: string; description?: string }][] = [
  [
    coBuildingBodyInput,
    {
      id: 'CoBuildingBodyInput',
      description:
        'functions: party_resources（党建引领、资源共享）, security_governance（治安联防、共建共治）, facilities_welfare（设施共享、公益共办）, culture_customs（文化共建、文明共创）',
    },
  ],
  [
    coBuildingMemberInput,
    {
      id: 'CoBuildingMemberInput',
      description:
        'kind: agency（机关）, enterprise（企业）, institution（事业单位）, social_organisation（社会组织）; joinedOn: YYYY-MM-DD, not in the future',
    },
  ],
  [
    commitmentInput,
    {
      id: 'CommitmentInput',
      description:
        '驻社区单位承诺书 / A commitment letter: kinds of people, goods, money; valueYuan: yuan with at most two decimals; signedOn: not in the future',
    },
  ],
  [
    practicalThingInput,
    {
      id: 'PracticalThingInput',
      description:
        '办实事 / A practical thing done: doneOn not in the future; valueYuan: yuan with at most two decimals (0 when it has no money value); memberId: a member unit of this body',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

export const coBuildingMember = component(
  'CoBuildingMember',
  z.object({
    id,
    bodyId: id,
    name: z.string(),
    kind: z.enum(MEMBER_KINDS),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    joinedOn: localDate,
    createdAt: instant,
  }),
  'A unit stationed in the community that joined its co-building body',
);

export const coBuildingCommitment = component(
  'CoBuildingCommitment',
  z.object({
    id,
    memberId: id,
    pledge: z.string().describe('What was pledged (承诺内容)'),
    kinds: z.array(z.enum(PLEDGE_KINDS)),
    valueYuan: yuan.nullable().describe('The pledged value in yuan, if any'),
    signedOn: localDate,
    createdAt: instant,
  }),
  'A commitment letter (驻社区单位承诺书)',
);

export const coBuildingThing = component(
  'CoBuildingThing',
  z.object({
    id,
    bodyId: id,
    doneOn: localDate,
    description: z.string(),
    valueYuan: yuan,
    memberId: id.nullable().describe('The member unit that did it, or null for the body as a whole'),
    memberName: z.string().nullable(),
    recordedBy: z.string().describe('<role>:<username>'),
    createdAt: instant,
  }),
  'A practical thing done (办实事)',
);

const bodyTotals = {
  memberUnits: count,
  commitments: count,
  pledgedYuan: yuan.describe('Sum of the commitments’ values'),
  thingsDone: count,
  valueYuan: yuan.describe('Sum of the things’ values'),
};

export const coBuildingBody = component(
  'CoBuildingBody',
  z.object({
    id,
    communityId: id,
    communityCode: z.string(),
    communityName: z.string(),
    name: z.string(),
    functions: z.array(z.enum(CO_BUILDING_FUNCTIONS)),
    createdAt: instant,
    members: z.array(
      coBuildingMember.extend({
        commitments: z.array(coBuildingCommitment),
        thingsDone: count.describe('Things done by this member'),
        valueYuan: yuan.describe('Their value'),
      }),
    ),
    things: z.array(coBuildingThing).describe('Every thing done, earliest first'),
    totals: z.object(bodyTotals),
  }),
  'A community’s co-building body (社区联建治理服务共同体): members, commitments, things done and totals',
);

export const coBuildingSummary = component(
  'CoBuildingSummary',
  z.object({
    year: z.number().int().nullable().describe('The year asked for; null: all years'),
    streetId: z.string().optional(),
    asOf: localDate,
    totals: z.object({ bodies: count, ...bodyTotals }),
    communities: z.array(
      z.object({
        communityId: id,
        communityCode: z.string(),
        communityName: z.string(),
        streetId: id.nullable(),
        streetName: z.string().nullable(),
        bodyId: id,
        bodyName: z.string(),
        ...bodyTotals,
      }),
    ),
  }),
  'Co-building totals over the communities the caller may see ("18 bodies, 109 member units, 450+ things done, 700k+ yuan"), and per community',
);

// --- Operations ------------------------------------------------------------------------------

const unitRef = {
  unitRef: {
    schema: z.string().min(1).max(200),
    description: '社区 id（UUID）或编码 / The community’s id (UUID) or code',
    example: 'bihai',
  },
};

const memberId = {
  memberId: { schema: z.string().min(1).max(200), description: '成员单位 id（UUID） / The member unit’s id (UUID)' },
};

const bodyLinks = (): Record<string, Link> => ({
  GetCoBuilding: { operationId: 'getCoBuilding', parameters: { unitRef: '$response.body#/communityId' } },
  AddCoBuildingMember: { operationId: 'addCoBuildingMember', parameters: { unitRef: '$response.body#/communityId' } },
  RecordPracticalThing: {
    operationId: 'recordPracticalThing',
    parameters: { unitRef: '$response.body#/communityId' },
  },
});

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const coBuildingOperations: OperationSpec[] = [
  {
    method: 'put',
    path: '/api/units/{unitRef}/co-building',
    operationId: 'saveCoBuilding',
    summary: { zh: '组建或修改社区联建共同体', en: 'Form or change the community’s co-building body' },
    description:
      '仅限社区（否则 400 path.unitRef），由社区召集人（或管理员）办理。201 新建；200 已有（相同内容不再变更）。 / Communities only (else 400 path.unitRef), by the community’s convener (or an admin). 201 when formed, 200 when it existed (the same content changes nothing).',
    tags: ['co-building'],
    roles: ['admin', 'convener'],
    params: unitRef,
    body: {
      schema: coBuildingBodyInput,
      example: {
        name: '碧海社区联建治理服务共同体',
        functions: ['party_resources', 'security_governance', 'facilities_welfare', 'culture_customs'],
      },
    },
    responses: {
      201: { description: 'Formed', schema: coBuildingBody, links: bodyLinks() },
      200: { description: 'Changed, or already so', schema: coBuildingBody, links: bodyLinks() },
    },
    errors: [400, 403, 404, 413, 415],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/co-building',
    operationId: 'getCoBuilding',
    summary: {
      zh: '社区联建共同体：成员单位、承诺书、办实事与合计',
      en: 'The community’s co-building body: members, commitments, things done, totals',
    },
    description: '尚未组建为 404。 / 404 when the community has none.',
    tags: ['co-building'],
    params: unitRef,
    responses: { 200: coBuildingBody },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/units/{unitRef}/co-building/members',
    operationId: 'addCoBuildingMember',
    summary: { zh: '驻社区单位加入联建共同体', en: 'A unit stationed in the community joins' },
    description:
      '同名同内容重复提交为 200（返回已有成员）；同名不同内容为 409 duplicate。尚未组建共同体为 404。 / The same name and details again answer 200 with the member; the same name with other details is 409 duplicate. 404 when the community has no body yet.',
    tags: ['co-building'],
    roles: ['admin', 'convener'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: coBuildingMemberInput,
      example: {
        name: '东港市供电公司',
        kind: 'enterprise',
        contactName: '王经理',
        contactPhone: '0415-7100000',
        joinedOn: '2026-03-01',
      },
    },
    responses: {
      201: {
        description: 'Joined',
        schema: coBuildingMember,
        links: { AddCommitment: { operationId: 'addCommitment', parameters: { memberId: '$response.body#/id' } } },
      },
      200: { description: 'Already a member with the same details', schema: coBuildingMember },
    },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/co-building/members/{memberId}/commitments',
    operationId: 'addCommitment',
    summary: { zh: '登记驻社区单位承诺书', en: 'Record a member unit’s commitment letter' },
    description: '由社区召集人（或管理员）办理。 / By the community’s convener (or an admin).',
    tags: ['co-building'],
    roles: ['admin', 'convener'],
    params: memberId,
    idempotent: true,
    body: {
      schema: commitmentInput,
      example: {
        pledge: '每季度组织职工志愿者开展义务检修，全年捐助社区困难家庭 2 万元',
        kinds: ['people', 'money'],
        valueYuan: 20000,
        signedOn: '2026-03-01',
      },
    },
    responses: { 201: coBuildingCommitment },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/units/{unitRef}/co-building/things',
    operationId: 'recordPracticalThing',
    summary: { zh: '登记办实事', en: 'Record a practical thing done' },
    description:
      'memberId 须为本共同体的成员单位（否则 400 memberId）；尚未组建共同体为 404。 / memberId must be a member unit of this body (else 400 memberId); 404 when the community has no body yet.',
    tags: ['co-building'],
    roles: ['admin', 'convener'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: practicalThingInput,
      example: { doneOn: '2026-05-20', description: '为 3 号楼更换老化电线', valueYuan: 12500.5 },
    },
    responses: { 201: coBuildingThing },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/co-building/summary',
    operationId: 'getCoBuildingSummary',
    summary: {
      zh: '社区联建统计（共同体、成员单位、承诺、办实事、金额）',
      en: 'Co-building totals: bodies, member units, commitments, things done, value',
    },
    description:
      '只统计调用者可见的社区；year 按签署日期和办理日期筛选承诺书与实事。 / Only the communities the caller may see; year filters commitments by signedOn and things by doneOn.',
    tags: ['co-building'],
    query: coBuildingSummaryQuery,
    responses: { 200: coBuildingSummary },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/co-building/summary.xlsx',
    operationId: 'exportCoBuildingSummary',
    summary: { zh: '导出社区联建统计与办实事台账（Excel）', en: 'Export the co-building totals and ledger (Excel)' },
    description:
      '两个工作表：合计与各社区、办实事台账。 / Two sheets: the totals and each community, then every thing done.',
    tags: ['co-building'],
    query: coBuildingSummaryQuery,
    responses: {
      200: {
        description: 'XLSX workbook',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="co-building-<year|all>.xlsx"',
            schema: { type: 'string' },
          },
        },
        content: { [xlsx]: { type: 'string', contentMediaType: xlsx } },
      },
    },
    errors: [400],
  },
];

/** The tag of these operations (api/contract/index.ts lists the areas in order). */
export const coBuildingTag = { name: 'co-building', description: '社区联建 / Community co-building (three links)' };
