/**
 * The figures counted in SQL (records/figures.ts) agree with their definition over loaded items
 * (domain/figures.ts computeFigures), on a random record of every state, on both databases and
 * for every kind of scope. The literal figures of a hand-made record are in agenda.api.test.ts.
 */
import { computeFigures, FIGURE_COLUMNS, type FigureItem } from '../domain/figures';
import { periodFromKey } from '../domain/period';
import { openDatabase, type Database } from '../infra/db';
import { applyMigrations } from '../infra/migrate';
import { loadFigureRows, loadPeriodItems, type FiguresScope } from '../records/figures';
import { localDate } from '../records/agenda-items';
import { createTestPostgresDatabase } from './support/postgres';
import type { UnitLevel } from '../domain/org';

/** mulberry32: the same record on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEM_STATES = ['open', 'resolved', 'escalated', 'taken_up', 'answered', 'disputed', 'confirmed'] as const;
const HOP_STATES = ['pending', 'taken_up', 'answered', 'escalated_further'] as const;
const OUTCOMES = ['resolved', 'scheduled', 'declined'] as const;

async function seed(db: Database) {
  const r = random(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const prisma = db.prisma;
  const unit = (code: string, level: UnitLevel, parentId?: string, streetId?: string) =>
    prisma.unit.create({
      data: { code, name: code, level, parentId, streetId, convenerName: '书记', convenerEmail: `${code}@example.org` },
    });
  const city = await unit('C', 'city');
  const units = [city];
  for (const s of [1, 2]) {
    const street = await unit(`S${s}`, 'street', city.id);
    units.push(street);
    for (const m of [1, 2, 3]) {
      const community = await unit(`S${s}M${m}`, 'community', street.id, street.id);
      units.push(community);
      for (const p of [1, 2]) units.push(await unit(`S${s}M${m}P${p}`, 'compound', community.id, street.id));
    }
  }
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  for (let n = 0; n < 160; n++) {
    const u = pick(units);
    const heldOn = day(Math.floor(r() * 365));
    const meeting = await prisma.meeting.create({
      data: { unitId: u.id, heldOn, periodKey: localDate(heldOn).slice(0, 7) },
    });
    const count = Math.floor(r() * 4);
    for (let k = 0; k < count; k++) {
      const item = await prisma.agendaItem.create({
        data: {
          meetingId: meeting.id,
          unitId: u.id,
          currentUnitId: u.id,
          title: `议题 ${n}-${k}`,
          raisedBy: '居民',
          state: pick(ITEM_STATES),
        },
      });
      const hops = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3);
      for (let hop = 1; hop <= hops; hop++) {
        const at = day(Math.floor(r() * 365));
        const escalation = await prisma.escalation.create({
          data: {
            agendaItemId: item.id,
            hop,
            fromUnitId: u.id,
            toUnitId: city.id,
            what: '事项',
            whyNotSolvable: '本级无法解决',
            ask: '请求协调',
            minutes: '纪要',
            escalatedAt: at,
            escalatedBy: 'test',
            scheduleBy: at,
            // Some deadlines fall on the day asked about (2026-09-15 is day 257): not overdue yet.
            answerBy: day(r() < 0.2 ? 257 : Math.floor(r() * 400)),
            roundStartedAt: at,
            state: pick(HOP_STATES),
          },
        });
        const answers = Math.floor(r() * 3);
        for (let round = 0; round < answers; round++) {
          await prisma.feedback.create({
            data: {
              agendaItemId: item.id,
              escalationId: escalation.id,
              round,
              outcome: pick(OUTCOMES),
              text: '答复',
              answeredBy: 'test',
              answeredAt: new Date(at.getTime() + (hop * 10 + round) * 3_600_000),
            },
          });
        }
      }
    }
  }
  return units;
}

describe.each(['pglite', 'postgres'] as const)('figures in SQL on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  let units: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    if (kind === 'pglite') db = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
    else {
      const pg = await createTestPostgresDatabase();
      drop = pg.drop;
      db = await openDatabase({ kind: 'postgres', url: pg.url });
    }
    await applyMigrations(db);
    units = await seed(db);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  /** The reference: every item of the period loaded and counted in JavaScript. */
  async function reference(periodKey: string, scope: FiguresScope, today: string) {
    const period = periodFromKey(periodKey);
    const items = await loadPeriodItems(db.prisma, period, scope);
    const meetings = await db.prisma.meeting.findMany({
      where: {
        heldOn: { gte: new Date(`${period.firstDay}T00:00:00Z`), lte: new Date(`${period.lastDay}T00:00:00Z`) },
        unit: {
          ...(scope.units === 'all' ? {} : { id: { in: [...scope.units] } }),
          ...(scope.level ? { level: scope.level } : {}),
          ...(scope.streetId ? { streetId: scope.streetId } : {}),
        },
      },
      select: { unit: { select: { level: true } } },
    });
    const figureItems: FigureItem[] = items.map((i) => ({
      level: i.unit.level,
      heldOn: localDate(i.meeting.heldOn),
      state: i.state,
      escalated: i.escalations.length > 0,
      answered: i.feedback.length > 0,
      lastOutcome: i.feedback.at(-1)?.outcome ?? null,
      topHop: i.escalations.length
        ? { state: i.escalations.at(-1)!.state, answerBy: localDate(i.escalations.at(-1)!.answerBy) }
        : null,
    }));
    expect(items.length + meetings.length).toBeGreaterThan(0);
    return computeFigures(
      meetings.map((m) => ({ level: m.unit.level })),
      figureItems,
      today,
      scope.level ? [scope.level] : undefined,
    );
  }

  const street = () => units.find((u) => u.code === 'S2')!;
  const subtree = () => new Set(units.filter((u) => u.code.startsWith('S1M2')).map((u) => u.id));
  const cases: [string, string, () => FiguresScope][] = [
    ['the year, everything', '2026', () => ({ units: 'all' })],
    ['a quarter', '2026-Q2', () => ({ units: 'all' })],
    ['a month, compounds only', '2026-07', () => ({ units: 'all', level: 'compound' })],
    ['the year, one street', '2026', () => ({ units: 'all', streetId: street().id })],
    ['the year, a convener’s subtree', '2026', () => ({ units: subtree() })],
    ['a subtree and a level', '2026-Q3', () => ({ units: subtree(), level: 'compound' })],
  ];

  test.each(cases)('%s: the same rows as the definition', async (_name, periodKey, scope) => {
    const today = '2026-09-15';
    const rows = await loadFigureRows(db.prisma, periodFromKey(periodKey), scope(), today);
    expect(rows).toEqual(await reference(periodKey, scope(), today));
    expect(rows.at(-1)!.itemsRaised).toBeGreaterThan(0);
  });

  test('the random record has every kind of item the figures tell apart', async () => {
    const [total] = (await loadFigureRows(db.prisma, periodFromKey('2026'), { units: 'all' }, '2026-09-15')).slice(-1);
    for (const c of FIGURE_COLUMNS) {
      expect(total![c]).toBeGreaterThan(0);
    }
  });

  test('a caller who may read no unit gets zeros', async () => {
    const rows = await loadFigureRows(db.prisma, periodFromKey('2026'), { units: new Set() }, '2026-09-15');
    expect(rows.every((r) => r.meetingsHeld === 0 && r.itemsRaised === 0)).toBe(true);
  });
});
