/**
 * The OpenAPI 3.1 document of the API, ASSEMBLED from the contract (api/contract/): each area's
 * operations, request and response schemas and tag. Nothing here describes an operation;
 * test/openapi.test.ts checks the contract against the routes that the Express app really
 * mounts, and `npm run fuzz` checks the running API against the document.
 */
import { z } from 'zod';
import { version } from '../package.json';
import { CONTRACT_OPERATIONS, CONTRACT_TAGS } from './contract';
import { ERROR_CODES, type ErrorStatus } from './contract/common';
import {
  type ComponentRegistry,
  type JsonSchema,
  type OperationSpec,
  requestRegistry,
  type ResponseSpec,
  responseRegistry,
} from './contract/types';

/** The registries the document's components come from (a what-if document may pass copies). */
export interface DocumentRegistries {
  requests: ComponentRegistry;
  responses: ComponentRegistry;
}

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: '输入无效（field 指明字段） / Invalid input (field names it)',
  401: '未登录或凭据无效 / Not logged in, or the credentials are not valid',
  403: '该角色无权执行此操作 / The caller’s role may not do this',
  404: '不存在或不在调用者的范围内 / Not found, or outside the caller’s scope',
  409: '与现有数据冲突 / Conflicts with the record',
  410: '链接已使用或已过期 / The link was used already or has expired',
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

function refTo(registry: ComponentRegistry, schema: z.ZodType, what: string): JsonSchema {
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

function requestBody(op: OperationSpec, reg: DocumentRegistries): JsonSchema | undefined {
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
        schema: refTo(reg.requests, op.body.schema, `${op.operationId} body`),
        ...(op.body.example !== undefined ? { example: op.body.example } : {}),
      },
    },
  };
}

function response(op: OperationSpec, status: number, spec: ResponseSpec, reg: DocumentRegistries): JsonSchema {
  const where = `${op.operationId} ${status}`;
  if (spec instanceof z.ZodType) {
    return {
      description: reg.responses.get(spec)?.description ?? 'OK',
      content: { 'application/json': { schema: refTo(reg.responses, spec, where) } },
    };
  }
  const content: Record<string, { schema: JsonSchema }> = {};
  if (spec.schema) content['application/json'] = { schema: refTo(reg.responses, spec.schema, where) };
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

function operation(op: OperationSpec, reg: DocumentRegistries): JsonSchema {
  const errors = new Set<ErrorStatus>(op.errors);
  if (op.access !== 'public') errors.add(401);
  if (op.access !== 'public') errors.add(503); // the login's user lookup already needs the database
  if (op.params) errors.add(400); // a path parameter that is not valid percent-encoding
  if (op.roles) errors.add(403);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(op.responses))
    responses[status] = response(op, Number(status), spec, reg);
  for (const status of [...errors].sort((a, b) => a - b)) {
    if (!responses[status]) responses[status] = errorResponse(status);
  }
  const roles = op.roles
    ? `角色 / Roles: ${op.roles.join(', ')}.`
    : op.access === 'public'
      ? '无需登录 / No login needed.'
      : '任何已登录用户 / Any logged-in user.';
  const params = parameters(op);
  const body = requestBody(op, reg);
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

/**
 * The schema components, by id in code-point order: the schemas register themselves when their
 * contract file is loaded, and which is loaded first depends on the program (the app, a script,
 * a test), not on the contract; sorted, the same contract gives the same document everywhere.
 */
function components(reg: DocumentRegistries): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const add = (schemas: Record<string, JsonSchema>) => {
    for (const [id, schema] of Object.entries(schemas)) {
      if (out[id]) throw new Error(`Schema component ${id} is defined twice`);
      out[id] = strip(schema);
    }
  };
  add(z.toJSONSchema(reg.requests, { target: TARGET, io: 'input', uri: SCHEMA_REF }).schemas);
  add(z.toJSONSchema(reg.responses, { target: TARGET, io: 'output', uri: SCHEMA_REF }).schemas);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The OpenAPI 3.1 document (a plain JSON object) of the contract's operations; a what-if
 * document (test/contract.test.ts) passes other operations and registries.
 */
export function buildOpenApiDocument(
  operations: readonly OperationSpec[] = CONTRACT_OPERATIONS,
  registries: DocumentRegistries = { requests: requestRegistry, responses: responseRegistry },
): Record<string, unknown> {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const ids = new Set<string>();
  for (const op of operations) {
    if (ids.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is declared twice`);
    item[op.method] = operation(op, registries);
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
    tags: CONTRACT_TAGS,
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }],
    paths,
    components: {
      schemas: components(registries),
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
