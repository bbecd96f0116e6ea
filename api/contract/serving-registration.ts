/**
 * The OpenAPI description of the third entry's registration: employers whose Party organisations
 * register with the community where they sit (单位报到), in-service Party members registered with
 * the community where they live (个人报到), and the import of both from a spreadsheet. Phones and
 * ID numbers are masked (last 4) in every list and view; the full phone only in the single-member
 * view for the community's convener and admins; an ID number is never stored.
 */
import { z } from 'zod';
import { isLocalDate } from '../../domain/period';
import { normaliseIdNumber, normalisePhone, SERVICE_POSTS, type ServicePost } from '../../domain/serving';
import { servicePostOf, splitList } from '../../domain/serving-import';
import { errorBodies, importRejection, pageFields } from './common';
import { unitFields } from './units';
import type { OperationSpec, RequestComponent } from './types';
import { component, CSV_TYPE, XLSX_TYPE } from './types';

/** The tag of every operation of the third entry. */
export const servingTag = {
  name: 'Serving Party members',
  description:
    '在职党员普遍进（双报到）：报到单位与在职党员到社区报到、需求清单与认领、服务记录卡、季度反馈与回执、年度评议。 / The third entry: in-service Party members and their employers register with communities; needs, claims, service cards, quarterly feedback with receipts, the yearly evaluation.',
};

// --- Requests --------------------------------------------------------------------------------

const noNul = (v: string) => !v.includes('\u0000');
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(noNul, '文本不得包含 NUL 字符 / Text must not contain NUL (U+0000)');

/** A calendar date YYYY-MM-DD between 2000 and 2100 (the acts refuse one in the future). */
const dateInput = z
  .string()
  .refine(isLocalDate, '日期格式应为 YYYY-MM-DD / A calendar date YYYY-MM-DD')
  .refine(
    (d) => d >= '2000-01-01' && d <= '2100-12-31',
    '日期应在 2000-01-01 至 2100-12-31 之间 / Between 2000 and 2100',
  )
  .meta({ format: 'date' });

/** A unit or employer named by its id (UUID) or its code. */
const ref = (what: string) =>
  z.string().trim().min(1).max(200).describe(`${what}：id（UUID）或编码 / id (UUID) or code`);

/** A mainland mobile number (spaces, dashes, +86 allowed); the record keeps the 11 digits. */
export const mobileInput = z
  .string()
  .max(30)
  .refine((v) => normalisePhone(v) !== null, '手机号须为 11 位大陆手机号码 / A mainland mobile number (11 digits)');

/** A resident ID number (18 characters, the check character verified); never stored, only its hash. */
export const idNumberInput = z
  .string()
  .max(30)
  .refine(
    (v) => normaliseIdNumber(v) !== null,
    '身份证号须为 18 位且校验位正确 / An 18-character resident ID number with a valid check character',
  );

const skillsInput = z
  .array(text(50))
  .max(20, '特长至多 20 项 / At most 20 skills')
  .describe('特长 / Skills, free words');

const postsInput = z
  .array(z.enum(SERVICE_POSTS))
  .max(SERVICE_POSTS.length)
  .refine((a) => new Set(a).size === a.length, '不得重复 / No value twice')
  .meta({ uniqueItems: true })
  .describe(`服务岗位 / Service posts: ${SERVICE_POSTS.join(', ')}`);

const locale = z.enum(['zh-CN', 'en']);
const contactPhone = unitFields.convenerPhone.unwrap();

export const employerInput = z
  .object({
    code: unitFields.code,
    name: text(200),
    partyOrgName: text(200).describe('单位党组织名称 / The employer’s Party organisation'),
    contactName: text(100).describe('反馈联系人 / The contact who receives the quarterly feedback'),
    contactEmail: z.email(),
    contactPhone: contactPhone.optional(),
    locale: locale.optional(),
    communityId: ref('所在社区')
      .optional()
      .describe('所在社区（可不填）：id 或编码 / The community where it sits (optional)'),
    registeredOn: dateInput.optional().describe('报到日期，默认今天 / Default: today'),
  })
  .strict();

export const employerUpdate = z
  .object({
    name: text(200),
    partyOrgName: text(200),
    contactName: text(100),
    contactEmail: z.email(),
    contactPhone: contactPhone.nullable(),
    locale,
    communityId: ref('所在社区').nullable(),
    registeredOn: dateInput,
  })
  .partial()
  .strict();

export const memberInput = z
  .object({
    name: text(100),
    phone: mobileInput,
    idNumber: idNumberInput.optional(),
    email: z.email().optional(),
    locale: locale.optional(),
    communityId: ref('所在社区（居住地社区）').describe('所在社区：id（UUID）或编码 / The home community: id or code'),
    employerId: ref('工作单位').describe('工作单位：id（UUID）或单位编码 / The employer: id or code'),
    skills: skillsInput.optional(),
    posts: postsInput.optional(),
    registeredOn: dateInput.optional().describe('报到日期，默认今天 / Default: today'),
  })
  .strict();

export const memberUpdate = z
  .object({
    name: text(100),
    phone: mobileInput,
    idNumber: idNumberInput.nullable(),
    email: z.email().nullable(),
    locale,
    communityId: ref('所在社区'),
    employerId: ref('工作单位'),
    skills: skillsInput,
    posts: postsInput,
    registeredOn: dateInput,
  })
  .partial()
  .strict();

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const employerListQuery = z.object({
  communityId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      '只列该社区（id 或编码）所在的单位和有党员在该社区报到的单位 / Sitting in, or with members in, this community',
    ),
  ...pageQuery,
});

export const memberListQuery = z.object({
  communityId: z.string().min(1).max(200).optional().describe('所在社区：id 或编码 / Home community: id or code'),
  employerId: z.string().min(1).max(200).optional().describe('工作单位：id 或编码 / Employer: id or code'),
  ...pageQuery,
});

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('true：只检查，不写入 / Only check: nothing is written'),
});

/** One row of the employer file, as the import takes it (domain/serving-import.ts). */
export const employerRowSchema = z.object({
  code: unitFields.code,
  name: text(200),
  partyOrgName: text(200),
  contactName: text(100),
  contactEmail: z.email(),
  contactPhone: contactPhone.optional(),
  community: unitFields.code.optional(),
  locale: locale.optional(),
});

/** One row of the member file, as the import takes it: phone and ID number normalised, lists split. */
export const memberRowSchema = z.object({
  name: text(100),
  phone: mobileInput.transform((v) => normalisePhone(v)!),
  idNumber: idNumberInput.transform((v) => normaliseIdNumber(v)!).optional(),
  email: z.email().optional(),
  community: unitFields.code,
  employer: unitFields.code,
  skills: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? [] : splitList(v)))
    .pipe(z.array(text(50)).max(20, '特长至多 20 项 / At most 20 skills')),
  posts: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const posts: ServicePost[] = [];
      for (const item of v === undefined ? [] : splitList(v)) {
        const post = servicePostOf(item);
        if (!post)
          ctx.addIssue({
            code: 'custom',
            message: `Unknown service post "${item}": one of ${SERVICE_POSTS.join(', ')}`,
          });
        else if (!posts.includes(post)) posts.push(post);
      }
      return posts;
    }),
  registeredOn: dateInput.optional(),
  locale: locale.optional(),
});

export const servingRegistrationRequests: readonly RequestComponent[] = [
  [
    employerInput,
    {
      id: 'ServingEmployerInput',
      description:
        '报到单位：单位编码（唯一），单位名称，党组织名称，反馈联系人及邮箱。相同编码相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / An employer: its unique code, name, Party organisation and the feedback contact. The same code and details again answer 200; the code with other details is 409 code_taken.',
    },
  ],
  [
    employerUpdate,
    {
      id: 'ServingEmployerUpdate',
      description: '只改所给字段；communityId: null 清除所在社区。 / Only the fields given change.',
    },
  ],
  [
    memberInput,
    {
      id: 'ServingMemberInput',
      description:
        '在职党员：姓名、手机号（唯一）、身份证号（可不填；只存其哈希与末 4 位）、所在社区与工作单位。同一手机号或身份证号已登记为 409 duplicate，并指明已有记录（id 与掩码手机号）。 / An in-service Party member: name, mobile (unique), ID number (optional; only its hash and last 4 kept), home community and employer. A phone or ID number already registered is 409 duplicate naming the existing record (its id and masked phone).',
    },
  ],
  [
    memberUpdate,
    {
      id: 'ServingMemberUpdate',
      description:
        '只改所给字段；idNumber / email 为 null 时清除。 / Only the fields given change; null clears idNumber or email.',
    },
  ],
];

// --- Responses -------------------------------------------------------------------------------

const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const id = z.uuid();
const count = z.number().int().min(0);
const unitRefOut = z.object({ id, code: z.string(), name: z.string() });

const employerFields = {
  id,
  code: z.string(),
  name: z.string(),
  partyOrgName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z
    .string()
    .nullable()
    .describe(
      '末 4 位可见；单个单位视图对管理员和所在社区召集人显示全号 / Masked (last 4) but in the single view for an admin or the community’s convener',
    ),
  locale,
  community: unitRefOut.nullable().describe('所在社区 / The community where it sits, if any'),
  registeredOn: localDate,
  createdAt: instant,
};

export const servingEmployer = component(
  'ServingEmployer',
  z.object({ ...employerFields, memberCount: count.describe('Active members registered') }),
  'An employer whose Party organisation registered with a community (单位报到)',
);

export const servingEmployerPage = component(
  'ServingEmployerPage',
  z.object({ items: z.array(servingEmployer), ...pageFields }),
  'The employers the caller may see, by code',
);

export const servingMember = component(
  'ServingMember',
  z.object({
    id,
    name: z.string(),
    community: unitRefOut.describe('所在社区 / The home community'),
    employer: z.object({ id, code: z.string(), name: z.string(), partyOrgName: z.string() }),
    phone: z.string().describe('掩码手机号（末 4 位） / Masked mobile: ********1234'),
    fullPhone: z
      .string()
      .nullable()
      .describe(
        '全号：仅单个党员视图，且调用者为管理员或所在社区召集人 / Only in the single view, for an admin or the community’s convener',
      ),
    idNumber: z.string().nullable().describe('掩码身份证号（末 4 位）；未登记为 null / Masked ID number (last 4)'),
    email: z
      .string()
      .nullable()
      .describe('仅单个视图，对管理员、所在社区召集人和本人 / Single view only: admin, convener, the member'),
    locale,
    skills: z.array(z.string()),
    posts: z.array(z.enum(SERVICE_POSTS)),
    registeredOn: localDate,
    createdAt: instant,
    participationWorkflowId: z.string().describe('serving-participation:<member id>'),
  }),
  'An in-service Party member registered with their home community (个人报到)',
);

export const registeredMember = component(
  'RegisteredServingMember',
  servingMember.extend({
    obligationStarted: z
      .boolean()
      .describe('false: registered, but the participation obligation did not start now (the reconciliation starts it)'),
  }),
  'The member as registered, and whether the participation obligation started',
);

export const servingMemberPage = component(
  'ServingMemberPage',
  z.object({ items: z.array(servingMember), ...pageFields }),
  'The members the caller may see (a member: themselves), by community and name',
);

export const servingImportSummary = component(
  'ServingImportSummary',
  z.object({
    dryRun: z.boolean().describe('true: checked only, nothing written'),
    created: count.describe('Registered by this import (or, on a dry run, that would be)'),
    unchanged: count.describe('Already registered with the same details'),
    total: count.describe('Rows in the file'),
  }),
  'Every row registered or already there unchanged; the same file again creates nothing',
);

// --- Operations ------------------------------------------------------------------------------

const tags = [servingTag.name];
const employerRef = {
  ref: {
    schema: z.string().min(1).max(200),
    description: '单位 id（UUID）或单位编码 / The employer’s id (UUID) or code',
    example: 'emp-tax-bureau',
  },
};
const memberId = {
  id: { schema: z.string().min(1).max(200), description: '在职党员 id（UUID） / The member’s id (UUID)' },
};

const fileBody = (columns: string) => ({
  description: 'The file itself as the body',
  content: {
    [CSV_TYPE]: {
      type: 'string',
      description: `CSV：UTF-8（可带 BOM）或 Excel 另存的 GBK（自动识别，\`; charset=gbk\` 亦可） / UTF-8 (BOM optional) or GBK as Excel saves it (detected). Header row: ${columns}`,
    },
    [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE, description: 'First sheet; same columns' },
  },
});

/** 400 of the serving imports: the file's problems by row, or an invalid query parameter (dryRun). */
export const servingImportRejection = component('ServingImportRejection', z.union([importRejection, errorBodies[400]]));

const importResponses = {
  200: { description: 'Imported (or checked, with dryRun)', schema: servingImportSummary },
  400: {
    description:
      '导入被拒绝，未写入任何数据（文件的问题按行列出；或查询参数无效） / Rejected, nothing written: the file’s problems by row, or an invalid query parameter',
    schema: servingImportRejection,
  },
};

export const servingRegistrationOperations: readonly OperationSpec[] = [
  {
    method: 'post',
    path: '/api/serving/employers',
    operationId: 'registerServingEmployer',
    summary: { zh: '单位报到：登记报到单位及其党组织', en: 'Register an employer and its Party organisation' },
    description:
      '管理员，或所在社区的召集人（所在社区默认为其本社区）。201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409 code_taken。 / An admin, or the convener of the community where it sits (default: their own). 201 when registered, 200 when repeated unchanged, 409 code_taken when the code has other details.',
    tags,
    roles: ['admin', 'convener'],
    idempotent: true,
    body: {
      schema: employerInput,
      example: {
        code: 'emp-tax-bureau',
        name: '东港市税务局',
        partyOrgName: '东港市税务局机关党支部',
        contactName: '赵主任',
        contactEmail: 'zhao@example.org',
        contactPhone: '0415-7100001',
      },
    },
    responses: {
      201: {
        description: 'Registered',
        schema: servingEmployer,
        links: { GetServingEmployer: { operationId: 'getServingEmployer', parameters: { ref: '$response.body#/id' } } },
      },
      200: { description: 'Already registered with the same details', schema: servingEmployer },
    },
    errors: [400, 403, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/serving/employers',
    operationId: 'listServingEmployers',
    summary: { zh: '报到单位', en: 'Registered employers' },
    description:
      '管理员和联络办公室全部；召集人为其辖区社区所在的单位及有党员在其辖区报到的单位；在职党员为其本单位。 / Admins and the office: all; a convener: those sitting in, or with members in, their communities; a member: their own.',
    tags,
    query: employerListQuery,
    responses: { 200: servingEmployerPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/serving/employers/{ref}',
    operationId: 'getServingEmployer',
    summary: { zh: '单个报到单位', en: 'One employer' },
    tags,
    params: employerRef,
    responses: { 200: servingEmployer },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/serving/employers/{ref}',
    operationId: 'updateServingEmployer',
    summary: { zh: '修改报到单位信息', en: 'Change an employer’s details' },
    description:
      '管理员，或所在社区的召集人（可见者 403）。 / An admin, or the convener of the community where it sits (403 for others who may see it).',
    tags,
    roles: ['admin', 'convener'],
    params: employerRef,
    body: { schema: employerUpdate, example: { contactName: '钱主任', contactEmail: 'qian@example.org' } },
    responses: { 200: servingEmployer },
    errors: [400, 403, 404, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/serving/employers/{ref}',
    operationId: 'removeServingEmployer',
    summary: { zh: '撤销报到单位', en: 'Remove an employer' },
    description:
      '仍有在册党员时为 409 employer_has_members。记录保留。 / 409 employer_has_members while members are registered with it. The record is kept.',
    tags,
    roles: ['admin', 'convener'],
    params: { ref: { schema: employerRef.ref.schema, description: employerRef.ref.description } },
    responses: { 204: { description: 'Removed' } },
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/serving/members',
    operationId: 'registerServingMember',
    summary: {
      zh: '个人报到：登记在职党员（启动其参与义务）',
      en: 'Register an in-service Party member (starts the participation obligation)',
    },
    description:
      '管理员或所在社区的召集人。同一手机号或身份证号已登记为 409 duplicate，消息中指明已有记录的 id 与掩码手机号；社区或单位不存在为 400（communityId / employerId）。 / An admin or the home community’s convener. A phone or ID number already registered is 409 duplicate; the message names the existing record’s id and masked phone. 400 (communityId / employerId) when the community or employer does not exist.',
    tags,
    roles: ['admin', 'convener'],
    idempotent: true,
    body: {
      schema: memberInput,
      example: {
        name: '张伟',
        phone: '13800001234',
        idNumber: '11010519491231002X',
        communityId: 'bihai',
        employerId: 'emp-tax-bureau',
        skills: ['法律咨询'],
        posts: ['policy_promotion', 'conflict_mediation'],
      },
    },
    responses: {
      201: {
        description: 'Registered',
        schema: registeredMember,
        links: { GetServingMember: { operationId: 'getServingMember', parameters: { id: '$response.body#/id' } } },
      },
    },
    errors: [400, 403, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/serving/members',
    operationId: 'listServingMembers',
    summary: { zh: '在职党员名单（手机号、身份证号掩码）', en: 'Registered members (phone and ID masked)' },
    description:
      '管理员和联络办公室全部；召集人（及其上级）其辖区社区的；在职党员只见本人。 / Admins and the office: all; a convener (or one above): their communities’; a member: themselves.',
    tags,
    query: memberListQuery,
    responses: { 200: servingMemberPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/serving/members/{id}',
    operationId: 'getServingMember',
    summary: { zh: '单个在职党员', en: 'One member' },
    description:
      '全号手机仅对管理员和所在社区召集人显示（fullPhone）。 / The full phone (fullPhone) only for an admin or the community’s convener.',
    tags,
    params: memberId,
    responses: { 200: servingMember },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/serving/members/{id}',
    operationId: 'updateServingMember',
    summary: { zh: '修改在职党员信息', en: 'Change a member’s details' },
    description:
      '管理员或所在社区召集人。改为他人已登记的手机号或身份证号为 409 duplicate。 / An admin or the community’s convener. A phone or ID number registered to someone else is 409 duplicate.',
    tags,
    roles: ['admin', 'convener'],
    params: memberId,
    body: { schema: memberUpdate, example: { skills: ['法律咨询', '心理疏导'] } },
    responses: { 200: servingMember },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/serving/members/{id}',
    operationId: 'removeServingMember',
    summary: { zh: '注销在职党员报到（结束参与义务）', en: 'Remove a member (ends the participation obligation)' },
    description: '记录保留。 / The record is kept.',
    tags,
    roles: ['admin', 'convener'],
    params: memberId,
    responses: { 204: { description: 'Removed' } },
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/api/serving/import/employers',
    operationId: 'importServingEmployers',
    summary: { zh: '批量导入报到单位（CSV / XLSX）', en: 'Import employers (CSV / XLSX)' },
    description:
      '管理员；或召集人（每行所在社区须为其本社区）。全部成功或全部不写入；同一文件再次导入不新建；dryRun=true 只检查。 / An admin; or a convener (every row’s community theirs). All or nothing; the same file again creates nothing; dryRun=true only checks. At most 20 MB and 50,000 rows.',
    tags,
    roles: ['admin', 'convener'],
    query: importQuery,
    body: fileBody(
      '单位编码/code, 单位名称/name, 党组织名称/partyOrgName, 联系人/contactName, 联系邮箱/contactEmail, 联系电话/contactPhone, 所在社区/community (社区编码)',
    ),
    responses: importResponses,
    errors: [403, 413, 415],
  },
  {
    method: 'post',
    path: '/api/serving/import/members',
    operationId: 'importServingMembers',
    summary: { zh: '批量导入在职党员（CSV / XLSX）', en: 'Import members (CSV / XLSX)' },
    description:
      '管理员；或召集人（每行所在社区须为其本社区）。工作单位须已报到（先导入单位）。同一手机号或身份证号已登记且内容不同的行被拒绝，并指明已有记录。全部成功或全部不写入；同一文件再次导入不新建，并启动各党员的参与义务；dryRun=true 只检查。 / An admin; or a convener (every row’s community theirs). Employers must be registered first. A row whose phone or ID number is registered with other details is refused, naming the existing record. All or nothing; the same file again creates nothing and starts each member’s participation obligation; dryRun=true only checks.',
    tags,
    roles: ['admin', 'convener'],
    query: importQuery,
    body: fileBody(
      '姓名/name, 手机号/phone, 身份证号/idNumber, 邮箱/email, 所在社区/community (社区编码), 工作单位/employer (单位编码), 特长/skills, 服务岗位/posts, 报到日期/registeredOn',
    ),
    responses: importResponses,
    errors: [403, 413, 415, 503],
  },
];
