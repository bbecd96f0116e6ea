/**
 * The first admin when several API replicas start at once on an empty PostgreSQL database (the
 * first start of a site with donggang-api@3000, @3001 …): each replica finds no users and creates
 * the admin from BOOTSTRAP_ADMIN_*; exactly one succeeds, the others start anyway, and the
 * database holds one admin with one audit row.
 */
import { loadConfig } from '../infra/config';
import { openDatabase } from '../infra/db';
import { createLogger } from '../infra/log';
import { applyMigrations } from '../infra/migrate';
import { ensureBootstrapAdmin } from '../main/bootstrap';
import { createTestPostgresDatabase } from './support/postgres';

test('three API replicas starting together on an empty database: one first admin, every start succeeds', async () => {
  const pg = await createTestPostgresDatabase();
  // One Prisma client per replica: separate connections, so the creations really race.
  const replicas = await Promise.all([0, 1, 2].map(() => openDatabase({ kind: 'postgres', url: pg.url })));
  try {
    await applyMigrations(replicas[0]!);
    const config = loadConfig({
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'a first admin passphrase',
    });
    const infos: string[] = [];
    const log = { ...createLogger('error', 'test'), info: (m: string) => void infos.push(m) };
    await Promise.all(replicas.map((db) => ensureBootstrapAdmin(db.prisma, config, log, () => new Date())));

    const prisma = replicas[0]!.prisma;
    expect(await prisma.user.findMany({ select: { username: true, role: true } })).toEqual([
      { username: 'admin', role: 'admin' },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'user.create' } })).toBe(1);
    expect(infos.filter((m) => m.includes('created from BOOTSTRAP_ADMIN_*'))).toHaveLength(1);
    // The others either saw the admin already or lost the race; none failed its start.
    expect(infos.length).toBeLessThanOrEqual(3);
  } finally {
    await Promise.all(replicas.map((db) => db.close()));
    await pg.drop();
  }
});
