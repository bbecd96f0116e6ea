/** A user as the API answers it (api/auth.ts). */
import type { User } from '@prisma/client';
import type { z } from 'zod';
import type { user } from '../contract/access';

export function userView(u: User): z.infer<typeof user> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    leaderId: u.leaderId,
    departmentId: u.departmentId,
    disabled: !!u.disabledAt,
    mustChangePassword: u.mustChangePassword,
  };
}
