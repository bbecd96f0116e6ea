/**
 * Before the deadline, not only after it (issue 14) through the HTTP API on both databases: the
 * units not yet met in the current period (days left, last reminder, XLSX), due this week across
 * meetings, visits, escalations, the directory search, a unit's units below, and scope. The API's
 * clock is simulated (Asia/Shanghai, 10:00); the days were counted by hand on the 2026 calendar
 * (no holiday or make-up day in November–December 2026).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Workbook } from 'exceljs';
import type { z } from 'zod';
import { childrenStatus, digestRule, directoryPage, duePage, dueThisWeek } from '../api/contract/due';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

type Key = 'city' | 'street' | 'bihai' | 'gangbei' | 'haiou' | 'haiouB' | 'yuhai';

describe.each(DATABASES)('what is due on %s', (_name, kind) => {
  let h: ApiHarness;
  let now = at('2026-11-16'); // a Monday in the middle of 2026-Q4
  const u = {} as Record<Key, { id: string; code: string }>;
  let tag: string;
  let supervisor: Agent;
  let bihaiConvener: Agent;
  let admin: Agent;

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    tag = randomUUID().slice(0, 6);
    const spec: [Key, string, string, string, Key?][] = [
      ['city', '东港市', 'city', '市书记'],
      ['street', '新兴街道', 'street', '街道书记'],
      ['bihai', '碧海社区', 'community', '李海', 'street'],
      ['gangbei', '港北社区', 'community', '王港', 'street'],
      ['yuhai', '渔海社区', 'community', '张渔', 'street'],
      ['haiou', '海鸥花园', 'compound', '赵鸥', 'bihai'],
      ['haiouB', '海韵小区', 'compound', '钱韵', 'bihai'],
    ];
    for (const [key, name, level, convenerName, parent] of spec) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key.toLowerCase()}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: u[parent].id } : key === 'street' ? { parentId: u.city.id } : {}),
          convenerName,
          convenerEmail: `${key.toLowerCase()}-${tag}@example.org`,
        })
        .expect(201);
      u[key] = { id: res.body.id, code: res.body.code };
    }
    // Tokens issued on the real clock, long-lived: the API's clock runs ahead of it here.
    const long = { nowMs: Date.now(), ttlSeconds: 90 * 86_400 };
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor', undefined, long);
    bihaiConvener = await agentFor(h.app, h.db.prisma, 'convener', u.bihai.id, long);
    admin = await agentFor(h.app, h.db.prisma, 'admin', undefined, long);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('not yet met this quarter: the two communities without a meeting, days left, last reminder', async () => {
    await admin
      .post(`/api/units/${u.gangbei.id}/meetings`)
      .send({ heldOn: '2026-11-10', attendees: ['王港'], minutes: '季度联席会议' })
      .expect(201);
    // A reminder the ledger sent yuhai on Friday (as the workflow does through sendOnce).
    await h.db.prisma.notification.create({
      data: {
        key: `meeting-cadence:${u.yuhai.id}/2026-Q4/reminder-30/yuhai`,
        unitId: u.yuhai.id,
        obligation: meetingCadenceWorkflowId(u.yuhai.id),
        periodKey: '2026-Q4',
        step: 'reminder-30',
        recipient: `yuhai-${tag}@example.org`,
        subject: '提醒',
        messageId: `<${randomUUID()}@test>`,
        status: 'sent',
        scheduledFor: new Date('2026-11-13T01:00:00Z'),
        sentAt: new Date('2026-11-13T01:00:05Z'),
      },
    });

    const res = await supervisor.get('/api/supervision/due?period=current&level=community').expect(200);
    conforms(duePage, res.body);
    expect(res.body.today).toBe('2026-11-16');
    expect(res.body.total).toBe(2);
    // Due 2026-12-31 (Thursday): 10 working days left in November after the 16th, 23 in December.
    expect(res.body.items.map((d: { unit: { code: string } }) => d.unit.code)).toEqual([u.bihai.code, u.yuhai.code]);
    expect(res.body.items[0]).toMatchObject({
      periodKey: '2026-Q4',
      dueOn: '2026-12-31',
      workingDaysLeft: 33,
      daysLeft: 45,
      meetingsHeld: 0,
      minMeetings: 1,
      met: false,
      streetName: '新兴街道',
      convenerName: '李海',
      lastReminder: null,
    });
    expect(res.body.items[1].lastReminder).toEqual({
      step: 'reminder-30',
      sentAt: '2026-11-13T01:00:05.000Z',
      recipient: `yuhai-${tag}@example.org`,
    });

    // Compounds: monthly, due Monday 2026-11-30: 10 working days, 14 calendar days.
    const compounds = await supervisor.get(`/api/supervision/due?level=compound&streetId=${u.street.id}`).expect(200);
    expect(compounds.body.items.map((d: { dueOn: string; workingDaysLeft: number; daysLeft: number }) => d)).toEqual([
      expect.objectContaining({ dueOn: '2026-11-30', workingDaysLeft: 10, daysLeft: 14 }),
      expect.objectContaining({ dueOn: '2026-11-30', workingDaysLeft: 10, daysLeft: 14 }),
    ]);
    const other = await supervisor.get(`/api/supervision/due?streetId=no-such-street`).expect(200);
    expect(other.body.total).toBe(0);

    for (const [query, field] of [
      ['period=2026-Q3', 'query.period'],
      ['level=district', 'query.level'],
      ['limit=0', 'query.limit'],
    ]) {
      const bad = await supervisor.get(`/api/supervision/due?${query}`).expect(400);
      expect(bad.body.error).toMatchObject({ code: 'invalid_input', field });
    }
    await bihaiConvener.get('/api/supervision/due').expect(403);
  });

  test('the XLSX: zh+en headers, real date cells, readable widths', async () => {
    const res = await supervisor
      .get('/api/supervision/due.xlsx?level=community')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="not-yet-met-2026-11-16.xlsx"');
    const book = new Workbook();
    await book.xlsx.load((res.body as Buffer).slice().buffer); // a copy: exceljs wants a whole ArrayBuffer
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('单位 Unit');
    expect(sheet.getRow(1).getCell(7).value).toBe('到期日 Due on');
    expect(sheet.rowCount).toBe(3);
    const due = sheet.getRow(2).getCell(7).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(sheet.getRow(2).getCell(8).value).toBe(33);
    expect(sheet.getRow(3).getCell(12).value).toBeInstanceOf(Date);
    for (const c of sheet.columns) expect(c.width).toBeGreaterThanOrEqual(12);
  });

  test('due this week: meetings, a leader visit and an escalation falling due by Sunday', async () => {
    // An item the compound cannot solve goes up to bihai.
    now = at('2026-12-21');
    await admin
      .post(`/api/units/${u.haiou.id}/meetings`)
      .send({
        heldOn: '2026-12-21',
        minutes: '居民反映停车难',
        agendaItems: [{ title: '停车难', raisedBy: '居民代表' }],
      })
      .expect(201);
    const items = await admin.get(`/api/agenda-items?unitId=${u.haiou.id}&state=open`).expect(200);
    const itemId = items.body.items[0].id as string;
    await admin
      .post(`/api/agenda-items/${itemId}/escalations`)
      .send({ what: '小区停车位不足', whyNotSolvable: '涉及道路规划', ask: '请社区协调' })
      .expect(201);
    // Its deadline to be put on a meeting falls in the week of the 28th (moved there for the test).
    await h.db.prisma.escalation.updateMany({
      where: { agendaItemId: itemId },
      data: { scheduleBy: new Date('2026-12-30T00:00:00Z') },
    });
    await admin
      .post('/api/leaders')
      .send({ code: `leader-${tag}`, name: '王建国', email: `leader-${tag}@example.org`, communityCode: u.yuhai.code })
      .expect(201);

    now = at('2026-12-28'); // Monday; everything quarterly and monthly is due Thursday the 31st
    const res = await supervisor.get('/api/supervision/due-this-week').expect(200);
    conforms(dueThisWeek, res.body);
    expect(res.body).toMatchObject({ from: '2026-12-28', to: '2027-01-03', isoWeek: '2026-W53' });
    const got = (res.body.items as { kind: string; subject: string; dueOn: string; workingDaysLeft: number }[]).map(
      (i) => [i.kind, i.subject, i.dueOn, i.workingDaysLeft],
    );
    expect(got).toEqual(
      expect.arrayContaining([
        ['escalation_schedule', '停车难', '2026-12-30', 2],
        ['meeting', '碧海社区', '2026-12-31', 3],
        ['meeting', '渔海社区', '2026-12-31', 3],
        ['meeting', '海韵小区', '2026-12-31', 3],
        ['visit', '王建国', '2026-12-31', 3],
      ]),
    );
    // Met this period: gangbei (quarter) and haiou (December); the city and street have not met.
    expect(got.map((g) => g[1])).not.toContain('港北社区');
    expect(got.map((g) => g[1])).not.toContain('海鸥花园');
    expect(got.filter((g) => g[0] === 'meeting')).toHaveLength(5);
    await bihaiConvener.get('/api/supervision/due-this-week').expect(403);
  });

  test('the directory: by name, code or convener, within the caller’s scope', async () => {
    const byName = await supervisor.get(`/api/units/directory?q=${encodeURIComponent('海鸥')}`).expect(200);
    conforms(directoryPage, byName.body);
    expect(byName.body.items.map((x: { code: string }) => x.code)).toEqual([u.haiou.code]);
    const byCode = await supervisor.get(`/api/units/directory?q=GANGBEI-${tag}`).expect(200);
    expect(byCode.body.items.map((x: { code: string }) => x.code)).toEqual([u.gangbei.code]);
    const byConvener = await supervisor.get(`/api/units/directory?q=${encodeURIComponent('张渔')}`).expect(200);
    expect(byConvener.body.items.map((x: { code: string }) => x.code)).toEqual([u.yuhai.code]);
    const communities = await supervisor.get('/api/units/directory?level=community').expect(200);
    expect(communities.body.total).toBe(3);

    // A community convener sees their community and its compounds only.
    const mine = await bihaiConvener.get(`/api/units/directory?q=${encodeURIComponent('社区')}`).expect(200);
    expect(mine.body.items.map((x: { code: string }) => x.code)).toEqual([u.bihai.code]);
    const all = await bihaiConvener.get('/api/units/directory').expect(200);
    expect(new Set(all.body.items.map((x: { code: string }) => x.code))).toEqual(
      new Set([u.bihai.code, u.haiou.code, u.haiouB.code]),
    );
    const bad = await supervisor.get('/api/units/directory?limit=x').expect(400);
    expect(bad.body.error.field).toBe('query.limit');
  });

  test('a community convener: the compounds under them and their status; others are not found', async () => {
    const res = await bihaiConvener.get(`/api/units/${u.bihai.code}/children-status`).expect(200);
    conforms(childrenStatus, res.body);
    expect(
      res.body.items.map((d: { unit: { code: string }; met: boolean; periodKey: string }) => [
        d.unit.code,
        d.periodKey,
        d.met,
      ]),
    ).toEqual([
      [u.haiou.code, '2026-12', true],
      [u.haiouB.code, '2026-12', false],
    ]);
    await bihaiConvener.get(`/api/units/${u.gangbei.code}/children-status`).expect(404);
    await supervisor.get(`/api/units/${u.street.code}/children-status`).expect(200);
  });

  test('the weekly digest: its rule as data, a supervisor opting out', async () => {
    const got = await supervisor.get('/api/digest-rule').expect(200);
    conforms(digestRule, got.body);
    expect(got.body).toEqual({ enabled: true, weekday: 1, hour: 9 });
    const bad = await supervisor.put('/api/digest-rule').send({ enabled: true, weekday: 8, hour: 9 }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'weekday' });
    await supervisor.put('/api/digest-rule').send({ enabled: true, weekday: 2, hour: 8 }).expect(200);
    expect((await supervisor.get('/api/digest-rule').expect(200)).body).toEqual({ enabled: true, weekday: 2, hour: 8 });
    await bihaiConvener.put('/api/digest-rule').send({ enabled: false, weekday: 1, hour: 9 }).expect(403);

    const email = `office-${tag}@example.org`;
    const member = await admin.post('/api/supervisors').send({ name: '刘主任', email }).expect(201);
    expect(member.body.digestOptOut).toBe(false);
    const out = await admin.post('/api/supervisors').send({ name: '刘主任', email, digestOptOut: true }).expect(200);
    expect(out.body.digestOptOut).toBe(true);
  });
});
