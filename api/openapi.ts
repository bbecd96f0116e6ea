/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas: request schemas from
 * api/schemas.ts, response schemas from api/responses.ts. One declaration list of operations
 * (OPERATIONS) is the single source; test/openapi.test.ts checks it against the routes that
 * the Express app really mounts, and `npm run fuzz` checks the running API against it.
 */
import { z } from 'zod';
import { version } from '../package.json';
import { loginInput, ROLES, userInput } from './schemas';
import { CONTRACT_OPERATIONS, CONTRACT_REQUESTS, CONTRACT_TAGS } from './contract';
import * as res from './responses';
import { ERROR_CODES, type ErrorStatus } from './responses';
import {
  agendaItemInput,
  agendaListQuery,
  auditQuery,
  complianceQuery,
  escalationInput,
  escalationRuleInput,
  escalationsQuery,
  extensionInput,
  feedbackInput,
  figuresQuery,
  ledgerQuery,
  listQuery,
  meetingInput,
  overdueQuery,
  plannedInput,
  resolutionInput,
  responseInput,
  ruleInput,
  supervisorInput,
  takeUpInput,
  unitInput,
  unitUpdate,
} from './schemas';
import { UNIT_LEVELS } from '../domain/org';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NDJSON_TYPE = 'application/x-ndjson';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonSchema = Record<string, unknown>;

/** One response: a registered zod schema (JSON body), or a description with optional content. */
export type ResponseSpec =
  | z.ZodType
  | {
      description: string;
      schema?: z.ZodType;
      /** Raw media types → JSON Schema, for non-JSON bodies. */
      content?: Record<string, JsonSchema>;
      headers?: Record<string, { description: string; schema: JsonSchema }>;
      /** OpenAPI links (stateful fuzzing follows them): name → { operationId, parameters }. */
      links?: Record<string, Link>;
    };

/** An OpenAPI link: runtime expressions for the next operation's parameters (and body fields). */
export interface Link {
  operationId: string;
  parameters: Record<string, string>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** OpenAPI style: /api/units/{unitRef} */
  path: string;
  operationId: string;
  summary: { zh: string; en: string };
  description?: string;
  tags: string[];
  /** public: no login (login itself, health, docs). Default: Bearer token or API key. */
  access?: 'public';
  /** Roles allowed (documentation; function-level authorization). Omitted: every logged-in role. */
  roles?: readonly (typeof ROLES)[number][];
  /** Path parameters. */
  params?: Record<string, { schema: z.ZodType; description: string; example?: string }>;
  query?: z.ZodObject;
  /** Idempotency-Key header accepted (JSON POSTs under /api, see api/idempotency.ts). */
  idempotent?: boolean;
  /** JSON body (a schema registered below), or raw media types. */
  body?: { schema: z.ZodType; example?: unknown } | { content: Record<string, JsonSchema>; description: string };
  /** Success responses by status. */
  responses: Record<number, ResponseSpec>;
  /** Error responses: the body is `{error: {code, message, field?}}` with that status's codes. */
  errors: ErrorStatus[];
}

// --- Request schemas that become components --------------------------------------------------

/** Request bodies (io: input — defaults make a field optional). */
export const requestRegistry = z.registry<{ id: string; description?: string }>();

requestRegistry.add(unitInput, { id: 'UnitInput', description: 'parentId or parentCode names the parent unit' });
requestRegistry.add(unitUpdate, {
  id: 'UnitUpdate',
  description: 'An admin may change every field; a convener only convenerPhone, locale and webhookUrl',
});
requestRegistry.add(meetingInput, {
  id: 'MeetingInput',
  description:
    'heldOn: YYYY-MM-DD, not in the future. agendaItems: the items put before the meeting (with a resolution when resolved there); takesUp: ids of items escalated to this unit that the meeting put on its agenda',
});
requestRegistry.add(plannedInput, { id: 'PlannedMeetingInput', description: 'plannedFor: in the future' });
requestRegistry.add(ruleInput, { id: 'CadenceRuleInput' });
requestRegistry.add(supervisorInput, { id: 'SupervisorInput' });
requestRegistry.add(loginInput, { id: 'LoginInput' });
requestRegistry.add(agendaItemInput, { id: 'AgendaItemInput' });
requestRegistry.add(resolutionInput, {
  id: 'ResolutionInput',
  description: 'How the item was resolved at its own level',
});
requestRegistry.add(escalationInput, {
  id: 'EscalationInput',
  description:
    'The written ledger entry (台账): what the matter is, why it cannot be solved at this level and what is asked of the level above. The first hop carries the raising meeting’s minutes; a further hop names the meeting of the unit holding the item (meetingId, else the one that took it up)',
});
requestRegistry.add(takeUpInput, {
  id: 'TakeUpInput',
  description: 'A meeting of the unit the item was escalated to',
});
requestRegistry.add(feedbackInput, {
  id: 'FeedbackInput',
  description: 'scheduled needs handleBy (today or later); declined needs a reason',
});
requestRegistry.add(responseInput, {
  id: 'ResponseInput',
  description:
    'disputed needs a reason; escalateFurther sends the disputed item to the level above the one that answered',
});
requestRegistry.add(extensionInput, {
  id: 'ExtensionInput',
  description: 'answerBy: later than the deadline in force, and not in the past',
});
requestRegistry.add(escalationRuleInput, {
  id: 'EscalationRuleInput',
  description: 'Working days; answerWithinDays at least scheduleWithinDays',
});
requestRegistry.add(userInput, {
  id: 'UserInput',
  description: 'password: at least 12 characters (omit for a machine user that only uses API keys)',
});
for (const [schema, meta] of CONTRACT_REQUESTS) requestRegistry.add(schema, meta);

// --- Shared parameter schemas -----------------------------------------------------------------

const unitRef = {
  unitRef: {
    schema: z.string().min(1).max(200),
    description: '单位 id（UUID）或编码 / The unit’s id (UUID) or code',
    example: 'bihai',
  },
};
const pageQuery = listQuery.pick({ limit: true, offset: true });
const itemId = {
  id: { schema: z.string().min(1).max(200), description: '议题 id（UUID） / The agenda item’s id (UUID)' },
};
const meetingId = {
  meetingId: { schema: z.string().min(1).max(200), description: '会议 id（UUID） / The meeting’s id (UUID)' },
};

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

// --- The operations -------------------------------------------------------------------------

/** Every operation of the API. Paths are OpenAPI style. */
export const OPERATIONS: readonly OperationSpec[] = [
  // Service
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: { zh: '存活检查', en: 'Liveness' },
    tags: ['service'],
    access: 'public',
    responses: { 200: res.health },
    errors: [],
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: { zh: '就绪检查（数据库可用）', en: 'Readiness (the database answers)' },
    tags: ['service'],
    access: 'public',
    responses: { 200: res.ready },
    errors: [503],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: { zh: '本 OpenAPI 3.1 文档', en: 'This OpenAPI 3.1 document' },
    tags: ['service'],
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { type: 'object' } } } },
    errors: [],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    summary: { zh: '交互式 API 文档', en: 'Interactive API documentation' },
    tags: ['service'],
    access: 'public',
    responses: { 200: { description: 'HTML page (Swagger UI)', content: { 'text/html': { type: 'string' } } } },
    errors: [],
  },

  // Access control
  {
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    summary: { zh: '登录，取得令牌', en: 'Log in for a token' },
    description:
      '同一用户名在同一地址连续 5 次未成功后锁定 15 分钟，再次锁定时加倍（429，Retry-After）；其他地址不受影响。 / After 5 attempts without success for a username from one address, that pair is locked for 15 minutes, doubling with each further lockout (429 with Retry-After); other addresses are not affected.',
    tags: ['access'],
    access: 'public',
    body: { schema: loginInput, example: { username: 'admin', password: 'correct horse battery staple' } },
    responses: { 200: res.loginResult },
    errors: [400, 401, 413, 415, 429],
  },
  {
    method: 'get',
    path: '/api/me',
    operationId: 'getMe',
    summary: { zh: '当前用户', en: 'The caller' },
    tags: ['access'],
    responses: { 200: res.user },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/users',
    operationId: 'listUsers',
    summary: { zh: '用户列表', en: 'List users' },
    tags: ['access'],
    roles: ['admin'],
    responses: { 200: res.userList },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/users',
    operationId: 'createUser',
    summary: { zh: '新建用户', en: 'Create a user' },
    description:
      'convener 与 leader 须给出 unitId（leader 为结对社区）。 / A convener or leader needs unitId (a leader: the paired community).',
    tags: ['access'],
    roles: ['admin'],
    idempotent: true,
    body: {
      schema: userInput,
      example: {
        username: 'li.shuji',
        displayName: '李书记',
        password: 'a long passphrase',
        role: 'convener',
        unitId: '0b6f8f3e-0b1a-4c55-9d2e-7d7c2f0c9a11',
      },
    },
    responses: {
      201: {
        description: 'Created',
        schema: res.user,
        links: { CreateApiKey: { operationId: 'createApiKey', parameters: { id: '$response.body#/id' } } },
      },
    },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/users/{id}/api-keys',
    operationId: 'createApiKey',
    summary: { zh: '为用户新建 API 密钥（仅显示一次）', en: 'New API key for a user (shown once)' },
    tags: ['access'],
    roles: ['admin'],
    params: { id: { schema: z.string().min(1), description: '用户 id / The user’s id' } },
    responses: {
      201: {
        description: 'Created',
        schema: res.apiKeyCreated,
        links: {
          RevokeApiKey: {
            operationId: 'revokeApiKey',
            parameters: { id: '$request.path.id', keyId: '$response.body#/id' },
          },
        },
      },
    },
    errors: [400, 404, 422],
  },
  {
    method: 'delete',
    path: '/api/users/{id}/api-keys/{keyId}',
    operationId: 'revokeApiKey',
    summary: { zh: '吊销 API 密钥', en: 'Revoke an API key' },
    tags: ['access'],
    roles: ['admin'],
    params: {
      id: { schema: z.string().min(1), description: '用户 id / The user’s id' },
      keyId: { schema: z.string().min(1), description: '密钥 id / The key’s id' },
    },
    responses: { 204: { description: 'Revoked' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/audit',
    operationId: 'listAuditEvents',
    summary: { zh: '审计记录', en: 'The audit trail' },
    tags: ['access'],
    roles: ['admin', 'supervisor'],
    query: auditQuery,
    responses: { 200: res.auditPage },
    errors: [400],
  },

  // Units
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
      201: { description: 'Created', schema: res.unit, links: unitLinks() },
      200: { description: 'Already registered with the same content', schema: res.unit, links: unitLinks() },
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
        schema: res.unitPage,
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
        schema: res.importSummary,
        content: {
          [NDJSON_TYPE]: {
            type: 'string',
            description:
              'One JSON object per line: {"phase":"received"|"validated"|"registering"|"registered"|"obligations"|"done"|"rejected"|"error", …}',
          },
        },
      },
      400: { description: '导入被拒绝，未写入任何数据 / Rejected: nothing written', schema: res.importRejection },
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
    responses: { 200: res.unit },
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
    responses: { 200: res.unit },
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
    responses: { 200: res.obligationStatus },
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
    responses: { 200: res.unitHistory },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/units/{unitRef}/meetings',
    operationId: 'recordMeeting',
    summary: { zh: '记录会议', en: 'Record a meeting' },
    description:
      '不得记录未来日期；日期落在已结束的周期内则更正该期结果。agendaItems 为本次会议的议题（含 resolution 即本级解决），takesUp 为本会议研究的下级上移议题（不在本单位待议清单中为 400）。预约会议已记录为召开时为 409。 / A future date is refused; a date in a closed period corrects that period. agendaItems are the items raised at the meeting (with a resolution when resolved there); takesUp the items escalated to this unit that the meeting put on its agenda (400 when one is not in its queue). 409 when the planned meeting was recorded already.',
    tags: ['meetings'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: meetingInput,
      example: {
        heldOn: '2026-11-02',
        kind: 'regular',
        attendees: ['李书记', '张委员'],
        minutes: '研究停车治理与加装电梯两项议题',
        agendaItems: [
          { title: '小区停车位不足', raisedBy: '张委员', category: '停车治理', resolution: '协调物业夜间开放地面车位' },
          { title: '老旧楼加装电梯资金缺口', raisedBy: '王居民', category: '老旧小区改造' },
        ],
      },
    },
    responses: {
      201: {
        description: 'Recorded',
        schema: res.recordedMeeting,
        links: {
          CreateAgendaItem: { operationId: 'createAgendaItem', parameters: { meetingId: '$response.body#/id' } },
        },
      },
    },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/meetings',
    operationId: 'listMeetings',
    summary: { zh: '会议记录', en: 'The unit’s meetings' },
    tags: ['meetings'],
    params: unitRef,
    responses: {
      200: {
        description: 'OK',
        schema: res.meetingList,
        links: {
          CreateAgendaItem: {
            operationId: 'createAgendaItem',
            parameters: { meetingId: '$response.body#/items/0/id' },
          },
        },
      },
    },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/units/{unitRef}/planned-meetings',
    operationId: 'planMeeting',
    summary: { zh: '预约会议（发送含 .ics 的邀请）', en: 'Plan a meeting (invitations with .ics)' },
    tags: ['meetings'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: plannedInput,
      example: {
        plannedFor: '2027-03-10T09:30:00+08:00',
        place: '碧海社区党群服务中心',
        invitees: [{ name: '张委员', email: 'zhang@example.org' }],
      },
    },
    responses: { 201: res.plannedMeeting },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/planned-meetings',
    operationId: 'listPlannedMeetings',
    summary: { zh: '预约的会议', en: 'The unit’s planned meetings' },
    tags: ['meetings'],
    params: unitRef,
    responses: { 200: res.plannedMeetingList },
    errors: [404],
  },

  // Agenda items and escalation
  {
    method: 'get',
    path: '/api/agenda-items',
    operationId: 'listAgendaItems',
    summary: { zh: '议题台账（或某单位的待办清单）', en: 'The agenda register (or a unit’s queue)' },
    description:
      'unitId：该单位提出的议题；currentUnitId：该单位当前须办理的议题（下级上移来的）。只列出调用者可见的议题，新提出的在前。 / unitId: the items a unit raised; currentUnitId: the items a unit must act on now (those escalated to it). Only items the caller may see, newest first.',
    tags: ['agenda'],
    query: agendaListQuery,
    responses: { 200: res.agendaItemPage },
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
    responses: { 201: { description: 'Raised', schema: res.agendaItem, links: itemLinks() } },
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
      200: { description: 'The item', schema: res.agendaItem, links: itemLinks('getAgendaItem') },
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
    responses: { 200: res.escalationStatus },
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
    responses: { 200: { description: 'Resolved', schema: res.agendaItem, links: itemLinks() } },
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
      201: { description: 'Escalated', schema: res.changedAgendaItem, links: itemLinks() },
      200: { description: 'Already escalated with the same entry', schema: res.agendaItem, links: itemLinks() },
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
    responses: { 200: { description: 'Taken up', schema: res.changedAgendaItem, links: itemLinks() } },
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
      201: { description: 'Answered', schema: res.changedAgendaItem, links: itemLinks() },
      200: { description: 'Already answered the same in this round', schema: res.agendaItem, links: itemLinks() },
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
    responses: { 200: { description: 'Recorded', schema: res.respondedAgendaItem, links: itemLinks() } },
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
      201: { description: 'Extended', schema: res.extendedAgendaItem, links: itemLinks() },
      200: { description: 'Already extended to that date', schema: res.extendedAgendaItem, links: itemLinks() },
    },
    errors: [400, 404, 409, 413, 415, 422],
  },

  // Cadence rules
  {
    method: 'get',
    path: '/api/cadence-rules',
    operationId: 'listCadenceRules',
    summary: { zh: '各层级会议频次规则', en: 'Cadence rules per level' },
    tags: ['rules'],
    responses: { 200: res.cadenceRuleList },
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
    responses: { 200: res.savedCadenceRule },
    errors: [400, 413, 415],
  },
  {
    method: 'get',
    path: '/api/escalation-rules',
    operationId: 'listEscalationRules',
    summary: { zh: '各层级议题上移的办理期限规则', en: 'Escalation deadline rules per receiving level' },
    tags: ['rules'],
    responses: { 200: res.escalationRuleList },
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
    responses: { 200: res.savedEscalationRule },
    errors: [400, 413, 415],
  },

  // Liaison office
  {
    method: 'get',
    path: '/api/supervisors',
    operationId: 'listSupervisors',
    summary: { zh: '联络办公室成员', en: 'Members of the liaison office' },
    tags: ['supervision'],
    roles: ['admin', 'supervisor'],
    responses: { 200: res.supervisorList },
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
        schema: res.supervisor,
        links: { RemoveSupervisor: { operationId: 'removeSupervisor', parameters: { id: '$response.body#/id' } } },
      },
      200: { description: 'Updated', schema: res.supervisor },
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
    responses: { 200: res.overduePage },
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
    responses: { 200: res.compliancePage },
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
    responses: { 200: res.escalationPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/figures',
    operationId: 'getFigures',
    summary: {
      zh: '各层级议题统计（召开会议、本级解决、上移、答复、逾期）',
      en: 'Figures per level: meetings, items, escalated, answered, overdue',
    },
    description:
      'period 缺省为本年；只统计调用者可见的单位。 / period defaults to the current year; only the units the caller may see count.',
    tags: ['supervision'],
    query: figuresQuery,
    responses: { 200: res.figures },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/figures.xlsx',
    operationId: 'exportFigures',
    summary: { zh: '导出议题统计与台账（Excel）', en: 'Export the figures and the item register (Excel)' },
    description: '两个工作表：统计、议题台账。 / Two sheets: the figures and the register of every item of the period.',
    tags: ['supervision'],
    query: figuresQuery,
    responses: {
      200: {
        description: 'XLSX workbook',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="agenda-ledger-<period>.xlsx"',
            schema: { type: 'string' },
          },
        },
        content: { [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE } },
      },
    },
    errors: [400],
  },

  // Notifications
  {
    method: 'get',
    path: '/api/notifications',
    operationId: 'listNotifications',
    summary: { zh: '通知台账（督办回执）', en: 'The notification ledger (receipts)' },
    tags: ['notifications'],
    query: ledgerQuery,
    responses: { 200: res.notificationPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/mail-sink/messages',
    operationId: 'listCapturedMail',
    summary: {
      zh: '本地邮件接收器收到的邮件（仅内嵌模式）',
      en: 'Mail captured by the local sink (embedded mode only)',
    },
    tags: ['notifications'],
    roles: ['admin'],
    responses: { 200: res.mailMessageList },
    errors: [404],
  },
  ...CONTRACT_OPERATIONS,
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

const TAGS = [
  { name: 'service', description: '服务与文档 / Service and documentation' },
  { name: 'access', description: '登录、用户、API 密钥与审计 / Login, users, API keys and the audit trail' },
  { name: 'units', description: '组织树中的单位及其会议义务 / Units of the organisation tree and their obligation' },
  { name: 'meetings', description: '会议记录与预约 / Meetings recorded and planned' },
  { name: 'agenda', description: '议题与上移 / Agenda items and escalation' },
  {
    name: 'rules',
    description: '会议频次与议题上移期限规则（规则即数据） / Cadence and escalation deadline rules (rules are data)',
  },
  {
    name: 'supervision',
    description:
      '联络办公室：成员、逾期、达标率、上移督办与统计 / Liaison office: members, overdue, compliance, escalations and figures',
  },
  { name: 'notifications', description: '通知台账与本地邮件 / The notification ledger and captured mail' },
  ...CONTRACT_TAGS,
];

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: '输入无效（field 指明字段） / Invalid input (field names it)',
  401: '未登录或凭据无效 / Not logged in, or the credentials are not valid',
  403: '该角色无权执行此操作 / The caller’s role may not do this',
  404: '不存在或不在调用者的范围内 / Not found, or outside the caller’s scope',
  409: '与现有数据冲突 / Conflicts with the record',
  413: '请求体过大 / Request body too large',
  415: '不支持的媒体类型或字符集 / Unsupported media type or charset',
  422: 'Idempotency-Key 已用于不同的请求 / Idempotency-Key already used with a different request',
  429: '请求过多，请按 Retry-After 稍后再试 / Too many requests: retry after Retry-After seconds',
  500: '内部错误 / Internal error',
  503: '暂不可用，请稍后重试 / Temporarily unavailable: retry later',
};

// --- Building the document ------------------------------------------------------------------

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;
const TARGET = 'draft-2020-12' as const;

/** A component or parameter schema without the standalone-document keys zod adds. */
function strip(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  delete rest.$id;
  return rest;
}

function refTo(registry: typeof requestRegistry, schema: z.ZodType, what: string): JsonSchema {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error(`${what}: the schema is not registered as a component`);
  return { $ref: SCHEMA_REF(id) };
}

function parameters(op: OperationSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [name, p] of Object.entries(op.params ?? {})) {
    out.push({
      name,
      in: 'path',
      required: true,
      description: p.description,
      schema: strip(z.toJSONSchema(p.schema, { target: TARGET, io: 'input' })),
      ...(p.example !== undefined ? { example: p.example } : {}),
    });
  }
  if (op.query) {
    const schema = z.toJSONSchema(op.query, { target: TARGET, io: 'input' }) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const { description, ...propSchema } = prop;
      out.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        ...(typeof description === 'string' ? { description } : {}),
        schema: propSchema,
      });
    }
  }
  if (op.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        '重复提交同一请求只生效一次，返回首次的结果 / A repeated request with the same key gets the first response again and writes nothing twice',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  }
  return out;
}

function requestBody(op: OperationSpec): JsonSchema | undefined {
  if (!op.body) return undefined;
  if ('content' in op.body) {
    return {
      required: true,
      description: op.body.description,
      content: Object.fromEntries(Object.entries(op.body.content).map(([type, schema]) => [type, { schema }])),
    };
  }
  return {
    required: true,
    content: {
      'application/json': {
        schema: refTo(requestRegistry, op.body.schema, `${op.operationId} body`),
        ...(op.body.example !== undefined ? { example: op.body.example } : {}),
      },
    },
  };
}

function response(op: OperationSpec, status: number, spec: ResponseSpec): JsonSchema {
  const where = `${op.operationId} ${status}`;
  if (spec instanceof z.ZodType) {
    return {
      description: res.responseRegistry.get(spec)?.description ?? 'OK',
      content: { 'application/json': { schema: refTo(res.responseRegistry, spec, where) } },
    };
  }
  const content: Record<string, { schema: JsonSchema }> = {};
  if (spec.schema) content['application/json'] = { schema: refTo(res.responseRegistry, spec.schema, where) };
  for (const [type, schema] of Object.entries(spec.content ?? {})) content[type] = { schema };
  return {
    description: spec.description,
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(Object.keys(content).length ? { content } : {}),
    ...(spec.links ? { links: spec.links } : {}),
  };
}

function errorResponse(status: ErrorStatus): JsonSchema {
  return {
    description: `${ERROR_DESCRIPTIONS[status]} (code: ${ERROR_CODES[status].join(' | ')})`,
    ...(status === 429 || status === 503
      ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 0 } } } }
      : {}),
    content: { 'application/json': { schema: { $ref: SCHEMA_REF(`Error${status}`) } } },
  };
}

function operation(op: OperationSpec): JsonSchema {
  const errors = new Set<ErrorStatus>(op.errors);
  if (op.access !== 'public') errors.add(401);
  if (op.access !== 'public') errors.add(503); // the login's user lookup already needs the database
  if (op.params) errors.add(400); // a path parameter that is not valid percent-encoding
  if (op.roles) errors.add(403);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = response(op, Number(status), spec);
  for (const status of [...errors].sort((a, b) => a - b)) {
    if (!responses[status]) responses[status] = errorResponse(status);
  }
  const roles = op.roles
    ? `角色 / Roles: ${op.roles.join(', ')}.`
    : op.access === 'public'
      ? '无需登录 / No login needed.'
      : '任何已登录用户 / Any logged-in user.';
  const params = parameters(op);
  const body = requestBody(op);
  return {
    operationId: op.operationId,
    summary: `${op.summary.zh} / ${op.summary.en}`,
    description: [op.description, roles].filter(Boolean).join('\n\n'),
    tags: op.tags,
    ...(op.access === 'public' ? { security: [] } : {}),
    ...(op.roles ? { 'x-roles': op.roles } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

function components(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const add = (schemas: Record<string, JsonSchema>) => {
    for (const [id, schema] of Object.entries(schemas)) {
      if (out[id]) throw new Error(`Schema component ${id} is defined twice`);
      out[id] = strip(schema);
    }
  };
  add(z.toJSONSchema(requestRegistry, { target: TARGET, io: 'input', uri: SCHEMA_REF }).schemas);
  add(z.toJSONSchema(res.responseRegistry, { target: TARGET, io: 'output', uri: SCHEMA_REF }).schemas);
  return out;
}

/** The OpenAPI 3.1 document (a plain JSON object). */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const ids = new Set<string>();
  for (const op of OPERATIONS) {
    if (ids.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is declared twice`);
    item[op.method] = operation(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '东港“一轴三联三进”联席会议服务 API / Donggang joint-meeting service API',
      version,
      description: [
        '东港市“一轴三联三进”机制的联席会议、会议义务与督办服务。 / The joint meetings, meeting obligations and supervision of Donggang’s one axis, three links, three entries mechanism.',
        '',
        '认证 / Authentication: `POST /api/auth/login` 取得令牌后发送 `Authorization: Bearer <token>`，或使用 `X-API-Key: <key>`。 / Log in for a token and send `Authorization: Bearer <token>`, or send an API key as `X-API-Key`.',
        '',
        '错误均为 JSON / Every error is JSON: `{"error": {"code", "message", "field"}}` — `code` 稳定，可供程序判断 / the code is stable; the message is for people; field names the invalid input.',
      ].join('\n'),
    },
    servers: [{ url: '/' }],
    tags: TAGS,
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }],
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: '登录令牌（POST /api/auth/login） / Login token from POST /api/auth/login',
        },
        apiKeyAuth: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: '机器客户端的 API 密钥 / API key of a machine client (POST /api/users/{id}/api-keys)',
        },
      },
    },
  };
}
