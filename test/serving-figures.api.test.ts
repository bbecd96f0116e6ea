/**
 * The third entry's figures (GET /api/serving/figures and its XLSX) through the HTTP API, against
 * both databases, on a fixture seeded straight into the tables with Prisma. The API's clock is
 * simulated (2026-06-15 10:00, Asia/Shanghai). Every figure below was counted by hand from the
 * fixture (the comments say which rows make it), not by the code under test.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PrismaClient } from '@prisma/client';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { servingFigures } from '../api/contract/serving-figures';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const TODAY = '2026-06-15';
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

type UnitKey = 'city' | 'streetA' | 'bihai' | 'gangbei' | 'haiou' | 'streetB' | 'haibin';
type Ids = Record<UnitKey, string>;

/**
 * The fixture. Employers: E1 碧海 (2026-01-10), E2 碧海 (removed 2026-05-01), E3 港北 (2025-11-01),
 * E4 without a community (2026-02-01), E5 海滨 (registers 2026-07-01, after today).
 * Members: M1 碧海/E1, M2 碧海/E3, M3 碧海/E1 (removed 2026-06-01), M4 碧海/E4 (2025-12-01),
 * M5 港北/E3, M6 港北/E1 (registers 2026-06-20), M7 海滨/E4.
 */
async function seed(prisma: PrismaClient, u: Ids): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const employer = async (key: string, communityId: string | null, registeredOn: string, removedAt?: Date) => {
    const e = await prisma.servingEmployer.create({
      data: {
        code: `emp-${key.toLowerCase()}`,
        name: `单位${key}`,
        partyOrgName: `单位${key}机关党支部`,
        contactName: `联系人${key}`,
        contactEmail: `${key.toLowerCase()}@example.org`,
        communityId,
        registeredOn: day(registeredOn),
        removedAt,
      },
    });
    ids[key] = e.id;
  };
  await employer('E1', u.bihai, '2026-01-10');
  await employer('E2', u.bihai, '2026-03-01', new Date('2026-05-01T02:00:00Z'));
  await employer('E3', u.gangbei, '2025-11-01');
  await employer('E4', null, '2026-02-01');
  await employer('E5', u.haibin, '2026-07-01');

  const member = async (key: string, n: number, communityId: string, emp: string, on: string, removedAt?: Date) => {
    const m = await prisma.servingMember.create({
      data: {
        name: `党员${key}`,
        communityId,
        employerId: ids[emp]!,
        phone: `1380000000${n}`,
        registeredOn: day(on),
        removedAt,
      },
    });
    ids[key] = m.id;
  };
  await member('M1', 1, u.bihai, 'E1', '2026-01-15');
  await member('M2', 2, u.bihai, 'E3', '2026-02-01');
  await member('M3', 3, u.bihai, 'E1', '2026-03-01', new Date('2026-06-01T02:00:00Z'));
  await member('M4', 4, u.bihai, 'E4', '2025-12-01');
  await member('M5', 5, u.gangbei, 'E3', '2026-01-20');
  await member('M6', 6, u.gangbei, 'E1', '2026-06-20');
  await member('M7', 7, u.haibin, 'E4', '2026-04-01');

  const need = async (key: string, communityId: string, neededOn: string, status = 'open') => {
    const n = await prisma.serviceNeed.create({
      data: {
        communityId,
        title: `需求${key}`,
        category: 'elderly_care',
        neededOn: day(neededOn),
        claimBy: day(neededOn),
        slots: 2,
        status,
        publishedBy: 'convener:test',
      },
    });
    ids[key] = n.id;
  };
  await need('N1', u.bihai, '2026-03-10'); // claimed and done
  await need('N2', u.bihai, '2026-05-20'); // claimed, not done
  await need('N3', u.bihai, '2026-06-30'); // published only
  await need('N4', u.bihai, '2026-04-01', 'cancelled'); // not counted
  await need('N5', u.bihai, '2025-12-15'); // 2025: claimed and done
  await need('N6', u.gangbei, '2026-02-14'); // its only claim cancelled
  await need('N7', u.gangbei, '2026-09-01'); // claimed (a need ahead)

  const claim = async (needKey: string, memberKey: string, status: string) => {
    const c = await prisma.needClaim.create({
      data: { needId: ids[needKey]!, memberId: ids[memberKey]!, status, claimedAt: new Date('2026-01-01T02:00:00Z') },
    });
    ids[`${needKey}/${memberKey}`] = c.id;
  };
  await claim('N1', 'M1', 'done');
  await claim('N1', 'M2', 'done');
  await claim('N2', 'M4', 'claimed');
  await claim('N4', 'M1', 'cancelled');
  await claim('N5', 'M4', 'done');
  await claim('N6', 'M5', 'cancelled');
  await claim('N7', 'M5', 'claimed');

  const service = async (
    memberKey: string,
    communityId: string,
    servedOn: string,
    minutes: number,
    claimKey?: string,
  ) => {
    await prisma.serviceRecord.create({
      data: {
        memberId: ids[memberKey]!,
        communityId,
        claimId: claimKey ? ids[claimKey] : undefined,
        servedOn: day(servedOn),
        minutes,
        what: '服务',
        confirmedBy: '社区书记',
        recordedBy: 'convener:test',
      },
    });
  };
  await service('M1', u.bihai, '2026-03-10', 120, 'N1/M1');
  await service('M2', u.bihai, '2026-03-10', 90, 'N1/M2');
  await service('M1', u.bihai, '2026-01-20', 60);
  await service('M1', u.bihai, '2026-02-05', 45);
  await service('M1', u.bihai, '2026-04-12', 30);
  await service('M4', u.bihai, '2025-12-15', 120, 'N5/M4');
  await service('M5', u.gangbei, '2026-05-05', 150);
  await service('M5', u.bihai, '2026-06-10', 60); // served in another community than home
  await service('M7', u.haibin, '2026-06-01', 200);
  await service('M3', u.bihai, '2026-04-20', 100); // the service stays when the member is removed
  return ids;
}

const counts = (
  employers: number,
  members: number,
  [needsPublished, needsClaimed, needsDone]: [number, number, number],
  services: number,
  minutes: number,
  hours: number,
  membersBelowMinimum: number,
) => ({ employers, members, needsPublished, needsClaimed, needsDone, services, minutes, hours, membersBelowMinimum });

// The year 2026 under the default rule (a year, at least 4 services): by hand.
// 碧海: E1 (E2 removed); M1 M2 M4 (M3 removed); needs N1 N2 N3, claimed N1 N2, done N1;
// services M1×4 + M2 + M5 + M3 = 7, 120+90+60+45+30+60+100 = 505 min = 8.4 h;
// below 4 services in 2026: M2 (1), M4 (0) → 2.
const BIHAI = counts(1, 3, [3, 2, 1], 7, 505, 8.4, 2);
// 港北: E3; M5 (M6 registers later); needs N6 N7, claimed N7; services 1, 150 min; below: M5 (2) → 1.
const GANGBEI = counts(1, 1, [2, 1, 0], 1, 150, 2.5, 1);
// 海滨: no employer yet (E5 registers 2026-07-01); M7; services 1, 200 min = 3.3 h; below: M7 → 1.
const HAIBIN = counts(0, 1, [0, 0, 0], 1, 200, 3.3, 1);
const STREET_A = counts(2, 4, [5, 3, 1], 8, 655, 10.9, 3);
// The city: the communities and E4 (registered without a community).
const CITY = counts(3, 5, [5, 3, 1], 9, 855, 14.3, 4);

describe.each(DATABASES)('the third entry’s figures on %s', (_name, kind) => {
  let h: ApiHarness;
  const u = {} as Ids;
  const conv = {} as Record<UnitKey, Agent>;
  let supervisor: Agent;

  beforeAll(async () => {
    h = await startApi(env, kind, () => new Date(`${TODAY}T10:00:00+08:00`));
    const spec: [UnitKey, string, string, UnitKey?][] = [
      ['city', '东港市', 'city'],
      ['streetA', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'streetA'],
      ['gangbei', '港北社区', 'community', 'streetA'],
      ['haiou', '海鸥花园', 'compound', 'bihai'],
      ['streetB', '大东街道', 'street', 'city'],
      ['haibin', '海滨社区', 'community', 'streetB'],
    ];
    for (const [key, name, level, parent] of spec) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: key.toLowerCase(),
          name,
          level,
          ...(parent ? { parentId: u[parent] } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key.toLowerCase()}@example.org`,
        })
        .expect(201);
      u[key] = res.body.id;
      conv[key] = await agentFor(h.app, h.db.prisma, 'convener', res.body.id);
    }
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
    await seed(h.db.prisma, u);
  });

  afterAll(async () => {
    await h?.close();
  });

  const row = (key: UnitKey, code: string, name: string, street: UnitKey | null, streetName: string | null) => ({
    unitId: u[key],
    code,
    name,
    streetId: street ? u[street] : null,
    streetName,
  });

  test('the office sees every community, each street and the city, counted by hand', async () => {
    const res = await supervisor.get('/api/serving/figures').expect(200);
    expect(servingFigures.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      year: 2026,
      asOf: TODAY,
      from: '2026-01-01',
      to: '2026-12-31',
      participation: { period: '2026', from: '2026-01-01', to: '2026-12-31', minServices: 4 },
      communities: [
        { ...row('bihai', 'bihai', '碧海社区', 'streetA', '新兴街道'), ...BIHAI },
        { ...row('gangbei', 'gangbei', '港北社区', 'streetA', '新兴街道'), ...GANGBEI },
        { ...row('haibin', 'haibin', '海滨社区', 'streetB', '大东街道'), ...HAIBIN },
      ],
      streets: [
        { ...row('streetA', 'streeta', '新兴街道', 'streetA', '新兴街道'), ...STREET_A },
        { ...row('streetB', 'streetb', '大东街道', 'streetB', '大东街道'), ...HAIBIN },
      ],
      total: CITY,
      employersWithoutCommunity: 1,
    });
    // The same for the admin and for year=2026 given.
    expect((await h.admin.get('/api/serving/figures?year=2026').expect(200)).body).toEqual(res.body);
  });

  test('a past year counts registrations as of its last day and its own participation period', async () => {
    const res = await supervisor.get('/api/serving/figures?year=2025').expect(200);
    // As of 2025-12-31: E3 (港北), M4 (碧海); N5 claimed and done; M4's one service of 120 min, below 4.
    expect(res.body).toMatchObject({
      year: 2025,
      asOf: '2025-12-31',
      participation: { period: '2025', from: '2025-01-01', to: '2025-12-31', minServices: 4 },
      total: counts(1, 1, [1, 1, 1], 1, 120, 2, 1),
      employersWithoutCommunity: 0,
    });
    expect(res.body.communities).toMatchObject([
      { code: 'bihai', ...counts(0, 1, [1, 1, 1], 1, 120, 2, 1) },
      { code: 'gangbei', ...counts(1, 0, [0, 0, 0], 0, 0, 0, 0) },
      { code: 'haibin', ...counts(0, 0, [0, 0, 0], 0, 0, 0, 0) },
    ]);
  });

  test('the rule is data: a half-year of at least 2 services counts the members below it in 2026-H1', async () => {
    await h.db.prisma.servingRule.create({ data: { id: 'default', participationPeriod: 'half', minServices: 2 } });
    try {
      const res = await supervisor.get('/api/serving/figures').expect(200);
      // In 2026-H1: M1 4, M2 1, M4 0, M5 2, M7 1 → below 2: M2 M4 (碧海), M7 (海滨).
      expect(res.body.participation).toEqual({
        period: '2026-H1',
        from: '2026-01-01',
        to: '2026-06-30',
        minServices: 2,
      });
      expect(res.body.communities.map((c: { membersBelowMinimum: number }) => c.membersBelowMinimum)).toEqual([
        2, 0, 1,
      ]);
      expect(res.body.total.membersBelowMinimum).toBe(3);
    } finally {
      await h.db.prisma.servingRule.delete({ where: { id: 'default' } });
    }
  });

  test('a convener sees their own community (or street) only; filters narrow to one community or street', async () => {
    const own = (await conv.bihai.get('/api/serving/figures').expect(200)).body;
    expect(own.communities).toEqual([{ ...row('bihai', 'bihai', '碧海社区', 'streetA', '新兴街道'), ...BIHAI }]);
    expect(own.streets).toEqual([{ ...row('streetA', 'streeta', '新兴街道', 'streetA', '新兴街道'), ...BIHAI }]);
    expect(own).toMatchObject({ total: BIHAI, employersWithoutCommunity: 0 });

    const street = (await conv.streetA.get('/api/serving/figures').expect(200)).body;
    expect(street.communities.map((c: { code: string }) => c.code)).toEqual(['bihai', 'gangbei']);
    expect(street.total).toEqual(STREET_A);

    // By id or code; the office narrows to a street.
    const one = (await conv.bihai.get(`/api/serving/figures?communityId=${u.bihai}`).expect(200)).body;
    expect(one.total).toEqual(BIHAI);
    expect((await supervisor.get('/api/serving/figures?communityId=gangbei').expect(200)).body.total).toEqual(GANGBEI);
    const b = (await supervisor.get(`/api/serving/figures?streetId=${u.streetB}`).expect(200)).body;
    expect(b.communities.map((c: { code: string }) => c.code)).toEqual(['haibin']);
    expect(b).toMatchObject({ total: HAIBIN, employersWithoutCommunity: 0 });
  });

  test('bad input: 400 naming the field, 404 outside the caller’s scope, 403 for roles without figures', async () => {
    expect(errorOf(await supervisor.get('/api/serving/figures?year=20x6').expect(400)).field).toBe('query.year');
    expect(errorOf(await supervisor.get('/api/serving/figures?year=1999').expect(400)).field).toBe('query.year');
    expect(errorOf(await supervisor.get('/api/serving/figures?communityId=streeta').expect(400)).field).toBe(
      'query.communityId',
    );
    expect(errorOf(await supervisor.get(`/api/serving/figures?streetId=${u.bihai}`).expect(400)).field).toBe(
      'query.streetId',
    );
    expect(errorOf(await supervisor.get('/api/serving/figures?communityId=nowhere').expect(404)).code).toBe(
      'not_found',
    );
    // Another community than the convener's own is not found, not shown.
    expect(errorOf(await conv.bihai.get('/api/serving/figures?communityId=gangbei').expect(404)).code).toBe(
      'not_found',
    );
    expect(errorOf(await conv.bihai.get('/api/serving/figures?streetId=streetb').expect(404)).code).toBe('not_found');
    // Their own street narrows to what they read: their community.
    const ownStreet = (await conv.bihai.get('/api/serving/figures?streetId=streeta').expect(200)).body;
    expect(ownStreet.communities.map((c: { code: string }) => c.code)).toEqual(['bihai']);
    for (const role of ['member', 'department', 'rater'] as const) {
      const agent = await agentFor(h.app, h.db.prisma, role);
      expect(errorOf(await agent.get('/api/serving/figures').expect(403)).code).toBe('forbidden');
      await agent.get('/api/serving/figures.xlsx').expect(403);
    }
  });

  test('the XLSX: Chinese headers, the same figures per community and street with the totals, nothing personal', async () => {
    const res = await supervisor
      .get('/api/serving/figures.xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('serving-figures-2026.xlsx');
    const book = new Workbook();
    await book.xlsx.load((res.body as Buffer).slice().buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['各社区', '各街道']);

    const rowsOf = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const heads = [
      '报到单位',
      '报到党员',
      '发布需求',
      '已认领需求',
      '已完成需求',
      '服务次数',
      '服务时长（小时）',
      '未达最低次数党员',
    ];
    const communities = rowsOf('各社区');
    expect(communities[0]![0]).toBe('在职党员进社区统计 2026年（截至 2026-06-15；参与期间 2026，最低 4 次）');
    expect(communities.slice(1)).toEqual([
      ['社区', '街道', ...heads],
      ['碧海社区', '新兴街道', 1, 3, 3, 2, 1, 7, 8.4, 2],
      ['港北社区', '新兴街道', 1, 1, 2, 1, 0, 1, 2.5, 1],
      ['海滨社区', '大东街道', 0, 1, 0, 0, 0, 1, 3.3, 1],
      ['（未在社区报到的单位）', '', 1, 0, 0, 0, 0, 0, 0, 0],
      ['合计', '', 3, 5, 5, 3, 1, 9, 14.3, 4],
    ]);
    expect(rowsOf('各街道').slice(1)).toEqual([
      ['街道', ...heads],
      ['新兴街道', 2, 4, 5, 3, 1, 8, 10.9, 3],
      ['大东街道', 0, 1, 0, 0, 0, 1, 3.3, 1],
      ['合计', 2, 5, 5, 3, 1, 9, 14.3, 4],
    ]);
    // Figures only: no member's name or phone, no employer's contact anywhere in the book.
    const text = JSON.stringify([rowsOf('各社区'), rowsOf('各街道')]);
    for (const personal of ['党员M1', '13800000001', '联系人E1', 'e1@example.org', '单位E1']) {
      expect(text).not.toContain(personal);
    }
  });
});
