/** A user as the API answers it: the fields the audit trail keeps of a user (records/users.ts). */
import type { User } from '@prisma/client';
import type { z } from 'zod';
import type { user } from '../contract/access';
import { userAuditView } from '../../records/users';

export function userView(u: User): z.infer<typeof user> {
  return userAuditView(u);
}
