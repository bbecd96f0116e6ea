/** The members of the liaison office (联络办公室): the supervisors. */
import type { Prisma, PrismaClient, Supervisor } from '@prisma/client';
import { writeAudit } from './audit-trail';

type Db = Pick<PrismaClient, 'supervisor' | 'auditEvent'>;

export interface SupervisorValues {
  name: string;
  email: string;
  locale?: string;
  webhookUrl?: string | null;
  digestOptOut?: boolean;
}

export function activeSupervisors(prisma: Pick<PrismaClient, 'supervisor'>): Promise<Supervisor[]> {
  return prisma.supervisor.findMany({ where: { active: true }, orderBy: { email: 'asc' } });
}

export function supervisorById(prisma: Pick<PrismaClient, 'supervisor'>, id: string): Promise<Supervisor | null> {
  return prisma.supervisor.findUnique({ where: { id } });
}

/** Add a member, or update (and reactivate) the member with that email; audited. */
export async function upsertSupervisor(tx: Db, input: SupervisorValues, actor: string, now: Date) {
  const existing = await tx.supervisor.findUnique({ where: { email: input.email } });
  const saved = await tx.supervisor.upsert({
    where: { email: input.email },
    create: { ...input, createdAt: now },
    update: { ...input, active: true },
  });
  await writeAudit(tx, {
    at: now,
    actor,
    action: existing ? 'supervisor.update' : 'supervisor.create',
    entity: 'supervisor',
    entityId: saved.id,
    before: existing ? (JSON.parse(JSON.stringify(existing)) as Prisma.InputJsonObject) : undefined,
    after: { ...input },
  });
  return { saved, created: !existing };
}

/** A member leaves the office (kept, inactive); audited. */
export async function deactivateSupervisor(tx: Db, id: string, actor: string, now: Date) {
  await tx.supervisor.update({ where: { id }, data: { active: false } });
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'supervisor.remove',
    entity: 'supervisor',
    entityId: id,
    before: { active: true },
    after: { active: false },
  });
}
