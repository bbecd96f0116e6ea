/**
 * Part `prisma` of `npm run bench`: Prisma (the client the service uses, through its driver
 * adapter, composed by infra/db.ts) against the raw driver for the same query on the same data:
 *   PostgreSQL: Prisma + @prisma/adapter-pg against `pg` (a pg.Pool of its own);
 *   PGlite:     Prisma + pglite-prisma-adapter against PGlite's own `query`, on one instance.
 * Three queries, all the API's: a unit by primary key (GET /api/units/:id), and the first page of
 * the communities by code (GET /api/units?level=community: 50 rows, and the largest page, 500).
 * A third variant sends the driver's SQL through Prisma ($queryRawUnsafe), to tell the query
 * compiler's share of the difference from the driver adapter's. Calls are sequential, one
 * at a time, timed one by one, in alternating blocks (Prisma first, then the driver first, …) so
 * that load from elsewhere falls on both alike. The figure is the ratio of the medians (p50).
 */
import { PrismaClient, type UnitLevel } from '@prisma/client';
import pg from 'pg';
import { type Database, IN_MEMORY, openPGlite, pgliteAdapterFactory } from '../infra/db';
import { applyMigrations } from '../infra/migrate';
import type { PartResult } from './cadence';
import { fmt, percentile, registerCommunities, row, say } from './common';
import type { BenchEnv } from './env';

/** Goal from the brief: Prisma's p50 ≤ 1.5 × the raw driver's. */
const RATIO_GOAL = 1.5;
const BLOCK = 100;

export interface DriverOptions {
  /** Calls per variant and query. */
  iterations: number;
  /** Units in the table. */
  units: number;
}

const UNIT_COLUMNS = [
  'id',
  'code',
  'name',
  'level',
  'parentId',
  'streetId',
  'convenerName',
  'convenerEmail',
  'convenerPhone',
  'locale',
  'webhookUrl',
  'createdAt',
  'updatedAt',
  'removedAt',
]
  .map((c) => `"${c}"`)
  .join(', ');
const BY_ID_SQL = `SELECT ${UNIT_COLUMNS} FROM "public"."Unit" WHERE "id" = $1 LIMIT 1`;
const LIST_SQL =
  `SELECT ${UNIT_COLUMNS} FROM "public"."Unit" WHERE "removedAt" IS NULL AND "level" = $1 ` +
  'ORDER BY "code" ASC LIMIT $2 OFFSET $3';

type Query = 'byId' | 'list50' | 'list500';
const QUERIES: Query[] = ['byId', 'list50', 'list500'];
const LABEL: Record<Query, string> = {
  byId: 'unit by id',
  list50: '50 communities by code',
  list500: '500 communities by code',
};

interface Variant {
  name: string;
  run(query: Query, id: string): Promise<unknown>;
}

/** The service's way: Prisma's query builder (GET /api/units/:id and GET /api/units). */
function prismaOrm(prisma: PrismaClient): Variant {
  const level: UnitLevel = 'community';
  return {
    name: 'Prisma',
    run: (query, id) =>
      query === 'byId'
        ? prisma.unit.findUnique({ where: { id } })
        : prisma.unit.findMany({
            where: { removedAt: null, level },
            orderBy: { code: 'asc' },
            take: query === 'list50' ? 50 : 500,
            skip: 0,
          }),
  };
}

/** The driver's SQL sent through Prisma ($queryRawUnsafe): the same adapter, no query compiler. */
function prismaRawSql(prisma: PrismaClient): Variant {
  return {
    name: 'Prisma raw SQL',
    run: (query, id) =>
      query === 'byId'
        ? prisma.$queryRawUnsafe(BY_ID_SQL, id)
        : prisma.$queryRawUnsafe(LIST_SQL, 'community', query === 'list50' ? 50 : 500, 0),
  };
}

function driver(name: string, query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>): Variant {
  return {
    name,
    run: async (q, id) =>
      q === 'byId'
        ? ((await query(BY_ID_SQL, [id])).rows[0] ?? null)
        : (await query(LIST_SQL, ['community', q === 'list50' ? 50 : 500, 0])).rows,
  };
}

/** Milliseconds per call, per query and variant (variants in the order given). */
type Timings = Record<Query, number[][]>;

async function compare(variants: Variant[], ids: string[], iterations: number): Promise<Timings> {
  const timings = {} as Timings;
  for (const query of QUERIES) {
    const per: number[][] = variants.map(() => []);
    let next = 0;
    const call = (v: Variant) => v.run(query, ids[next++ % ids.length]!);
    // Warm-up: connections, prepared statements, JIT.
    for (let i = 0; i < 200; i++) for (const v of variants) await call(v);
    // Blocks in rotating order, so that load from elsewhere falls on every variant alike.
    for (let block = 0; block * BLOCK < iterations; block++) {
      for (let k = 0; k < variants.length; k++) {
        const index = (block + k) % variants.length;
        for (let i = 0; i < Math.min(BLOCK, iterations - block * BLOCK); i++) {
          const t0 = performance.now();
          await call(variants[index]!);
          per[index]!.push(performance.now() - t0);
        }
      }
    }
    timings[query] = per;
  }
  return timings;
}

/** A check that every variant answers the same rows, so that the comparison is fair. */
async function sameAnswers(variants: Variant[], id: string): Promise<void> {
  const codes = (rows: unknown) =>
    (Array.isArray(rows) ? (rows as { code: string }[]) : [rows as { code: string }]).map((r) => r?.code).join(',');
  for (const query of QUERIES) {
    const answers = await Promise.all(variants.map(async (v) => codes(await v.run(query, id))));
    const expected = query === 'byId' ? 1 : query === 'list50' ? 50 : 500;
    if (new Set(answers).size !== 1 || answers[0]!.split(',').length !== expected) {
      throw new Error(
        `The variants answer ${LABEL[query]} differently: ${answers.map((a) => a.slice(0, 80)).join(' | ')}`,
      );
    }
  }
}

export async function measurePrismaVsDriver(env: BenchEnv, opts: DriverOptions): Promise<PartResult> {
  const rows: { db: string; names: string[]; t: Timings }[] = [];

  say(`Prisma vs driver, PostgreSQL: ${opts.units} units, ${opts.iterations} calls per variant and query`);
  const { url, db } = await env.postgres();
  const pgIds = await registerCommunities(db, 'drv', opts.units);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  env.onClose(() => pool.end());
  const pgVariants = [prismaOrm(db.prisma), prismaRawSql(db.prisma), driver('pg', (sql, p) => pool.query(sql, p))];
  await sameAnswers(pgVariants, pgIds[0]!);
  rows.push({
    db: 'PostgreSQL',
    names: pgVariants.map((v) => v.name),
    t: await compare(pgVariants, pgIds, opts.iterations),
  });

  say('Prisma vs driver, PGlite (in memory)');
  const pglite = await openPGlite(IN_MEMORY);
  const litePrisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) });
  const liteDb: Database = {
    prisma: litePrisma,
    kind: 'pglite',
    close: async () => {
      await litePrisma.$disconnect();
      await pglite.close();
    },
  };
  env.onClose(() => liteDb.close());
  await applyMigrations(liteDb);
  const liteIds = await registerCommunities(liteDb, 'drv', opts.units);
  const liteVariants = [
    prismaOrm(litePrisma),
    prismaRawSql(litePrisma),
    driver('PGlite query', (sql, p) => pglite.query(sql, p)),
  ];
  await sameAnswers(liteVariants, liteIds[0]!);
  rows.push({
    db: 'PGlite',
    names: liteVariants.map((v) => v.name),
    t: await compare(liteVariants, liteIds, opts.iterations),
  });

  const ms = (values: number[], p: number) => fmt(percentile(values, p), 3);
  const report: string[] = [];
  report.push(
    `Prisma vs the raw driver (${opts.units} units in the table; ${opts.iterations} sequential calls per variant ` +
      `and query, in rotating blocks of ${BLOCK}), milliseconds. "Prisma raw SQL" is the driver's SQL sent ` +
      'through Prisma ($queryRawUnsafe): the same driver adapter without the query compiler.',
  );
  report.push('');
  report.push(
    row([
      'database',
      'query',
      'Prisma p50 / p99',
      'Prisma raw SQL p50 / p99',
      'driver p50 / p99',
      'Prisma ÷ driver p50',
      'raw SQL ÷ driver p50',
    ]),
  );
  report.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:']));
  const figures = rows.flatMap(({ db: database, names, t }) =>
    QUERIES.map((query) => {
      const [orm, rawSql, raw] = t[query] as [number[], number[], number[]];
      const ratio = percentile(orm, 50) / percentile(raw, 50);
      report.push(
        row([
          `${database} (${names[2]})`,
          LABEL[query],
          `${ms(orm, 50)} / ${ms(orm, 99)}`,
          `${ms(rawSql, 50)} / ${ms(rawSql, 99)}`,
          `${ms(raw, 50)} / ${ms(raw, 99)}`,
          `${fmt(ratio, 2)}×`,
          `${fmt(percentile(rawSql, 50) / percentile(raw, 50), 2)}×`,
        ]),
      );
      return {
        part: 'prisma',
        figure: `Prisma ÷ ${names[2]} p50, ${LABEL[query]}`,
        value: `${fmt(ratio, 2)}× (${ms(orm, 50)} vs ${ms(raw, 50)} ms)`,
        goal: `≤ ${RATIO_GOAL}×`,
        met: ratio <= RATIO_GOAL,
      };
    }),
  );
  return { figures, report };
}
