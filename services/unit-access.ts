/**
 * A unit as the caller may see it, by id or by code: removed units and units outside the caller's
 * scope are not found; to write, it must be the caller's own unit (or the caller an admin). Every act
 * on a unit starts here.
 */
import type { PrismaClient, Unit } from '@prisma/client';
import { canRead, canWrite, type Caller, isRecordId } from '../records/scope';
import { ServiceError } from './errors';

export interface UnitAccess {
  /** 'write' also requires the caller to be the unit's convener or an admin. */
  mode?: 'read' | 'write';
  /** The 403 message when writing is forbidden (default: English, naming the unit's code). */
  forbidden?: (unit: Unit) => string;
}

export async function unitInScope(
  prisma: PrismaClient,
  caller: Caller,
  ref: string,
  { mode = 'read', forbidden }: UnitAccess = {},
): Promise<Unit> {
  const unit = await prisma.unit.findFirst({
    where: isRecordId(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
  });
  if (!unit || !(await canRead(prisma, caller, unit))) throw ServiceError.notFound(`Unit ${ref}`);
  if (mode === 'write' && !canWrite(caller, unit)) {
    throw new ServiceError(
      403,
      'forbidden',
      forbidden?.(unit) ?? `Only the unit's convener (or an admin) may change ${unit.code}'s record`,
    );
  }
  return unit;
}
