/**
 * The year-end evaluation on the time-skipping test server: a month of December passes in
 * seconds. Driven through the real API (its clock is the test server's), the real worker and
 * activities, an in-memory PGlite database and real SMTP into the mail sink.
 *
 * The rule: the defaults (opens 12-01, moved to the next working day; closes at the end of 12-25;
 * a reminder every 5 working days while below quorum) with the quorum set to 3 in the EntriesRule
 * row. Every test starts at Monday 2026-11-23, 10:00 in Shanghai (the test server's initial time),
 * so the campaign is 2026's. The 2026 holiday notice has no day off and no make-up working day in
 * December: the campaign opens on Tuesday 2026-12-01 (a working day) and 5 working days are one
 * calendar week, so the reminders fall on Tuesdays 12-08, 12-15 and 12-22, all before 12-25 ends.
 */
import { createHash, randomUUID } from 'node:crypto';
import { noticeOffsetMs } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { evaluationStatusQuery } from '../workflows/evaluation';
import { agentFor } from './support/auth';
import { shanghai } from './support/dates';
import { expectOneMailEach as oneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';
import { evaluationWorkflowId } from '../domain/workflow-ids';

const t = useTimeSkipping({ startAt: '2026-11-23T02:00:00Z' });

const QUORUM = 3;

const expectOneMailEach = (rows: { messageId: string }[]) => oneMailEach(t.mail, rows);

/** The API on simulated time, the worker, an admin, the rule (quorum 3) and the year's calendar. */
async function stage() {
  const sim = await simulatedApi(t);
  const { admin, ttl } = sim;
  const userAgent = sim.user;

  // The rule: the defaults, quorum 3.
  const rule = { ...DEFAULT_ENTRIES_RULE, evaluationQuorum: QUORUM };
  await t.db.prisma.entriesRule.upsert({ where: { id: 'default' }, create: rule, update: rule });

  // The year whose opening (12-01) is still ahead of the simulated clock, and its opening day.
  const year = 2026;
  const opensOn = '2026-12-01';

  const tag = randomUUID().slice(0, 6);
  const unit = async (level: string, code: string, parentCode?: string) =>
    (
      await admin
        .post('/api/units')
        .send({
          code: `${code}-${tag}`,
          name: `${code}社区`,
          level,
          parentCode: parentCode && `${parentCode}-${tag}`,
          convenerName: `${code}书记`,
          convenerEmail: `${code}-${tag}@example.org`,
        })
        .expect(201)
    ).body as { id: string; convenerEmail: string };
  const dept = async (code: string, name: string) =>
    t.db.prisma.department.create({
      data: { code: `${code}-${tag}`, name, contactName: `${name}联络员`, contactEmail: `${code}-${tag}@example.org` },
    });
  const pair = (departmentId: string, communityId: string) =>
    t.db.prisma.departmentPairing.create({
      data: { departmentId, communityId, pairedOn: new Date(`${year}-01-01T00:00:00Z`) },
    });
  return {
    app: sim.app,
    admin,
    ttl,
    tag,
    year,
    opensOn,
    opensAt: shanghai(opensOn),
    reminders: ['2026-12-08', '2026-12-15', '2026-12-22'].map((d) => shanghai(d)),
    closesAt: shanghai('2026-12-26', '00:00'), // the end of 12-25
    // The closing notices: at the notice hour of the first working day after Friday 12-25 (Monday 12-28).
    closingNoticeDay: shanghai('2026-12-28'),
    userAgent,
    unit,
    dept,
    pair,
    now: sim.now,
    until: sim.until,
    run: sim.run,
  };
}

test('a campaign that reaches quorum and one that does not', async () => {
  const s = await stage();
  const { admin, ttl, tag, year, opensOn, opensAt, reminders, closesAt, userAgent, unit, dept, pair, until } = s;
  const at = (date: string, hour: number) => shanghai(date, `${String(hour).padStart(2, '0')}:00`);
  // Each campaign's notices at the notice hour plus its community's offset; the closing notices on
  // the first working day after the closing day.
  const plus = (c: { id: string }, instant: number) => instant + noticeOffsetMs(c.id);
  const closingNoticeAt = (c: { id: string }) => plus(c, s.closingNoticeDay);

  // A street with two communities; three departments each, one department paired with both.
  await unit('city', 'city');
  await unit('street', 'street', 'city');
  const bihai = await unit('community', 'bihai', 'street');
  const gangbei = await unit('community', 'gangbei', 'street');
  const housing = await dept('a-housing', '住建局');
  const health = await dept('b-health', '卫健局');
  const justice = await dept('c-justice', '司法局');
  const civil = await dept('d-civil', '民政局');
  const water = await dept('e-water', '水务局');
  for (const d of [housing, health, justice]) await pair(d.id, bihai.id);
  for (const d of [housing, civil, water]) await pair(d.id, gangbei.id);

  await t.db.prisma.supervisor.updateMany({ data: { active: false } });
  const supervisors = [`sup-a-${tag}@example.org`, `sup-b-${tag}@example.org`];
  for (const email of supervisors) await admin.post('/api/supervisors').send({ name: '联络办', email }).expect(201);
  const convenerB = await agentFor(s.app, t.db.prisma, 'convener', bihai.id, ttl);
  const convenerG = await agentFor(s.app, t.db.prisma, 'convener', gangbei.id, ttl);
  const rater1 = await userAgent('rater', bihai.id);
  const rater2 = await userAgent('rater', bihai.id);

  const ballot = (scores: [string, number][]) => ({
    scores: scores.map(([departmentId, score]) => ({ departmentId, score })),
  });

  await s.run(async () => {
    // The year's campaigns: one per community with pairings; a repeat starts nothing new.
    const started = await admin.post('/api/evaluations/campaigns').send({ year }).expect(201);
    expect(started.body).toMatchObject({ year, created: 2, started: 2 });
    const campaigns = new Map<string, { id: string; status: string; quorum: number; opensAt: string }>(
      started.body.items.map((c: { communityId: string }) => [c.communityId, c]),
    );
    const cb = campaigns.get(bihai.id)!;
    const cg = campaigns.get(gangbei.id)!;
    expect(cb).toMatchObject({
      status: 'scheduled',
      quorum: QUORUM,
      raters: 0,
      opensAt: new Date(plus(bihai, opensAt)).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      opensOn,
      closesOn: `${year}-12-25`,
      workflowId: evaluationWorkflowId(bihai.id, year),
    });
    const again = await admin.post('/api/evaluations/campaigns').send({ year }).expect(200);
    expect(again.body).toMatchObject({ created: 0, started: 2 });
    expect(again.body.items.map((c: { id: string }) => c.id).sort()).toEqual([cb.id, cg.id].sort());

    const handleB = t.env.client.workflow.getHandle(evaluationWorkflowId(bihai.id, year));
    const handleG = t.env.client.workflow.getHandle(evaluationWorkflowId(gangbei.id, year));
    let status = await handleB.query(evaluationStatusQuery);
    for (let i = 0; status.state === 'starting' && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await handleB.query(evaluationStatusQuery);
    }
    expect(status).toMatchObject({
      campaignId: cb.id,
      state: 'scheduled',
      raters: 0,
      quorum: QUORUM,
      nextStep: { step: 'opened', at: new Date(plus(bihai, opensAt)).toISOString() },
    });

    // Not open yet: a ballot is refused.
    const early = await rater1.agent
      .post(`/api/evaluations/${cb.id}/ballots`)
      .send({
        raterKind: 'resident',
        ...ballot([
          [housing.id, 90],
          [health.id, 60],
          [justice.id, 85],
        ]),
      })
      .expect(409);
    expect(early.body.error.code).toBe('campaign_not_open');

    // The opening day, 10:00: both campaigns are open; the first resident scores in Bihai.
    await until(at(opensOn, 10));
    const open = await admin.get(`/api/evaluations?year=${year}`).expect(200);
    expect(open.body.items.map((c: { status: string }) => c.status)).toEqual(['open', 'open']);
    await rater1.agent
      .post(`/api/evaluations/${cb.id}/ballots`)
      .send({
        raterKind: 'resident',
        ...ballot([
          [housing.id, 90],
          [health.id, 60],
          [justice.id, 85],
        ]),
      })
      .expect(201);

    // After the first reminder (Bihai at 1 of 3): a Party member and a paper ballot from the convener.
    await until(reminders[0]! + 3_600_000);
    await rater2.agent
      .post(`/api/evaluations/${cb.id}/ballots`)
      .send({
        raterKind: 'party_member',
        ...ballot([
          [justice.id, 85],
          [housing.id, 80],
          [health.id, 100],
        ]),
      })
      .expect(201);
    status = await handleB.query(evaluationStatusQuery);
    expect(status).toMatchObject({
      state: 'open',
      raters: 2,
      nextStep: { step: 'below-quorum-2', at: new Date(plus(bihai, reminders[1]!)).toISOString() },
    });
    // The third ballot reaches the record but its signal is lost: the workflow still counts 2.
    const third = await t.db.prisma.evaluationBallot.create({
      data: {
        campaignId: cb.id,
        raterKey: createHash('sha256').update(`${cb.id}:13800138000`).digest('hex'),
        raterKind: 'resident',
        raterName: '王阿姨',
        recordedBy: 'test:lost-signal',
        scores: {
          create: [
            { departmentId: housing.id, score: 75 },
            { departmentId: health.id, score: 70 },
            { departmentId: justice.id, score: 90 },
          ],
        },
      },
    });
    expect(third.id).toBeDefined();
    // The same person on paper again (her phone written another way): refused.
    const dup = await convenerB
      .post(`/api/evaluations/${cb.id}/ballots`)
      .send({
        raterKind: 'resident',
        raterRef: '+86 138-0013-8000',
        ...ballot([
          [housing.id, 10],
          [health.id, 10],
          [justice.id, 10],
        ]),
      })
      .expect(409);
    expect(dup.body.error.code).toBe('duplicate_rater');
    // Gangbei: one paper ballot only.
    await convenerG
      .post(`/api/evaluations/${cg.id}/ballots`)
      .send({
        raterKind: 'party_member',
        raterRef: '210681199001011234',
        ...ballot([
          [housing.id, 70],
          [civil.id, 50],
          [water.id, 65],
        ]),
      })
      .expect(201);

    // The second reminder re-counts the record: Bihai has its quorum, no reminder; the query follows.
    await until(reminders[1]! + 3_600_000);
    status = await handleB.query(evaluationStatusQuery);
    expect(status).toMatchObject({
      state: 'open',
      raters: 3,
      nextStep: { step: 'closed', at: new Date(closesAt).toISOString() },
    });

    // Past the deadline: both closed.
    await until(closesAt + 3_600_000);
    expect(await handleB.query(evaluationStatusQuery)).toMatchObject({
      state: 'closed',
      outcome: null,
      nextStep: { step: 'closed-notice', at: new Date(closingNoticeAt(bihai)).toISOString() },
    });
    await until(Math.max(closingNoticeAt(bihai), closingNoticeAt(gangbei)) + 3_600_000);
    expect(await handleB.result()).toBe('quorum-met');
    expect(await handleG.result()).toBe('quorum-not-met');
    expect(await handleG.query(evaluationStatusQuery)).toMatchObject({
      state: 'closed',
      raters: 1,
      outcome: 'quorum-not-met',
    });

    // The ledger: exactly these rows, at these instants, each one SMTP message.
    const rows = await t.db.prisma.notification.findMany({
      where: { obligation: { in: [evaluationWorkflowId(bihai.id, year), evaluationWorkflowId(gangbei.id, year)] } },
    });
    const key = (r: { obligation: string; periodKey: string; step: string; recipient: string }) =>
      `${r.obligation === evaluationWorkflowId(bihai.id, year) ? 'bihai' : 'gangbei'} ${r.periodKey} ${r.step} ${r.recipient}`;
    const y = String(year);
    expect(rows.map(key).sort()).toEqual(
      [
        `bihai ${y} opened ${bihai.convenerEmail}`,
        `bihai ${y} below-quorum-1 ${bihai.convenerEmail}`,
        `bihai ${y} closed ${bihai.convenerEmail}`,
        `gangbei ${y} opened ${gangbei.convenerEmail}`,
        `gangbei ${y} below-quorum-1 ${gangbei.convenerEmail}`,
        `gangbei ${y} below-quorum-2 ${gangbei.convenerEmail}`,
        `gangbei ${y} below-quorum-3 ${gangbei.convenerEmail}`,
        `gangbei ${y} closed ${gangbei.convenerEmail}`,
        `gangbei ${y} closed ${supervisors[0]}`,
        `gangbei ${y} closed ${supervisors[1]}`,
      ].sort(),
    );
    const when = new Map(rows.map((r) => [key(r), r.scheduledFor.getTime()]));
    // The instant each step fell due: the opening, each reminder, the deadline.
    const due = (k: string, instant: number) =>
      expect(new Date(when.get(k)!).toISOString()).toBe(new Date(instant).toISOString());
    due(`bihai ${y} opened ${bihai.convenerEmail}`, plus(bihai, opensAt));
    due(`bihai ${y} below-quorum-1 ${bihai.convenerEmail}`, plus(bihai, reminders[0]!));
    due(`gangbei ${y} below-quorum-2 ${gangbei.convenerEmail}`, plus(gangbei, reminders[1]!));
    due(`gangbei ${y} below-quorum-3 ${gangbei.convenerEmail}`, plus(gangbei, reminders[2]!));
    due(`gangbei ${y} closed ${supervisors[1]}`, closingNoticeAt(gangbei));
    due(`bihai ${y} closed ${bihai.convenerEmail}`, closingNoticeAt(bihai));
    due(`gangbei ${y} opened ${gangbei.convenerEmail}`, plus(gangbei, opensAt));
    due(`gangbei ${y} below-quorum-1 ${gangbei.convenerEmail}`, plus(gangbei, reminders[0]!));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.filter((r) => r.recipient.startsWith('sup-')).map((r) => r.audience)).toEqual([
      'supervisor',
      'supervisor',
    ]);
    expectOneMailEach(rows);
    const reminderMail = t.mail.sink
      .messages()
      .find((m) => m.messageId === rows.find((r) => key(r).includes('bihai ' + y + ' below-quorum-1'))!.messageId);
    expect(reminderMail!.subject).toContain(`1/${QUORUM}`);

    // The record: both closed at the deadline; Bihai's results per department, worked out by hand.
    const detail = await admin.get(`/api/evaluations/${cb.id}`).expect(200);
    expect(detail.body).toMatchObject({
      status: 'closed',
      final: true,
      raters: 3,
      quorumMet: true,
      closedAt: new Date(closesAt).toISOString(),
      raterKinds: { party_member: 1, resident: 2 },
    });
    expect(
      detail.body.departments.map((d: Record<string, unknown>) => [d.name, d.count, d.mean, d.median, d.quorumMet]),
    ).toEqual([
      ['住建局', 3, 81.67, 80, true], // 90, 80, 75
      ['卫健局', 3, 76.67, 70, true], // 60, 100, 70
      ['司法局', 3, 86.67, 85, true], // 85, 85, 90
    ]);
    const gDetail = await admin.get(`/api/evaluations/${cg.id}`).expect(200);
    expect(gDetail.body).toMatchObject({ status: 'closed', raters: 1, quorumMet: false });
    expect(gDetail.body.departments.map((d: Record<string, unknown>) => [d.name, d.count, d.mean])).toEqual([
      ['住建局', 1, 70],
      ['民政局', 1, 50],
      ['水务局', 1, 65],
    ]);

    // The annual table: 住建局 across both communities; its overall mean counts Bihai only.
    const results = await admin.get(`/api/evaluations/results?year=${year}`).expect(200);
    const mine = results.body.rows.filter((r: { code: string }) => r.code.endsWith(tag));
    expect(
      mine.map((r: any) => [
        r.name,
        r.communities.map((c: any) => [c.communityName, c.count, c.mean, c.median, c.quorumMet]),
        r.overall,
      ]),
    ).toEqual([
      [
        '住建局',
        [
          ['bihai社区', 3, 81.67, 80, true],
          ['gangbei社区', 1, 70, 70, false],
        ],
        { communities: 2, communitiesQuorumMet: 1, raters: 4, mean: 81.67 },
      ],
      [
        '卫健局',
        [['bihai社区', 3, 76.67, 70, true]],
        { communities: 1, communitiesQuorumMet: 1, raters: 3, mean: 76.67 },
      ],
      [
        '司法局',
        [['bihai社区', 3, 86.67, 85, true]],
        { communities: 1, communitiesQuorumMet: 1, raters: 3, mean: 86.67 },
      ],
      [
        '民政局',
        [['gangbei社区', 1, 50, 50, false]],
        { communities: 1, communitiesQuorumMet: 0, raters: 1, mean: null },
      ],
      [
        '水务局',
        [['gangbei社区', 1, 65, 65, false]],
        { communities: 1, communitiesQuorumMet: 0, raters: 1, mean: null },
      ],
    ]);

    // Closed: no more ballots.
    const late = await rater1.agent
      .post(`/api/evaluations/${cb.id}/ballots`)
      .send({
        raterKind: 'resident',
        ...ballot([
          [housing.id, 90],
          [health.id, 60],
          [justice.id, 85],
        ]),
      })
      .expect(409);
    expect(late.body.error.code).toBe('campaign_not_open');
  });
}, 300_000);

test('a community left without paired departments at the opening: cancelled, nobody told; paired again, it reopens', async () => {
  const s = await stage();
  await s.unit('city', 'city');
  await s.unit('street', 'street', 'city');
  const haibin = await s.unit('community', 'haibin', 'street');
  const housing = await s.dept('a-housing', '住建局');
  const health = await s.dept('b-health', '卫健局');
  const pairing = await s.pair(housing.id, haibin.id);
  const rater = await s.userAgent('rater', haibin.id);
  const obligation = evaluationWorkflowId(haibin.id, s.year);

  await s.run(async () => {
    const started = await s.admin.post('/api/evaluations/campaigns').send({ year: s.year }).expect(201);
    const campaign = started.body.items.find((c: { communityId: string }) => c.communityId === haibin.id);
    expect(campaign).toMatchObject({ status: 'scheduled', workflowId: obligation });
    // The pairing ends before the opening.
    await t.db.prisma.departmentPairing.update({ where: { id: pairing.id }, data: { endedAt: new Date(s.now()) } });

    await s.until(s.opensAt + 3_600_000);
    const handle = t.env.client.workflow.getHandle(obligation);
    expect(await handle.result()).toBe('inactive');
    expect(await handle.query(evaluationStatusQuery)).toMatchObject({ state: 'inactive', campaignId: campaign.id });
    const cancelled = await s.admin.get(`/api/evaluations/${campaign.id}`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', departments: [] });
    expect(await t.db.prisma.notification.count({ where: { obligation } })).toBe(0);
    const refused = await rater.agent
      .post(`/api/evaluations/${campaign.id}/ballots`)
      .send({ raterKind: 'resident', scores: [{ departmentId: housing.id, score: 80 }] })
      .expect(409);
    expect(refused.body.error.code).toBe('campaign_not_open');

    // Two days later a department is paired: starting the year's campaigns again reopens it at once.
    await s.until(s.opensAt + 2 * 86_400_000);
    await s.pair(health.id, haibin.id);
    const again = await s.admin.post('/api/evaluations/campaigns').send({ year: s.year }).expect(200);
    expect(again.body.items.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({ status: 'scheduled' });
    await s.until(s.now() + 3_600_000);
    const reopened = await s.admin.get(`/api/evaluations/${campaign.id}`).expect(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    expect(reopened.body.departments.map((d: { name: string }) => d.name)).toEqual(['卫健局']);
    await rater.agent
      .post(`/api/evaluations/${campaign.id}/ballots`)
      .send({ raterKind: 'resident', scores: [{ departmentId: health.id, score: 80 }] })
      .expect(201);
    const rows = await t.db.prisma.notification.findMany({ where: { obligation } });
    expect(rows.map((r) => r.step)).toEqual(['opened']);
    expectOneMailEach(rows);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entity: 'evaluationCampaign', entityId: campaign.id },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['evaluation.campaign.create', 'evaluation.campaign.reopen']);
  });
}, 300_000);
