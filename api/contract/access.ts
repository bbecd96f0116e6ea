/** Access control: login, who am I, users and their API keys (schemas and operations). */
import { z } from 'zod';
import { id, instant, ROLES } from './common';
import { component, type OperationSpec, type RequestComponent } from './types';

export const loginInput = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();

export const userInput = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'Lowercase letters, digits, dot, dash, underscore; 2 to 63'),
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(12, 'At least 12 characters').max(200).optional(),
    role: z.enum(ROLES),
    unitId: z.uuid().optional(),
    /** leader: the leader this user is (their unit becomes the paired community). */
    leaderId: z.uuid().optional(),
    /** department: the department this user acts for. */
    departmentId: z.uuid().optional(),
    /** member: the in-service Party member this user is (their own service card). */
    servingMemberId: z.uuid().optional(),
  })
  .strict();

// --- Access control --------------------------------------------------------------------------

export const user = component(
  'User',
  z.object({
    id,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unitId: id.nullable().describe('convener: their unit; leader: their paired community'),
    leaderId: id.nullable().describe('leader: the leader this user is'),
    departmentId: id.nullable().describe('department: the department this user acts for'),
    servingMemberId: id.nullable().describe('member: the in-service Party member this user is'),
    disabled: z.boolean(),
    mustChangePassword: z
      .boolean()
      .describe('A temporary password set by an admin: POST /api/me/password before anything else'),
  }),
);

export const userList = component('UserList', z.object({ items: z.array(user) }));

export const loginResult = component(
  'LoginResult',
  z.object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`'),
    expiresAt: instant,
    user,
  }),
);

export const apiKeyCreated = component(
  'ApiKeyCreated',
  z.object({
    id,
    key: z.string().describe('Shown once: send as `X-API-Key: <key>`; only a digest is kept'),
    prefix: z.string().describe('The key’s first characters, to recognise it'),
  }),
);

export const accessOperations: OperationSpec[] = [
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
    responses: { 200: loginResult },
    errors: [400, 401, 413, 415, 429],
  },
  {
    method: 'get',
    path: '/api/me',
    operationId: 'getMe',
    summary: { zh: '当前用户', en: 'The caller' },
    tags: ['access'],
    responses: { 200: user },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/users',
    operationId: 'listUsers',
    summary: { zh: '用户列表', en: 'List users' },
    tags: ['access'],
    roles: ['admin'],
    responses: { 200: userList },
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
        schema: user,
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
        schema: apiKeyCreated,
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
];

/** The request bodies of this area that become components. */
export const accessRequests: RequestComponent[] = [
  [loginInput, { id: 'LoginInput' }],
  [
    userInput,
    {
      id: 'UserInput',
      description: 'password: at least 12 characters (omit for a machine user that only uses API keys)',
    },
  ],
];

/** The tag of these operations. */
export const accessTag = {
  name: 'access',
  description: '登录、用户、API 密钥与审计 / Login, users, API keys and the audit trail',
};
