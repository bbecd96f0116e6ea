/** Units of the organisation tree, their import and their meeting obligation (api/routes/units.ts, api/routes/imports.ts). */
import { z } from 'zod';
import {
  count,
  id,
  importRejection,
  instant,
  level,
  listQuery,
  locale,
  localDate,
  pageFields,
  pageQuery,
  unitRef,
} from './common';
import {
  component,
  CSV_TYPE,
  type JsonSchema,
  type Link,
  NDJSON_TYPE,
  type OperationSpec,
  type RequestComponent,
  XLSX_TYPE,
} from './types';
import { UNIT_LEVELS } from '../../domain/org';

export const unitFields = {
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Lowercase letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  level: z.enum(UNIT_LEVELS),
  convenerName: z.string().trim().min(1).max(100),
  convenerEmail: z.email(),
  convenerPhone: z
    .string()
    .regex(/^\+?[0-9 -]{5,20}$/, 'A phone number')
    .optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
};

export const unitInput = z.object({
  ...unitFields,
  parentId: z.string().min(1).optional(),
  parentCode: z.string().min(1).optional(),
});

export const unitUpdate = z
  .object({
    name: unitFields.name,
    convenerName: unitFields.convenerName,
    convenerEmail: unitFields.convenerEmail,
    convenerPhone: unitFields.convenerPhone.unwrap().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    webhookUrl: unitFields.webhookUrl.unwrap().nullable(),
  })
  .partial()
  .strict();

/** What a convener may change of their own unit: contact settings, not who the convener is. */
export const convenerUnitUpdate = unitUpdate.pick({ convenerPhone: true, locale: true, webhookUrl: true }).strict();

// --- Units, meetings, obligation --------------------------------------------------------------

export const unit = component(
  'Unit',
  z.object({
    id,
    code: z.string(),
    name: z.string(),
    level,
    parentId: id.nullable(),
    streetId: id.nullable().describe('The street the unit lies in (itself for a street)'),
    convenerName: z.string(),
    convenerEmail: z.string(),
    convenerPhone: z.string().nullable(),
    locale,
    webhookUrl: z.string().nullable(),
    createdAt: instant,
    obligationWorkflowId: z.string().describe('Temporal workflow id: meeting-cadence:<unit id>'),
  }),
);

export const unitPage = component('UnitPage', z.object({ items: z.array(unit), ...pageFields }));

export const obligationStatus = component(
  'ObligationStatus',
  z.object({
    workflowId: z.string(),
    unitId: id,
    state: z
      .enum(['starting', 'watching', 'ended'])
      .describe('starting: the period is not planned yet; ended: the unit was removed'),
    periodKey: z.string(),
    dueDate: z.union([localDate, z.literal('')]).describe('The period’s last working day; empty while starting'),
    meetingsHeld: count,
    minMeetings: count,
    outcome: z.enum(['met', 'overdue']).nullable(),
    nextNotice: z
      .object({ step: z.string().describe('reminder-<n>, overdue or overdue-supervisors'), at: instant })
      .nullable(),
  }),
);

export const unitHistory = component(
  'UnitHistory',
  z.object({
    unit,
    periods: z.array(
      z.object({
        /** The unit's meeting obligation, or a paired leader's visits (a community's record holds both). */
        obligation: z.enum(['meeting', 'leader-visit']),
        leader: z.object({ id: z.string(), name: z.string() }).nullable(),
        periodKey: z.string(),
        dueDate: localDate,
        status: z.enum(['met', 'overdue']),
        meetingsHeld: count,
        closedAt: instant,
        correctedAt: instant.nullable(),
        notices: z.array(
          z.object({
            step: z.string(),
            recipient: z.string(),
            channel: z.string(),
            status: z.string(),
            sentAt: instant.nullable(),
          }),
        ),
      }),
    ),
    ...pageFields,
  }),
);

// --- Import ----------------------------------------------------------------------------------

export const importSummary = component(
  'ImportSummary',
  z.object({ created: count, unchanged: count, total: count }),
  'All units registered (created) or already there unchanged; the same file again creates nothing',
);

const csvSchema: JsonSchema = {
  type: 'string',
  description:
    'UTF-8 CSV (BOM optional; `; charset=gbk` honoured). Header row: 编码/code, 名称/name, 层级/level, 上级编码/parentCode, 召集人/convenerName, 召集人邮箱/convenerEmail, 召集人电话/convenerPhone, …',
};
const xlsxSchema: JsonSchema = {
  type: 'string',
  contentMediaType: XLSX_TYPE,
  description: 'First sheet; same columns',
};

export const unitsOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/units',
    operationId: 'createUnit',
    summary: { zh: '登记单位（启动其会议义务）', en: 'Register a unit (starts its meeting obligation)' },
    description:
      '201 新建；相同内容重复提交为 200；编码已被不同内容占用为 409。 / 201 when created, 200 when repeated with the same content, 409 when the code is taken.',
    tags: ['units'],
    roles: ['admin'],
    idempotent: true,
    body: {
      schema: unitInput,
      example: {
        code: 'bihai',
        name: '碧海社区',
        level: 'community',
        parentCode: 'gangbei',
        convenerName: '李书记',
        convenerEmail: 'li@example.org',
      },
    },
    responses: {
      201: { description: 'Created', schema: unit, links: unitLinks() },
      200: { description: 'Already registered with the same content', schema: unit, links: unitLinks() },
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/units',
    operationId: 'listUnits',
    summary: { zh: '单位列表', en: 'List units' },
    description: '只列出调用者可见的单位。 / Only the units the caller may see.',
    tags: ['units'],
    query: listQuery,
    responses: {
      200: {
        description: 'OK',
        schema: unitPage,
        links: {
          RecordMeeting: { operationId: 'recordMeeting', parameters: { unitRef: '$response.body#/items/0/id' } },
          ListMeetings: { operationId: 'listMeetings', parameters: { unitRef: '$response.body#/items/0/id' } },
        },
      },
    },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/units/import',
    operationId: 'importUnits',
    summary: { zh: '批量导入单位（CSV / XLSX）', en: 'Bulk import of units (CSV / XLSX)' },
    description:
      '全部成功或全部不写入；同一文件再次导入不新建。`Accept: application/x-ndjson` 时以进度行流式返回，最后一行为结果。 / All or nothing; the same file again creates nothing. With `Accept: application/x-ndjson` the answer streams progress lines, the last being the outcome. At most 20 MB and 50,000 rows.',
    tags: ['units'],
    roles: ['admin'],
    body: {
      description: 'The file itself as the body',
      content: { [CSV_TYPE]: csvSchema, [XLSX_TYPE]: xlsxSchema },
    },
    responses: {
      200: {
        description: 'Imported',
        schema: importSummary,
        content: {
          [NDJSON_TYPE]: {
            type: 'string',
            description:
              'One JSON object per line: {"phase":"received"|"validated"|"registering"|"registered"|"obligations"|"done"|"rejected"|"error", …}',
          },
        },
      },
      400: { description: '导入被拒绝，未写入任何数据 / Rejected: nothing written', schema: importRejection },
    },
    errors: [413, 415, 503],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}',
    operationId: 'getUnit',
    summary: { zh: '单个单位', en: 'One unit' },
    tags: ['units'],
    params: unitRef,
    responses: { 200: unit },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/units/{unitRef}',
    operationId: 'updateUnit',
    summary: { zh: '修改单位名称和召集人信息', en: 'Change the name and convener details' },
    description:
      '层级与上级不可改。管理员可改全部字段，召集人只能改本单位的联系设置。 / Level and parent are fixed. An admin may change every field; the unit’s convener only its contact settings.',
    tags: ['units'],
    params: unitRef,
    body: { schema: unitUpdate, example: { convenerName: '王书记', convenerEmail: 'wang@example.org' } },
    responses: { 200: unit },
    errors: [400, 403, 404, 413, 415],
  },
  {
    method: 'delete',
    path: '/api/units/{unitRef}',
    operationId: 'removeUnit',
    summary: { zh: '撤销单位（结束其会议义务）', en: 'Remove a unit (ends its meeting obligation)' },
    tags: ['units'],
    roles: ['admin'],
    // No example: the other operations' example unit (bihai) must outlive an examples run.
    params: { unitRef: { schema: unitRef.unitRef.schema, description: unitRef.unitRef.description } },
    responses: { 204: { description: 'Removed' } },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/obligation',
    operationId: 'getObligation',
    summary: { zh: '本期会议义务状态', en: 'The current period of the meeting obligation' },
    tags: ['units'],
    params: unitRef,
    responses: { 200: obligationStatus },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/history',
    operationId: 'getUnitHistory',
    summary: { zh: '历期结果与通知回执', en: 'Closed periods and the notices sent' },
    tags: ['units'],
    params: unitRef,
    query: pageQuery,
    responses: { 200: unitHistory },
    errors: [400, 404],
  },
];

/** After a unit is registered: what can be done with it (stateful fuzzing follows these). */
function unitLinks(): Record<string, Link> {
  const ops = [
    'getUnit',
    'updateUnit',
    'getObligation',
    'getUnitHistory',
    'recordMeeting',
    'listMeetings',
    'planMeeting',
    'listPlannedMeetings',
    'removeUnit',
  ];
  return Object.fromEntries(
    ops.map((operationId) => [
      operationId[0]!.toUpperCase() + operationId.slice(1),
      { operationId, parameters: { unitRef: '$response.body#/id' } },
    ]),
  );
}

/** The request bodies of this area that become components. */
export const unitsRequests: RequestComponent[] = [
  [unitInput, { id: 'UnitInput', description: 'parentId or parentCode names the parent unit' }],
  [
    unitUpdate,
    {
      id: 'UnitUpdate',
      description: 'An admin may change every field; a convener only convenerPhone, locale and webhookUrl',
    },
  ],
];

/** The tag of these operations. */
export const unitsTag = {
  name: 'units',
  description: '组织树中的单位及其会议义务 / Units of the organisation tree and their obligation',
};
