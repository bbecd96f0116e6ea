/**
 * The absence check in the MockActivityEnvironment against a real (in-memory PGlite) database and
 * real SMTP: runs of missed meetings are counted by date whatever order the meetings were recorded
 * in, each run's milestone is told once, and a check on a day off waits for a working day's
 * notice hour unless the entries rule says at once.
 */
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities, type GovernanceActivities } from '../activities';
import { noticeInstant } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { shanghaiInstant } from '../domain/period';
import type { Database } from '../infra/db';
import { openTestDatabase } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';

let db: Database;
let mail: MailFixture;
let acts: GovernanceActivities;

beforeAll(async () => {
  ({ db } = await openTestDatabase('pglite'));
  mail = await startMail();
  acts = createActivities(activityDeps(db.prisma, mail.mailer));
});

afterAll(async () => {
  await mail?.close();
  await db?.close();
});

/** A community with one paired department (paired since 2026-09-01) and an active supervisor. */
async function stage() {
  const tag = randomUUID().slice(0, 8);
  const community = await db.prisma.unit.create({
    data: {
      code: `c-${tag}`,
      name: '碧海社区',
      level: 'community',
      convenerName: '李书记',
      convenerEmail: `conv-${tag}@example.org`,
    },
  });
  const department = await db.prisma.department.create({
    data: {
      code: `housing-${tag}`,
      name: `住建局${tag}`,
      contactName: '联络员',
      contactEmail: `housing-${tag}@example.org`,
    },
  });
  await db.prisma.departmentPairing.create({
    data: { departmentId: department.id, communityId: community.id, pairedOn: new Date('2026-09-01T00:00:00Z') },
  });
  const supervisor = `sup-${tag}@example.org`;
  await db.prisma.supervisor.updateMany({ data: { active: false } });
  await db.prisma.supervisor.create({ data: { name: '联络办', email: supervisor } });
  const meeting = async (heldOn: string, attended: boolean) =>
    db.prisma.meeting.create({
      data: {
        unitId: community.id,
        heldOn: new Date(`${heldOn}T00:00:00Z`),
        periodKey: '2026-Q4',
        attendees: ['李书记', ...(attended ? [department.name] : [])],
        minutes: `${heldOn} 会议`,
      },
    });
  const check = (meetingId: string) =>
    new MockActivityEnvironment().run<
      Parameters<GovernanceActivities['noticeDepartmentAbsences']>,
      { noticed: string[] },
      GovernanceActivities['noticeDepartmentAbsences']
    >(acts.noticeDepartmentAbsences, {
      meetingId,
      scheduledFor: shanghaiInstant('2026-10-29', 10).getTime(),
    });
  const ledger = () =>
    db.prisma.notification.findMany({
      where: { unitId: community.id, obligation: { startsWith: 'attendance:' } },
      orderBy: { recipient: 'asc' },
    });
  const mailsTo = (email: string) => mail.sink.messages().filter((m) => m.to.includes(email));
  return { community, department, supervisor, meeting, check, ledger, mailsTo };
}

test('the meeting completing a run, recorded after a later meeting (10-20 entered after 10-27), is told once', async () => {
  const s = await stage();
  // Recorded in this order: 10-06, 10-13 (missed), 10-27 (attended), then 10-20 (missed) on 10-29.
  const m1 = await s.meeting('2026-10-06', false);
  expect((await s.check(m1.id)).noticed).toEqual([]);
  const m2 = await s.meeting('2026-10-13', false);
  expect((await s.check(m2.id)).noticed).toEqual([]);
  const m4 = await s.meeting('2026-10-27', true);
  expect((await s.check(m4.id)).noticed).toEqual([]);
  const m3 = await s.meeting('2026-10-20', false);
  expect((await s.check(m3.id)).noticed).toEqual([s.department.id]);

  const rows = await s.ledger();
  expect(rows.map((r) => `${r.periodKey} ${r.step} ${r.recipient} ${r.status}`).sort()).toEqual(
    [
      `${s.department.id}:${m1.id} absent-3 ${s.department.contactEmail} sent`,
      `${s.department.id}:${m1.id} absent-3 ${s.supervisor} sent`,
    ].sort(),
  );
  const [notice] = s.mailsTo(s.department.contactEmail);
  expect(notice!.text).toContain('2026-10-20');

  // A second check (a retry, or the check of another meeting of the run) tells nobody again.
  expect((await s.check(m3.id)).noticed).toEqual([]);
  expect((await s.check(m1.id)).noticed).toEqual([]);
  expect(await s.ledger()).toHaveLength(2);
  expect(s.mailsTo(s.department.contactEmail)).toHaveLength(1);
  expect(s.mailsTo(s.supervisor)).toHaveLength(1);
});

test('a run told at three is not told again when a meeting is inserted later at its start', async () => {
  const s = await stage();
  // 10-13, 10-20, 10-27 missed and recorded in order: told at 10-27 (series keyed by 10-13).
  await s.meeting('2026-10-13', false);
  await s.meeting('2026-10-20', false);
  const m27 = await s.meeting('2026-10-27', false);
  expect((await s.check(m27.id)).noticed).toEqual([s.department.id]);
  // 10-06 (missed) recorded late: the run is four by date, its milestone (3) was told already.
  const m06 = await s.meeting('2026-10-06', false);
  expect((await s.check(m06.id)).noticed).toEqual([]);
  expect(await s.ledger()).toHaveLength(2);
  expect(s.mailsTo(s.department.contactEmail)).toHaveLength(1);
  // Two more missed: six in a row, the next milestone, told once.
  await s.meeting('2026-11-03', false);
  const m10 = await s.meeting('2026-11-10', false);
  expect((await s.check(m10.id)).noticed).toEqual([s.department.id]);
  expect((await s.check(m10.id)).noticed).toEqual([]);
  expect((await s.ledger()).map((r) => r.step).sort()).toEqual(['absent-3', 'absent-3', 'absent-6', 'absent-6']);
  expect(s.mailsTo(s.department.contactEmail)).toHaveLength(2);
});

describe('when the absence notices of a recorded meeting may go', () => {
  const plan = async (now: number, attendanceNotices: 'wait' | 'at-once' = 'wait') => {
    const s = await stage();
    const rule = { ...DEFAULT_ENTRIES_RULE, attendanceNotices };
    await db.prisma.entriesRule.upsert({ where: { id: 'default' }, create: rule, update: rule });
    const m = await s.meeting('2026-10-02', false);
    const { at } = await new MockActivityEnvironment().run<
      Parameters<GovernanceActivities['planAttendanceNotice']>,
      { at: number },
      GovernanceActivities['planAttendanceNotice']
    >(acts.planAttendanceNotice, { meetingId: m.id, now });
    return { at, communityId: s.community.id };
  };
  afterAll(() => db.prisma.entriesRule.deleteMany());

  test('recorded on a working day: now', async () => {
    const now = shanghaiInstant('2026-10-29', 16).getTime();
    expect((await plan(now)).at).toBe(now);
  });

  test('recorded on a Saturday: Monday’s notice hour plus the community’s offset', async () => {
    const { at, communityId } = await plan(shanghaiInstant('2026-10-31', 11).getTime());
    expect(new Date(at).toISOString()).toBe(new Date(noticeInstant('2026-11-02', communityId)).toISOString());
  });

  test('recorded on National Day: the first working day after the holiday; at once when the rule says so', async () => {
    const now = shanghaiInstant('2026-10-02', 11).getTime();
    const { at, communityId } = await plan(now);
    expect(at).toBe(noticeInstant('2026-10-08', communityId));
    expect((await plan(now, 'at-once')).at).toBe(now);
  });
});
