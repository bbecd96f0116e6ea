/**
 * The year-end evaluation through the HTTP API, against a real database (embedded PGlite and
 * PostgreSQL) and a real Temporal dev server with the worker running. The API's clock is set in
 * December 2099, inside that year's campaign window (2099-12-01 to 12-25, a year without official
 * calendar data: Monday to Friday); the campaigns' workflows run on real time and wait for 2099,
 * so this file moves a campaign from scheduled to open to closed in the record as its workflow
 * does at the opening and at the deadline (test/evaluation.workflow.test.ts runs those for real).
 * Every expected figure below was worked out by hand.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Role } from '@prisma/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Workbook } from 'exceljs';
import request, { type Response } from 'supertest';
import { noticeOffsetMs } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { signToken } from '../infra/auth';
import { evaluationStatusQuery } from '../workflows/evaluation';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, TEST_AUTH } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const YEAR = 2099;
const QUORUM = 2;
const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(DATABASES)('year-end evaluation on %s', (_name, kind) => {
  let h: ApiHarness;
  const now = new Date('2099-12-10T10:00:00+08:00');
  const tag = randomUUID().slice(0, 6);
  let admin: Agent;
  let supervisor: Agent;
  const units = {} as Record<'city' | 'street' | 'bihai' | 'gangbei' | 'empty' | 'haiou', { id: string }>;
  const conveners = {} as Record<'street' | 'bihai' | 'gangbei', Agent>;
  const raters = {} as Record<'bihai' | 'haiou' | 'gangbei', Agent>;
  const depts = {} as Record<'housing' | 'health' | 'justice' | 'civil' | 'water', { id: string; name: string }>;
  const deptUsers = {} as Record<'housing' | 'civil', Agent>;
  const campaign = {} as Record<'bihai' | 'gangbei', string>;

  /** A new user of this role, as an agent whose token is valid on the API's clock. */
  async function as(role: Role, extra: { unitId?: string; departmentId?: string } = {}): Promise<Agent> {
    const user = await h.db.prisma.user.create({
      data: { username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role, role, ...extra },
    });
    const { token } = signToken(user.id, TEST_AUTH.tokenSecret, 86_400, now.getTime());
    return request.agent(h.app).set({ Authorization: `Bearer ${token}` });
  }

  const ballot = (scores: [keyof typeof depts, number][], extra: Record<string, unknown> = {}) => ({
    raterKind: 'resident',
    ...extra,
    scores: scores.map(([d, score]) => ({ departmentId: depts[d].id, score })),
  });
  const post = (agent: Agent, c: 'bihai' | 'gangbei', body: object) =>
    agent.post(`/api/evaluations/${campaign[c]}/ballots`).send(body);
  const setStatus = (status: string) =>
    h.db.prisma.evaluationCampaign.updateMany({
      where: { id: { in: Object.values(campaign) } },
      data: { status, ...(status === 'closed' ? { closedAt: new Date('2099-12-25T16:00:00Z') } : {}) },
    });

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    admin = await as('admin');
    supervisor = await as('supervisor');
    const rule = { ...DEFAULT_ENTRIES_RULE, evaluationQuorum: QUORUM };
    await h.db.prisma.entriesRule.upsert({ where: { id: 'default' }, create: rule, update: rule });
    const spec: [keyof typeof units, string, string, (keyof typeof units)?][] = [
      ['city', '东港市', 'city'],
      ['street', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'street'],
      ['gangbei', '港北社区', 'community', 'street'],
      ['empty', '无结对社区', 'community', 'street'],
      ['haiou', '海鸥花园', 'compound', 'bihai'],
    ];
    for (const [key, name, level, parent] of spec) {
      const res = await admin
        .post('/api/units')
        .send({
          code: `${key}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: units[parent].id } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key}-${tag}@example.org`,
        })
        .expect(201);
      units[key] = { id: res.body.id };
    }
    const names = { housing: '住建局', health: '卫健局', justice: '司法局', civil: '民政局', water: '水务局' };
    for (const [i, [key, name]] of Object.entries(names).entries()) {
      const d = await h.db.prisma.department.create({
        data: {
          code: `${i}-${key}-${tag}`,
          name,
          contactName: `${name}联络员`,
          contactEmail: `${key}-${tag}@example.org`,
        },
      });
      depts[key as keyof typeof depts] = { id: d.id, name };
    }
    const pairings: [keyof typeof depts, 'bihai' | 'gangbei'][] = [
      ['housing', 'bihai'],
      ['health', 'bihai'],
      ['justice', 'bihai'],
      ['housing', 'gangbei'],
      ['civil', 'gangbei'],
      ['water', 'gangbei'],
    ];
    for (const [d, c] of pairings) {
      await h.db.prisma.departmentPairing.create({
        data: { departmentId: depts[d].id, communityId: units[c].id, pairedOn: new Date('2099-01-01T00:00:00Z') },
      });
    }
    // A pairing that ended before the year's campaign does not count.
    await h.db.prisma.departmentPairing.create({
      data: {
        departmentId: depts.water.id,
        communityId: units.empty.id,
        pairedOn: new Date('2098-01-01T00:00:00Z'),
        endedAt: new Date('2098-06-30T00:00:00Z'),
      },
    });
    for (const c of ['street', 'bihai', 'gangbei'] as const)
      conveners[c] = await as('convener', { unitId: units[c].id });
    for (const c of ['bihai', 'haiou', 'gangbei'] as const) raters[c] = await as('rater', { unitId: units[c].id });
    for (const d of ['housing', 'civil'] as const) deptUsers[d] = await as('department', { departmentId: depts[d].id });
  });

  afterAll(async () => {
    await h?.close();
  });

  test('the year’s campaigns: one per community with pairings, started by the liaison office; a repeat is harmless', async () => {
    for (const agent of [conveners.bihai, raters.bihai, deptUsers.housing]) {
      await agent.post('/api/evaluations/campaigns').send({ year: YEAR }).expect(403);
    }
    expect(errorOf(await admin.post('/api/evaluations/campaigns').send({ year: 2098 }).expect(400)).field).toBe('year');
    expect(errorOf(await admin.post('/api/evaluations/campaigns').send({ year: '2099' }).expect(400)).field).toBe(
      'year',
    );
    const res = await supervisor.post('/api/evaluations/campaigns').send({ year: YEAR }).expect(201);
    const mine = res.body.items.filter((c: { communityId: string }) =>
      [units.bihai.id, units.gangbei.id, units.empty.id].includes(c.communityId),
    );
    expect(mine.map((c: any) => [c.communityName, c.status, c.quorum, c.raters, c.opensOn, c.closesOn])).toEqual([
      ['碧海社区', 'scheduled', QUORUM, 0, '2099-12-01', '2099-12-25'],
      ['港北社区', 'scheduled', QUORUM, 0, '2099-12-01', '2099-12-25'],
    ]);
    for (const c of mine) campaign[c.communityId === units.bihai.id ? 'bihai' : 'gangbei'] = c.id;
    expect(mine[0]).toMatchObject({
      // The notice hour plus the community's offset (its own second in 09:00–09:10).
      opensAt: new Date(Date.parse('2099-12-01T01:00:00.000Z') + noticeOffsetMs(units.bihai.id)).toISOString(),
      closesAt: '2099-12-25T16:00:00.000Z',
      workflowId: `evaluation:${units.bihai.id}:${YEAR}`,
    });
    const again = await admin.post('/api/evaluations/campaigns').send({ year: YEAR }).expect(200);
    expect(again.body.created).toBe(0);
    expect(again.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([campaign.bihai, campaign.gangbei]),
    );
    // Until a campaign opens it follows the rule in force: a new quorum applies to this year's.
    await h.db.prisma.entriesRule.update({ where: { id: 'default' }, data: { evaluationQuorum: 60 } });
    const changed = await admin.post('/api/evaluations/campaigns').send({ year: YEAR }).expect(200);
    expect(changed.body.items.map((c: { quorum: number }) => c.quorum)).toEqual([60, 60]);
    await h.db.prisma.entriesRule.update({ where: { id: 'default' }, data: { evaluationQuorum: QUORUM } });
    await admin.post('/api/evaluations/campaigns').send({ year: YEAR }).expect(200);
    expect((await h.db.prisma.evaluationCampaign.findMany({ where: { year: YEAR } })).map((c) => c.quorum)).toEqual([
      QUORUM,
      QUORUM,
    ]);
    const audit = await admin.get(`/api/audit?entity=evaluationCampaign&entityId=${campaign.bihai}`).expect(200);
    expect(audit.body.items.map((a: { action: string; actor: string }) => a.action)).toEqual([
      'evaluation.campaign.create',
    ]);
    expect(audit.body.items[0].actor).toMatch(/^supervisor:/);
  });

  test('no ballot before the campaign opens', async () => {
    const res = await post(
      raters.bihai,
      'bihai',
      ballot([
        ['housing', 90],
        ['health', 60],
        ['justice', 88],
      ]),
    );
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('campaign_not_open');
    await setStatus('open'); // as the workflow does at 2099-12-01 09:00
  });

  test('a ballot scores each paired department exactly once: the error names the field', async () => {
    const cases: [Agent, object, string][] = [
      [
        raters.bihai,
        ballot([
          ['housing', 90],
          ['health', 60],
        ]),
        'scores',
      ],
      [
        raters.bihai,
        ballot([
          ['housing', 90],
          ['health', 60],
          ['civil', 70],
        ]),
        'scores.2.departmentId',
      ],
      [
        raters.bihai,
        ballot([
          ['housing', 90],
          ['housing', 60],
          ['health', 60],
          ['justice', 1],
        ]),
        'scores.1.departmentId',
      ],
      [
        raters.bihai,
        ballot([
          ['housing', 101],
          ['health', 60],
          ['justice', 88],
        ]),
        'scores.0.score',
      ],
      [
        raters.bihai,
        ballot([
          ['housing', 90],
          ['health', 7.5],
          ['justice', 88],
        ]),
        'scores.1.score',
      ],
      [
        raters.bihai,
        ballot([
          ['housing', 90],
          ['health', -1],
          ['justice', 88],
        ]),
        'scores.1.score',
      ],
      [
        raters.bihai,
        ballot(
          [
            ['housing', 90],
            ['health', 60],
            ['justice', 88],
          ],
          { raterKind: 'visitor' },
        ),
        'raterKind',
      ],
      [raters.bihai, { raterKind: 'resident', scores: [] }, 'scores'],
      [
        raters.bihai,
        ballot(
          [
            ['housing', 90],
            ['health', 60],
            ['justice', 88],
          ],
          { raterRef: '13800138000' },
        ),
        'raterRef',
      ],
      [
        conveners.bihai,
        ballot([
          ['housing', 90],
          ['health', 60],
          ['justice', 88],
        ]),
        'raterRef',
      ],
      [
        conveners.bihai,
        ballot(
          [
            ['housing', 90],
            ['health', 60],
            ['justice', 88],
          ],
          { raterRef: '??' },
        ),
        'raterRef',
      ],
    ];
    for (const [agent, body, field] of cases) {
      const res = await post(agent, 'bihai', body);
      expect({ field, status: res.status, error: errorOf(res) }).toMatchObject({
        field,
        status: 400,
        error: { code: 'invalid_input', field },
      });
    }
    await raters.bihai.post('/api/evaluations/not-a-uuid/ballots').send({}).expect(404);
    await raters.bihai.post(`/api/evaluations/${randomUUID()}/ballots`).send({}).expect(404);
    expect(await h.db.prisma.evaluationBallot.count({ where: { campaignId: campaign.bihai } })).toBe(0);
  });

  test('one ballot per rater: a second one is 409 duplicate_rater; paper identities are kept as digests only', async () => {
    const first = await post(
      raters.bihai,
      'bihai',
      ballot([
        ['justice', 88],
        ['housing', 90],
        ['health', 60],
      ]),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ raterKind: 'resident', raters: 1, quorum: QUORUM });
    expect(first.body.scores.map((s: { score: number }) => s.score)).toEqual([90, 60, 88]); // department order
    const again = await post(
      raters.bihai,
      'bihai',
      ballot([
        ['housing', 10],
        ['health', 10],
        ['justice', 10],
      ]),
    );
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('duplicate_rater');

    // A paper ballot by the community's convener; the same phone written differently by an admin: refused.
    const paper = await post(
      conveners.bihai,
      'bihai',
      ballot(
        [
          ['housing', 80],
          ['health', 65],
          ['justice', 77],
        ],
        {
          raterKind: 'party_member',
          raterName: '王阿姨',
          raterRef: '138 0013 8000',
        },
      ),
    ).expect(201);
    expect(paper.body).toMatchObject({ raterKind: 'party_member', raterName: '王阿姨', raters: 2 });
    const dup = await post(
      admin,
      'bihai',
      ballot(
        [
          ['housing', 1],
          ['health', 1],
          ['justice', 1],
        ],
        { raterRef: '+86-138-0013-8000' },
      ),
    );
    expect(dup.status).toBe(409);
    expect(errorOf(dup)).toMatchObject({ code: 'duplicate_rater', field: 'raterRef' });

    // A resident of a compound in Bihai rates Bihai.
    await post(
      raters.haiou,
      'bihai',
      ballot([
        ['housing', 70],
        ['health', 100],
        ['justice', 66],
      ]),
    ).expect(201);
    // Gangbei: one ballot, below its quorum of 2.
    await post(
      conveners.gangbei,
      'gangbei',
      ballot(
        [
          ['housing', 50],
          ['civil', 40],
          ['water', 95],
        ],
        { raterRef: 'G123456' },
      ),
    ).expect(201);

    // Each ballot was signalled to the campaign's workflow: its status query counts them.
    const handle = env.client.workflow.getHandle(`evaluation:${units.bihai.id}:${YEAR}`);
    let status = await handle.query(evaluationStatusQuery);
    for (let i = 0; status.raters < 3 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await handle.query(evaluationStatusQuery);
    }
    // (Its quorum is the one it read when it last planned: the rule changed above, so not asserted here.)
    expect(status).toMatchObject({ campaignId: campaign.bihai, raters: 3 });

    const stored = await h.db.prisma.evaluationBallot.findMany({ where: { campaignId: campaign.bihai } });
    expect(stored.map((b) => b.raterKey)).toContain(sha256(`${campaign.bihai}:13800138000`));
    const audits = await h.db.prisma.auditEvent.findMany({ where: { entity: 'evaluationBallot' } });
    expect(audits).toHaveLength(4);
    expect(JSON.stringify([stored, audits])).not.toMatch(/13800138000|138 0013 8000/);
  });

  test('who may see and score which campaign', async () => {
    // A rater sees and scores their own community only.
    const listed = await raters.gangbei.get('/api/evaluations').expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([campaign.gangbei]);
    await raters.gangbei.get(`/api/evaluations/${campaign.bihai}`).expect(404);
    await post(
      raters.gangbei,
      'bihai',
      ballot([
        ['housing', 1],
        ['health', 1],
        ['justice', 1],
      ]),
    ).expect(404);
    // A convener: their own community's paper ballots; a foreign one is not found; the street reads only.
    await post(
      conveners.gangbei,
      'bihai',
      ballot(
        [
          ['housing', 1],
          ['health', 1],
          ['justice', 1],
        ],
        { raterRef: 'X1234' },
      ),
    ).expect(404);
    await conveners.street.get(`/api/evaluations/${campaign.bihai}`).expect(200);
    const street = await post(
      conveners.street,
      'bihai',
      ballot(
        [
          ['housing', 1],
          ['health', 1],
          ['justice', 1],
        ],
        { raterRef: 'X1234' },
      ),
    );
    expect(street.status).toBe(403);
    const streetList = await conveners.street.get(`/api/evaluations?year=${YEAR}`).expect(200);
    expect(streetList.body.total).toBe(2);
    // The liaison office reads, does not score; a department has its results row only.
    await post(
      supervisor,
      'bihai',
      ballot(
        [
          ['housing', 1],
          ['health', 1],
          ['justice', 1],
        ],
        { raterRef: 'X1234' },
      ),
    ).expect(403);
    expect((await deptUsers.housing.get('/api/evaluations').expect(200)).body.items).toEqual([]);
    await deptUsers.housing.get(`/api/evaluations/${campaign.bihai}`).expect(404);
    await raters.bihai.get(`/api/evaluations/results?year=${YEAR}`).expect(403);
    await conveners.bihai.get(`/api/evaluations/results?year=${YEAR}`).expect(403);
    expect(errorOf(await admin.get('/api/evaluations?year=abc').expect(400)).field).toBe('query.year');
    // Progress, filtered by street: raters so far versus quorum.
    const progress = await supervisor.get(`/api/evaluations?year=${YEAR}&streetId=${units.street.id}`).expect(200);
    expect(progress.body.items.map((c: any) => [c.communityName, c.status, c.raters, c.quorum, c.quorumMet])).toEqual([
      ['碧海社区', 'open', 3, QUORUM, true],
      ['港北社区', 'open', 1, QUORUM, false],
    ]);
  });

  test('while open: live counts only; once closed: the results, and the annual table per department (JSON and XLSX)', async () => {
    const live = await admin.get(`/api/evaluations/${campaign.bihai}`).expect(200);
    expect(live.body).toMatchObject({
      status: 'open',
      final: false,
      raters: 3,
      raterKinds: { party_member: 1, resident: 2 },
    });
    expect(live.body.departments.map((d: any) => [d.name, d.count, d.mean, d.median])).toEqual([
      ['住建局', 3, null, null],
      ['卫健局', 3, null, null],
      ['司法局', 3, null, null],
    ]);
    const before = await admin.get(`/api/evaluations/results?year=${YEAR}`).expect(200);
    expect(before.body).toMatchObject({ year: YEAR, campaigns: { closed: 0, pending: 2 }, rows: [] });

    await setStatus('closed'); // as the workflow does at the end of 2099-12-25
    const closed = await post(
      raters.gangbei,
      'gangbei',
      ballot([
        ['housing', 1],
        ['civil', 1],
        ['water', 1],
      ]),
    );
    expect(errorOf(closed).code).toBe('campaign_not_open');

    const bihai = await admin.get(`/api/evaluations/${campaign.bihai}`).expect(200);
    expect(bihai.body.departments.map((d: any) => [d.name, d.count, d.mean, d.median, d.quorumMet])).toEqual([
      ['住建局', 3, 80, 80, true], // 90, 80, 70
      ['卫健局', 3, 75, 65, true], // 60, 65, 100
      ['司法局', 3, 77, 77, true], // 88, 77, 66
    ]);

    const table = await supervisor.get(`/api/evaluations/results?year=${YEAR}`).expect(200);
    expect(table.body).toMatchObject({ year: YEAR, asOf: '2099-12-10', campaigns: { closed: 2, pending: 0 } });
    const rows = table.body.rows.map((r: any) => [
      r.name,
      r.communities.map((c: any) => [c.communityName, c.count, c.mean, c.median, c.quorumMet]),
      r.overall,
    ]);
    expect(rows).toEqual([
      [
        '住建局',
        [
          ['碧海社区', 3, 80, 80, true],
          ['港北社区', 1, 50, 50, false],
        ],
        { communities: 2, communitiesQuorumMet: 1, raters: 4, mean: 80 },
      ],
      ['卫健局', [['碧海社区', 3, 75, 65, true]], { communities: 1, communitiesQuorumMet: 1, raters: 3, mean: 75 }],
      ['司法局', [['碧海社区', 3, 77, 77, true]], { communities: 1, communitiesQuorumMet: 1, raters: 3, mean: 77 }],
      ['民政局', [['港北社区', 1, 40, 40, false]], { communities: 1, communitiesQuorumMet: 0, raters: 1, mean: null }],
      ['水务局', [['港北社区', 1, 95, 95, false]], { communities: 1, communitiesQuorumMet: 0, raters: 1, mean: null }],
    ]);

    // A department sees its own row only.
    const own = await deptUsers.civil.get(`/api/evaluations/results?year=${YEAR}`).expect(200);
    expect(own.body.rows.map((r: { departmentId: string }) => r.departmentId)).toEqual([depts.civil.id]);
    expect(own.body.rows[0]).toEqual(table.body.rows[3]);

    // The workbook holds the same table.
    const sheetRows = async (agent: Agent) => {
      const res = await agent
        .get(`/api/evaluations/results.xlsx?year=${YEAR}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="evaluation-results-${YEAR}.xlsx"`);
      const book = new Workbook();
      await book.xlsx.load((res.body as Buffer).slice().buffer); // a copy: exceljs wants a whole ArrayBuffer
      const values = (i: number) =>
        book.worksheets[i]!.getSheetValues()
          .filter(Boolean)
          .map((r) => (r as unknown[]).slice(1));
      // The term is 规定人数 (the number the rule sets), not 法定人数; widths follow the contents.
      const header = (book.worksheets[1]!.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(['规定人数 Quorum', '达到规定人数 Quorum met']));
      expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).not.toContain('法定');
      for (const sheet of book.worksheets) {
        expect(sheet.columns.map((c) => c.width)).toEqual(sheet.columns.map(() => expect.any(Number)));
      }
      expect(book.worksheets[0]!.getColumn(4).width).toBeGreaterThanOrEqual(2 * '达到规定人数的社区'.length);
      return { summary: values(0).slice(2), detail: values(1).slice(1) };
    };
    const blank = (v: number | null) => v ?? undefined;
    const expected = (body: any) => ({
      summary: body.rows.map((r: any) => [
        r.code,
        r.name,
        r.overall.communities,
        r.overall.communitiesQuorumMet,
        r.overall.raters,
        blank(r.overall.mean),
      ]),
      detail: body.rows.flatMap((r: any) =>
        r.communities.map((c: any) => [
          r.code,
          r.name,
          c.communityName,
          c.count,
          c.mean,
          c.median,
          c.quorum,
          c.quorumMet ? '是 yes' : '否 no',
        ]),
      ),
    });
    // (An empty cell reads back as a hole in the row: toEqual treats it as the expected undefined.)
    expect(await sheetRows(supervisor)).toEqual(expected(table.body));
    const gotOwn = await sheetRows(deptUsers.civil);
    expect(gotOwn.detail).toEqual(expected(own.body).detail);
  });

  test('a community registered and paired while the service runs gets its campaign and workflow at once', async () => {
    const code = `xinhai-${tag}`;
    const community = await admin
      .post('/api/units')
      .send({
        code,
        name: '新海社区',
        level: 'community',
        parentId: units.street.id,
        convenerName: '新海社区书记',
        convenerEmail: `${code}@example.org`,
      })
      .expect(201);
    // Registered without paired departments: not evaluable yet.
    expect(await h.db.prisma.evaluationCampaign.count({ where: { communityId: community.body.id } })).toBe(0);
    const codes = ['urban', 'police', 'edu'].map((d) => `${d}-${tag}`);
    for (const d of codes) {
      await admin
        .post('/api/departments')
        .send({ code: d, name: `${d}局`, contactName: `${d}联络员`, contactEmail: `${d}@example.org` })
        .expect(201);
    }
    await admin.put(`/api/units/${code}/department-pairings`).send({ departmentCodes: codes }).expect(200);

    const row = await h.db.prisma.evaluationCampaign.findUnique({
      where: { communityId_year: { communityId: community.body.id, year: YEAR } },
    });
    expect(row).toMatchObject({ status: 'scheduled', quorum: QUORUM });
    const handle = env.client.workflow.getHandle(`evaluation:${community.body.id}:${YEAR}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    let status = await handle.query(evaluationStatusQuery);
    for (let i = 0; status.state === 'starting' && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await handle.query(evaluationStatusQuery);
    }
    expect(status).toMatchObject({ campaignId: row!.id, year: YEAR, state: 'scheduled' });
    const audit = await admin.get(`/api/audit?entity=evaluationCampaign&entityId=${row!.id}`).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['evaluation.campaign.create']);
    const view = await supervisor.get(`/api/evaluations/${row!.id}`).expect(200);
    expect(view.body).toMatchObject({ communityName: '新海社区', status: 'scheduled', workflowId: handle.workflowId });
  });
});
