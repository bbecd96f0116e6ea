import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Prisma } from '@prisma/client';
import { openDatabase, type Database } from '../infra/db';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from '../infra/migrate';
import { createTestPostgresDatabase } from './support/postgres';

const migrationNames = fs
  .readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const unit = (code: string) => ({
  code,
  name: `单元 ${code}`,
  level: 'community' as const,
  convenerName: '张三',
  convenerEmail: 'zhangsan@example.org',
});

/** What a rejected promise rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe.each(['pglite', 'postgres'] as const)('database on %s', (kind) => {
  let database: Database;
  let url = '';
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === 'pglite') {
      database = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
    } else {
      const pgdb = await createTestPostgresDatabase();
      ({ url, drop } = pgdb);
      database = await openDatabase({ kind: 'postgres', url });
    }
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('applies the migrations once, recording them as Prisma does', async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyMigrations(database)).toEqual({ applied: migrationNames });
    expect(await applyMigrations(database)).toEqual({ applied: [] });

    const rows = await database.prisma.$queryRaw<
      {
        migration_name: string;
        checksum: string;
        finished: boolean;
        rolled_back: boolean;
        applied_steps_count: number;
      }[]
    >`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished,
        rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
      FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows).toEqual(
      migrationNames.map((name) => ({
        migration_name: name,
        checksum: createHash('sha256')
          .update(fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql')))
          .digest('hex'),
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
      })),
    );
  });

  it('creates a unit; a duplicate code is P2002, a missing unit P2003', async () => {
    const created = await database.prisma.unit.create({ data: unit('gangbei') });
    expect(created).toMatchObject({ code: 'gangbei', locale: 'zh-CN', level: 'community' });

    const duplicate = await rejection(database.prisma.unit.create({ data: unit('gangbei') }));
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    // The same error on both: PGlite's is mapped in infra/db.ts like @prisma/adapter-pg's.
    expect(duplicate).toMatchObject({
      code: 'P2002',
      meta: {
        modelName: 'Unit',
        driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields: ['code'] } } },
      },
    });
    expect((duplicate as Error).message).toContain('Unique constraint failed on the fields: (`code`)');

    const orphan = await rejection(
      database.prisma.meeting.create({
        data: { unitId: 'no-such-unit', heldOn: new Date('2026-03-31'), periodKey: '2026-Q1' },
      }),
    );
    expect(orphan).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(orphan).toMatchObject({
      code: 'P2003',
      meta: { driverAdapterError: { cause: { constraint: { index: 'Meeting_unitId_fkey' } } } },
    });
  });

  it('keeps @db.Date as the calendar date and Json as given', async () => {
    const { id: unitId } = await database.prisma.unit.create({ data: unit('meeting-unit') });
    const attendees = [
      { name: '李四', role: '召集人' },
      { name: 'O’Brien', present: false, tags: ['a', 1, null] },
    ];
    const { id } = await database.prisma.meeting.create({
      data: { unitId, heldOn: new Date('2026-03-31'), periodKey: '2026-Q1', attendees },
    });

    const meeting = await database.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(meeting.heldOn).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(meeting.heldOn.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(meeting.attendees).toEqual(attendees);
    expect(meeting.kind).toBe('regular');
    const [stored] = await database.prisma.$queryRaw<{ held_on: string }[]>`
      SELECT "heldOn"::text AS held_on FROM "Meeting" WHERE id = ${id}`;
    expect(stored?.held_on).toBe('2026-03-31');

    const found = await database.prisma.meeting.findMany({
      where: { heldOn: { gte: new Date('2026-03-31'), lt: new Date('2026-04-01') } },
    });
    expect(found.map((m) => m.id)).toEqual([id]);
  });

  it('rolls back a transaction that fails', async () => {
    const failing = database.prisma.$transaction(async (tx) => {
      await tx.unit.create({ data: unit('tx-a') });
      await tx.unit.create({ data: unit('tx-a') }); // P2002 inside the transaction
    });
    expect(await rejection(failing)).toMatchObject({ code: 'P2002' });

    const throwing = database.prisma.$transaction(async (tx) => {
      await tx.unit.create({ data: unit('tx-b') });
      throw new Error('boom');
    });
    expect(await rejection(throwing)).toMatchObject({ message: 'boom' });

    const batch = database.prisma.$transaction([
      database.prisma.unit.create({ data: unit('tx-c') }),
      database.prisma.unit.create({ data: unit('tx-c') }),
    ]);
    expect(await rejection(batch)).toMatchObject({ code: 'P2002' });

    expect(await database.prisma.unit.count({ where: { code: { in: ['tx-a', 'tx-b', 'tx-c'] } } })).toBe(0);
    // The connection is usable after the rollbacks, and a successful transaction commits.
    await database.prisma.$transaction(async (tx) => {
      await tx.unit.create({ data: unit('tx-d') });
    });
    expect(await database.prisma.unit.count({ where: { code: 'tx-d' } })).toBe(1);
  });

  if (kind === 'postgres') {
    it('applies migrations once when two processes start at the same time', async () => {
      const pgdb = await createTestPostgresDatabase();
      const [a, b] = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgres', url: pgdb.url })));
      try {
        const results = await Promise.all([applyMigrations(a!), applyMigrations(b!)]);
        expect(results.flatMap((r) => r.applied).sort()).toEqual(migrationNames);
        expect(await a!.prisma.$queryRaw`SELECT count(*)::int AS n FROM _prisma_migrations`).toEqual([
          { n: migrationNames.length },
        ]);
      } finally {
        await Promise.all([a!.close(), b!.close()]);
        await pgdb.drop();
      }
    });
  }

  it('close() closes the database', async () => {
    await database.close();
    await expect(database.prisma.unit.count()).rejects.toThrow();
    await database.close(); // a second close is harmless
  });
});

describe('PGlite in a data folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-test-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data when reopened after close()', async () => {
    const dataDir = path.join(dir, 'nested', 'pglite'); // created by openDatabase
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect((await applyMigrations(first)).applied).toEqual(migrationNames);
      await first.prisma.unit.create({ data: unit('persisted') });
    } finally {
      await first.close();
    }

    const second = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect((await applyMigrations(second)).applied).toEqual([]);
      expect(await second.prisma.unit.findUnique({ where: { code: 'persisted' } })).toMatchObject({
        code: 'persisted',
        convenerName: '张三',
      });
    } finally {
      await second.close();
    }
  });
});
