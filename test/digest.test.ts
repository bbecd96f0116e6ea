/**
 * The weekly digest: when it goes out (Monday 09:00 Shanghai, or the first working day of a week
 * whose Monday is a holiday; the rule as data), and the activity in the MockActivityEnvironment
 * against in-memory PGlite and real SMTP: one mail per active supervisor who has not opted out,
 * with the units not yet met and what is due this week, never twice for the same ISO week.
 */
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../activities';
import { packageCalendar } from '../domain/calendar';
import { DEFAULT_DIGEST_RULE, isoWeekOf, nextDigest } from '../domain/digest';
import type { Database } from '../infra/db';
import { openTestDatabase } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';

const sh = (s: string) => Date.parse(`${s}+08:00`);
const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe('when the digest goes out', () => {
  const cal = packageCalendar();
  test('ISO weeks', () => {
    expect(isoWeekOf('2026-12-06')).toEqual({ monday: '2026-11-30', key: '2026-W49' });
    expect(isoWeekOf('2026-12-31')).toEqual({ monday: '2026-12-28', key: '2026-W53' });
    expect(isoWeekOf('2027-01-04').key).toBe('2027-W01');
  });
  test('Monday 09:00; a Monday holiday moves it to the first working day of that week', () => {
    // Sunday 2026-12-06 → Monday 2026-12-07 09:00.
    expect(nextDigest(cal, DEFAULT_DIGEST_RULE, sh('2026-12-06T12:00:00'))).toMatchObject({ week: '2026-W50' });
    expect(iso(nextDigest(cal, DEFAULT_DIGEST_RULE, sh('2026-12-06T12:00:00')).at)).toBe('2026-12-07T09:00');
    // Monday 2026-10-05 is in the National Day holiday (10-01…10-07): Thursday 10-08 is the first working day.
    const golden = nextDigest(cal, DEFAULT_DIGEST_RULE, sh('2026-10-04T12:00:00'));
    expect([golden.week, iso(golden.at)]).toEqual(['2026-W41', '2026-10-08T09:00']);
    // After Monday's digest went: the next Monday.
    const after = sh('2026-12-07T09:00:00');
    expect(iso(nextDigest(cal, DEFAULT_DIGEST_RULE, after + 1000, after).at)).toBe('2026-12-14T09:00');
    // The worker was down for three weeks: only the latest owed digest, at once.
    const owed = nextDigest(cal, DEFAULT_DIGEST_RULE, sh('2026-12-29T10:00:00'), after);
    expect([owed.week, iso(owed.at)]).toEqual(['2026-W53', '2026-12-28T09:00']);
    // The rule as data: Wednesday 15:00.
    const wed = nextDigest(cal, { enabled: true, weekday: 3, hour: 15 }, sh('2026-12-07T10:00:00'));
    expect(iso(wed.at)).toBe('2026-12-09T15:00');
  });
});

describe('the digest activity', () => {
  let db: Database;
  let mail: MailFixture;
  beforeAll(async () => {
    ({ db } = await openTestDatabase('pglite'));
    mail = await startMail();
  });
  afterAll(async () => {
    await mail?.close();
    await db?.close();
  });

  test('one mail per supervisor not opted out, the lists in it, never twice a week', async () => {
    const tag = randomUUID().slice(0, 6);
    const now = new Date('2026-12-28T09:00:00+08:00');
    const unit = (code: string, name: string) =>
      db.prisma.unit.create({
        data: {
          code: `${code}-${tag}`,
          name,
          level: 'community',
          convenerName: '书记',
          convenerEmail: `${code}@example.org`,
        },
      });
    const bihai = await unit('bihai', '碧海社区');
    const gangbei = await unit('gangbei', '港北社区');
    await db.prisma.meeting.create({
      data: { unitId: gangbei.id, heldOn: new Date('2026-11-10T00:00:00Z'), periodKey: '2026-Q4' },
    });
    const [office, out] = [`office-${tag}@example.org`, `out-${tag}@example.org`];
    await db.prisma.supervisor.create({ data: { name: '刘主任', email: office } });
    await db.prisma.supervisor.create({ data: { name: '退订者', email: out, digestOptOut: true } });

    const acts = createActivities({ ...activityDeps(db.prisma, mail.mailer), clock: () => now });
    const env = new MockActivityEnvironment();
    const plan = await env.run<
      [{ now: number; after?: number }],
      Awaited<ReturnType<typeof acts.planWeeklyDigest>>,
      typeof acts.planWeeklyDigest
    >(acts.planWeeklyDigest, { now: now.getTime() - 60_000 });
    expect(plan).toEqual({ enabled: true, week: '2026-W53', at: now.getTime() });
    const req = { week: plan.week, scheduledFor: plan.at };
    expect(await env.run(acts.sendWeeklyDigest, req)).toEqual({ sent: 1, skipped: 0 });
    expect(await env.run(acts.sendWeeklyDigest, req)).toEqual({ sent: 0, skipped: 1 }); // a retry
    await mail.sink.waitFor((m) => m.to.includes(office));
    const mails = mail.sink.messages().filter((m) => m.to.includes(office) || m.to.includes(out));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('【每周督办摘要】2026-W53：本期未达标 1 个单位，本周到期 1 项');
    expect(mails[0]!.text).toContain('碧海社区（社区）到期 2026-12-31，剩余 3 个工作日；最近提醒：无');
    expect(mails[0]!.text).toContain('2026-12-31 联席会议：碧海社区，剩余 3 个工作日');
    expect(mails[0]!.text).toContain('Due this week (1):\n  - 2026-12-31 joint meeting: 碧海社区, 3 working days left');
    expect(mails[0]!.text).not.toContain('港北社区');
    const rows = await db.prisma.notification.findMany({ where: { obligation: 'weekly-digest' } });
    expect(rows.map((r) => [r.periodKey, r.step, r.recipient, r.status])).toEqual([
      ['2026-W53', 'digest', office, 'sent'],
    ]);
    expect(bihai.id).toBeDefined();

    // The rule off: nothing planned for a day, nothing sent.
    await db.prisma.digestRule.create({ data: { enabled: false } });
    expect(await env.run(acts.planWeeklyDigest, { now: now.getTime() })).toMatchObject({ enabled: false });
    expect(await env.run(acts.sendWeeklyDigest, { week: '2027-W01', scheduledFor: 0 })).toEqual({
      sent: 0,
      skipped: 0,
    });
  });
});
