/**
 * The OpenAPI description of off-boarding (api/auth.ts): changing one's own password, and the
 * admin's disable / enable and temporary password. api/contract/index.ts lists the area.
 */
import { z } from 'zod';
import { loginResult, user } from './access';
import type { OperationSpec, RequestComponent } from './types';

const newPassword = z.string().min(12, '至少 12 个字符 / At least 12 characters').max(200);

/** Change one's own password: the current one is required. */
export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: '新密码须与当前密码不同 / The new password must differ from the current one',
  });

/** An admin sets a temporary password: the user must change it at their next login. */
export const temporaryPasswordInput = z.object({ temporaryPassword: newPassword }).strict();

const userId = { id: { schema: z.string().min(1), description: '用户 id / The user’s id' } };

export const usersRequests: RequestComponent[] = [
  [
    passwordChangeInput,
    { id: 'PasswordChangeInput', description: 'newPassword: at least 12 characters, not the current one' },
  ],
  [temporaryPasswordInput, { id: 'TemporaryPasswordInput', description: 'At least 12 characters' }],
];

export const usersOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/me/password',
    operationId: 'changeOwnPassword',
    summary: { zh: '修改自己的密码', en: 'Change one’s own password' },
    description:
      '须提供当前密码；成功后该用户此前的所有令牌失效，返回新令牌。临时密码的用户登录后只能先调用此接口。 / The current password is required; every token issued before ends, and a new one is returned. A user with a temporary password may call nothing else first.',
    tags: ['access'],
    idempotent: true,
    body: {
      schema: passwordChangeInput,
      example: { currentPassword: 'the old passphrase', newPassword: 'a new long passphrase' },
    },
    responses: { 200: { description: 'Changed', schema: loginResult } },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/users/{id}/disable',
    operationId: 'disableUser',
    summary: { zh: '停用用户（立即结束其所有会话）', en: 'Disable a user (every session ends at once)' },
    description:
      '其令牌与 API 密钥立即失效；不能停用自己。 / Their tokens and API keys stop working at once; an admin cannot disable themself.',
    tags: ['access'],
    roles: ['admin'],
    idempotent: true,
    params: userId,
    responses: { 200: { description: 'Disabled', schema: user } },
    errors: [400, 404, 422],
  },
  {
    method: 'post',
    path: '/api/users/{id}/enable',
    operationId: 'enableUser',
    summary: { zh: '重新启用用户', en: 'Enable a user again' },
    tags: ['access'],
    roles: ['admin'],
    idempotent: true,
    params: userId,
    responses: { 200: { description: 'Enabled', schema: user } },
    errors: [404, 422],
  },
  {
    method: 'post',
    path: '/api/users/{id}/temporary-password',
    operationId: 'setTemporaryPassword',
    summary: { zh: '设置临时密码（下次登录须修改）', en: 'Set a temporary password (to be changed at the next login)' },
    description:
      '该用户此前的所有令牌失效；登录后须先修改密码。 / Every token issued before ends; after logging in the user must change the password first.',
    tags: ['access'],
    roles: ['admin'],
    idempotent: true,
    params: userId,
    body: { schema: temporaryPasswordInput, example: { temporaryPassword: 'a temporary passphrase' } },
    responses: { 200: { description: 'Set', schema: user } },
    errors: [400, 404, 413, 415, 422],
  },
];
