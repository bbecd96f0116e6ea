/**
 * Community co-building (社区联建) through the HTTP API, against a real database (embedded PGlite
 * and PostgreSQL) and a real Temporal dev server with the worker running. The API's clock is
 * simulated (2026-06-15, Asia/Shanghai), so "not in the future" is a known date; every total
 * below was added up by hand from the seeded set, not by the code under test.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import type { z } from 'zod';
import {
  coBuildingBody,
  coBuildingCommitment,
  coBuildingMember,
  coBuildingOperations,
  coBuildingSummary,
  coBuildingThing,
} from '../api/contract/co-building';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

/** 10:00 in Asia/Shanghai on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const TODAY = '2026-06-15';
const TOMORROW = '2026-06-16';

const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

/** The body as documented, with nothing undocumented in it (zod drops unknown keys). */
function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

type Key = 'city' | 'streetA' | 'bihai' | 'gangbei' | 'haiou' | 'streetB' | 'haibin' | 'gangnan';

describe.each(DATABASES)('community co-building on %s', (_name, kind) => {
  let h: ApiHarness;
  const now = at(TODAY);
  let u: Record<Key, { id: string; code: string; name: string }>;
  let c: Record<Key, Agent>;
  let supervisor: Agent;
  /** Every record written, for the audit check at the end: [entity, id]. */
  const written: [string, string][] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    const tag = randomUUID().slice(0, 6);
    const spec: [Key, string, string, Key?][] = [
      ['city', '东港市', 'city'],
      ['streetA', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'streetA'],
      ['gangbei', '港北社区', 'community', 'streetA'],
      ['haiou', '海鸥花园', 'compound', 'bihai'],
      ['streetB', '大东街道', 'street', 'city'],
      ['haibin', '海滨社区', 'community', 'streetB'],
      ['gangnan', '港南社区', 'community', 'streetB'],
    ];
    u = {} as typeof u;
    c = {} as typeof c;
    for (const [key, name, level, parent] of spec) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key.toLowerCase()}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: u[parent].id } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key.toLowerCase()}-${tag}@example.org`,
        })
        .expect(201);
      u[key] = { id: res.body.id, code: res.body.code, name };
      c[key] = await agentFor(h.app, h.db.prisma, 'convener', res.body.id);
    }
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
  });

  afterAll(async () => {
    await h?.close();
  });

  const base = (key: Key) => `/api/units/${u[key].code}/co-building`;

  test('a community convener forms the body; the same PUT again changes nothing, a change is audited', async () => {
    expect(errorOf(await c.bihai.get(base('bihai')).expect(404)).code).toBe('not_found');

    const formed = await c.bihai
      .put(base('bihai'))
      .send({ name: '碧海联建共同体', functions: ['culture_customs', 'party_resources'] })
      .expect(201);
    conforms(coBuildingBody, formed.body);
    expect(formed.body).toMatchObject({
      communityId: u.bihai.id,
      communityCode: u.bihai.code,
      communityName: '碧海社区',
      name: '碧海联建共同体',
      functions: ['party_resources', 'culture_customs'], // canonical order
      members: [],
      things: [],
      totals: { memberUnits: 0, commitments: 0, pledgedYuan: 0, thingsDone: 0, valueYuan: 0 },
    });
    ids.bihaiBody = formed.body.id;
    written.push(['coBuildingBody', formed.body.id]);

    // The same again (by id this time, functions in another order): 200, nothing written.
    const again = await c.bihai
      .put(`/api/units/${u.bihai.id}/co-building`)
      .send({ name: '碧海联建共同体', functions: ['party_resources', 'culture_customs'] })
      .expect(200);
    expect(again.body.id).toBe(formed.body.id);
    const audit = async () =>
      (await h.admin.get(`/api/audit?entity=coBuildingBody&entityId=${formed.body.id}`).expect(200)).body.items as {
        action: string;
        actor: string;
        before: unknown;
        after: unknown;
      }[];
    expect((await audit()).map((a) => a.action)).toEqual(['coBuilding.create']);

    const changed = await c.bihai
      .put(base('bihai'))
      .send({
        name: '碧海社区联建治理服务共同体',
        functions: ['party_resources', 'security_governance', 'facilities_welfare', 'culture_customs'],
      })
      .expect(200);
    expect(changed.body).toMatchObject({ id: formed.body.id, name: '碧海社区联建治理服务共同体' });
    expect(changed.body.functions).toHaveLength(4);
    const events = await audit();
    expect(events.map((a) => a.action).sort()).toEqual(['coBuilding.create', 'coBuilding.update']);
    expect(events.find((a) => a.action === 'coBuilding.update')).toMatchObject({
      before: { name: '碧海联建共同体', functions: ['party_resources', 'culture_customs'] },
      after: { name: '碧海社区联建治理服务共同体' },
    });
    expect(events.every((a) => a.actor.startsWith('convener:'))).toBe(true);
    expect(await h.db.prisma.coBuildingBody.count({ where: { communityId: u.bihai.id } })).toBe(1);
  });

  test('members join (a repeat is harmless, a different repeat conflicts), sign commitments and do things', async () => {
    const power = {
      name: '东港市供电公司',
      kind: 'enterprise',
      contactName: '王经理',
      contactPhone: '0415-7100000',
      joinedOn: '2026-03-01',
    };
    const joined = await c.bihai
      .post(`${base('bihai')}/members`)
      .send(power)
      .expect(201);
    conforms(coBuildingMember, joined.body);
    expect(joined.body).toMatchObject({ ...power, bodyId: ids.bihaiBody });
    ids.power = joined.body.id;
    written.push(['coBuildingMember', joined.body.id]);

    const repeat = await c.bihai
      .post(`${base('bihai')}/members`)
      .send(power)
      .expect(200);
    expect(repeat.body).toEqual(joined.body);
    const other = await c.bihai
      .post(`${base('bihai')}/members`)
      .send({ ...power, kind: 'institution' })
      .expect(409);
    expect(errorOf(other)).toMatchObject({ code: 'duplicate', field: 'name' });

    const school = await c.bihai
      .post(`${base('bihai')}/members`)
      .send({ name: '碧海小学', kind: 'institution', joinedOn: TODAY }) // today is not the future
      .expect(201);
    expect(school.body).toMatchObject({ contactName: null, contactPhone: null, joinedOn: TODAY });
    ids.school = school.body.id;
    written.push(['coBuildingMember', school.body.id]);

    const letter = await c.bihai
      .post(`/api/co-building/members/${ids.power}/commitments`)
      .send({
        pledge: '每季度组织职工志愿者义务检修',
        kinds: ['money', 'people'],
        valueYuan: 20000.5,
        signedOn: '2026-03-01',
      })
      .expect(201);
    conforms(coBuildingCommitment, letter.body);
    expect(letter.body).toMatchObject({ memberId: ids.power, kinds: ['people', 'money'], valueYuan: 20000.5 });
    written.push(['commitment', letter.body.id]);
    const noValue = await c.bihai
      .post(`/api/co-building/members/${ids.school}/commitments`)
      .send({ pledge: '开放操场供居民晨练', kinds: ['goods'], signedOn: TODAY })
      .expect(201);
    expect(noValue.body.valueYuan).toBeNull();
    written.push(['commitment', noValue.body.id]);

    const wiring = await c.bihai
      .post(`${base('bihai')}/things`)
      .send({ doneOn: '2026-05-20', description: '为 3 号楼更换老化电线', valueYuan: 1200.3, memberId: ids.power })
      .expect(201);
    conforms(coBuildingThing, wiring.body);
    expect(wiring.body).toMatchObject({
      bodyId: ids.bihaiBody,
      memberId: ids.power,
      memberName: '东港市供电公司',
      valueYuan: 1200.3,
      doneOn: '2026-05-20',
    });
    expect(wiring.body.recordedBy).toMatch(/^convener:/);
    written.push(['practicalThing', wiring.body.id]);
    const clinic = await h.admin // an admin may record too; no member: the body as a whole
      .post(`${base('bihai')}/things`)
      .send({ doneOn: '2026-04-02', description: '联合义诊', valueYuan: 0 })
      .expect(201);
    expect(clinic.body).toMatchObject({ memberId: null, memberName: null, valueYuan: 0 });
    expect(clinic.body.recordedBy).toMatch(/^admin:/);
    written.push(['practicalThing', clinic.body.id]);

    const body = (await c.bihai.get(base('bihai')).expect(200)).body;
    conforms(coBuildingBody, body);
    expect(body.members.map((m: any) => [m.name, m.commitments.length, m.thingsDone, m.valueYuan])).toEqual([
      ['东港市供电公司', 1, 1, 1200.3],
      ['碧海小学', 1, 0, 0],
    ]);
    expect(body.things.map((t: any) => t.description)).toEqual(['联合义诊', '为 3 号楼更换老化电线']); // by date
    expect(body.totals).toEqual({
      memberUnits: 2,
      commitments: 2,
      pledgedYuan: 20000.5,
      thingsDone: 2,
      valueYuan: 1200.3,
    });
  });

  test('invalid input is refused naming the field', async () => {
    const field = async (req: Promise<Response>, status = 400) => {
      const res = await req;
      expect(res.status).toBe(status);
      return errorOf(res).field;
    };
    const members = `${base('bihai')}/members`;
    const things = `${base('bihai')}/things`;
    const commitments = `/api/co-building/members/${ids.power}/commitments`;
    const member = { name: '某单位', kind: 'agency', joinedOn: '2026-01-05' };
    const thing = { doneOn: '2026-05-01', description: '清理楼道', valueYuan: 10 };

    expect(await field(c.bihai.post(members).send({ ...member, kind: 'company' }))).toBe('kind');
    expect(await field(c.bihai.post(members).send({ ...member, joinedOn: TOMORROW }))).toBe('joinedOn');
    expect(await field(c.bihai.post(members).send({ ...member, joinedOn: '2026-02-30' }))).toBe('joinedOn');
    expect(await field(c.bihai.post(members).send({ ...member, name: '  ' }))).toBe('name');
    expect(await field(c.bihai.post(members).send({ ...member, contactPhone: 'call me' }))).toBe('contactPhone');
    expect(await field(c.bihai.post(things).send({ ...thing, doneOn: TOMORROW }))).toBe('doneOn');
    expect(await field(c.bihai.post(things).send({ ...thing, valueYuan: -1 }))).toBe('valueYuan');
    expect(await field(c.bihai.post(things).send({ ...thing, valueYuan: 12.345 }))).toBe('valueYuan');
    expect(await field(c.bihai.post(things).send({ ...thing, valueYuan: '10' }))).toBe('valueYuan');
    expect(await field(c.bihai.post(things).send({ doneOn: '2026-05-01', description: 'x' }))).toBe('valueYuan');
    expect(await field(c.bihai.post(things).send({ ...thing, memberId: 'not-a-uuid' }))).toBe('memberId');
    expect(await field(c.bihai.post(commitments).send({ pledge: 'x', kinds: ['land'], signedOn: TODAY }))).toBe(
      'kinds.0',
    );
    expect(await field(c.bihai.post(commitments).send({ pledge: 'x', kinds: [], signedOn: TODAY }))).toBe('kinds');
    expect(
      await field(c.bihai.post(commitments).send({ pledge: 'x', kinds: ['money', 'money'], signedOn: TODAY })),
    ).toBe('kinds');
    expect(
      await field(c.bihai.post(commitments).send({ pledge: 'x', kinds: ['money'], valueYuan: 0.001, signedOn: TODAY })),
    ).toBe('valueYuan');
    expect(await field(c.bihai.post(commitments).send({ pledge: 'x', kinds: ['money'], signedOn: TOMORROW }))).toBe(
      'signedOn',
    );
    expect(await field(c.bihai.put(base('bihai')).send({ name: '碧海', functions: [] }))).toBe('functions');
    expect(await field(c.bihai.put(base('bihai')).send({ name: '碧海', functions: ['sports'] }))).toBe('functions.0');
    expect(await field(c.bihai.put(base('bihai')).send({ name: '碧海', functions: ['party_resources'], x: 1 }))).toBe(
      'body',
    );

    // Only a community has a co-building body: a street (its own convener) or a compound (an admin).
    expect(
      await field(c.streetA.put(base('streetA')).send({ name: '街道共同体', functions: ['party_resources'] })),
    ).toBe('path.unitRef');
    expect(await field(h.admin.put(base('haiou')).send({ name: '小区共同体', functions: ['party_resources'] }))).toBe(
      'path.unitRef',
    );

    // A member of another community's body is not a member here.
    await c.gangbei
      .put(base('gangbei'))
      .send({ name: '港北联建共同体', functions: ['party_resources'] })
      .expect(201);
    const foreignMember = await c.gangbei
      .post(`${base('gangbei')}/members`)
      .send({ name: '港北派出所', kind: 'agency', joinedOn: '2026-02-01' })
      .expect(201);
    const gangbeiBody: string = (await c.gangbei.get(base('gangbei')).expect(200)).body.id;
    ids.foreignMember = foreignMember.body.id;
    written.push(['coBuildingBody', gangbeiBody], ['coBuildingMember', foreignMember.body.id]);
    expect(await field(c.bihai.post(things).send({ ...thing, memberId: ids.foreignMember }))).toBe('memberId');

    // No body yet: nothing to join or record against.
    expect(
      errorOf(
        await c.haibin
          .post(`${base('haibin')}/members`)
          .send(member)
          .expect(404),
      ).code,
    ).toBe('not_found');
    await c.haibin
      .post(`${base('haibin')}/things`)
      .send(thing)
      .expect(404);

    // Nothing above was written.
    const body = (await c.bihai.get(base('bihai')).expect(200)).body;
    expect(body.totals).toMatchObject({ memberUnits: 2, commitments: 2, thingsDone: 2 });
    expect(await h.db.prisma.practicalThing.count({ where: { bodyId: ids.bihaiBody } })).toBe(2);
  });

  test('scope: a foreign convener finds nothing, the street reads, only the community writes, a supervisor reads all', async () => {
    // Gangbei's convener: Bihai's body, members and commitments are not found.
    await c.gangbei.get(base('bihai')).expect(404);
    await c.gangbei
      .post(`${base('bihai')}/members`)
      .send({ name: 'x', kind: 'agency', joinedOn: TODAY })
      .expect(404);
    await c.gangbei
      .post(`${base('bihai')}/things`)
      .send({ doneOn: TODAY, description: 'x', valueYuan: 1 })
      .expect(404);
    await c.gangbei
      .post(`/api/co-building/members/${ids.power}/commitments`)
      .send({ pledge: 'x', kinds: ['people'], signedOn: TODAY })
      .expect(404);
    await c.gangbei
      .post(`/api/co-building/members/${randomUUID()}/commitments`)
      .send({ pledge: 'x', kinds: ['people'], signedOn: TODAY })
      .expect(404);
    await c.gangbei.post('/api/co-building/members/nope/commitments').send({}).expect(404);

    // The street above reads, but the community's record is the community's to write.
    await c.streetA.get(base('bihai')).expect(200);
    expect(
      errorOf(
        await c.streetA
          .put(base('bihai'))
          .send({ name: '改名', functions: ['party_resources'] })
          .expect(403),
      ).code,
    ).toBe('forbidden');
    await c.streetA
      .post(`/api/co-building/members/${ids.power}/commitments`)
      .send({ pledge: 'x', kinds: ['people'], signedOn: TODAY })
      .expect(403);
    // The compound below Bihai reads nothing of it.
    await c.haiou.get(base('bihai')).expect(404);

    // The liaison office reads everything and writes nothing.
    await supervisor.get(base('bihai')).expect(200);
    await supervisor.get(base('gangbei')).expect(200);
    await supervisor
      .put(base('bihai'))
      .send({ name: '改名', functions: ['party_resources'] })
      .expect(403);
    const department = await agentFor(h.app, h.db.prisma, 'department');
    await department
      .post(`${base('bihai')}/things`)
      .send({ doneOn: TODAY, description: 'x', valueYuan: 1 })
      .expect(403);
    await department.get(base('bihai')).expect(404);

    const sum = async (agent: Agent) => (await agent.get('/api/co-building/summary').expect(200)).body;
    expect((await sum(c.gangbei)).communities.map((x: any) => x.communityName)).toEqual(['港北社区']);
    expect((await sum(c.streetA)).communities.map((x: any) => x.communityName).sort()).toEqual(
      ['港北社区', '碧海社区'].sort(),
    );
    expect((await sum(department)).totals).toEqual({
      bodies: 0,
      memberUnits: 0,
      commitments: 0,
      pledgedYuan: 0,
      thingsDone: 0,
      valueYuan: 0,
    });
    expect((await sum(supervisor)).totals.bodies).toBe(2);
  });

  /**
   * The seeded set in street B (大东街道), by hand:
   *   海滨社区: members 供电所 (enterprise), 海滨派出所 (agency), 义工联合会 (social_organisation)
   *     commitments: 供电所 20000.00 (2026-03-01), 派出所 no value (2025-12-10)
   *     things: 2026-05-20 供电所 10000.10; 2026-04-02 body 0; 2025-12-30 义工联合会 345.67
   *   港南社区: members 港南中学 (institution), 港南超市 (enterprise)
   *     commitments: 中学 5000.50 (2026-02-15), 超市 1234.56 (2025-11-20)
   *     things: 2026-03-08 超市 1999.90; 2026-06-15 body 0
   * All years: 2 bodies, 5 members, 4 commitments, 26235.06 pledged, 5 things, 12345.67 yuan.
   * 2026: 2 commitments (25000.50), 4 things (12000.00). 2025: 2 commitments (1234.56), 1 thing (345.67).
   */
  test('totals over the seeded set equal the hand-computed figures; the year and street filter them', async () => {
    const seed = async (key: 'haibin' | 'gangnan', name: string) => {
      const res = await c[key]
        .put(base(key))
        .send({ name, functions: ['party_resources'] })
        .expect(201);
      written.push(['coBuildingBody', res.body.id]);
      return res.body.id as string;
    };
    const join = async (key: 'haibin' | 'gangnan', name: string, memberKind: string) => {
      const res = await c[key]
        .post(`${base(key)}/members`)
        .send({ name, kind: memberKind, joinedOn: '2025-10-01' })
        .expect(201);
      written.push(['coBuildingMember', res.body.id]);
      return res.body.id as string;
    };
    const pledge = async (key: 'haibin' | 'gangnan', memberId: string, signedOn: string, valueYuan?: number) => {
      const res = await c[key]
        .post(`/api/co-building/members/${memberId}/commitments`)
        .send({ pledge: '承诺书', kinds: valueYuan === undefined ? ['people'] : ['money'], valueYuan, signedOn })
        .expect(201);
      written.push(['commitment', res.body.id]);
    };
    const done = async (key: 'haibin' | 'gangnan', doneOn: string, valueYuan: number, memberId?: string) => {
      const res = await c[key]
        .post(`${base(key)}/things`)
        .send({ doneOn, description: `实事 ${doneOn}`, valueYuan, memberId })
        .expect(201);
      written.push(['practicalThing', res.body.id]);
    };

    await seed('haibin', '海滨联建共同体');
    await seed('gangnan', '港南联建共同体');
    const power = await join('haibin', '供电所', 'enterprise');
    const police = await join('haibin', '海滨派出所', 'agency');
    const volunteers = await join('haibin', '义工联合会', 'social_organisation');
    const school = await join('gangnan', '港南中学', 'institution');
    const shop = await join('gangnan', '港南超市', 'enterprise');
    await pledge('haibin', power, '2026-03-01', 20000);
    await pledge('haibin', police, '2025-12-10');
    await pledge('gangnan', school, '2026-02-15', 5000.5);
    await pledge('gangnan', shop, '2025-11-20', 1234.56);
    await done('haibin', '2026-05-20', 10000.1, power);
    await done('haibin', '2026-04-02', 0);
    await done('haibin', '2025-12-30', 345.67, volunteers);
    await done('gangnan', '2026-03-08', 1999.9, shop);
    await done('gangnan', TODAY, 0);

    const summary = async (query: string, agent: Agent = supervisor) => {
      const res = await agent.get(`/api/co-building/summary?${query}`).expect(200);
      conforms(coBuildingSummary, res.body);
      return res.body;
    };
    const all = await summary(`streetId=${u.streetB.id}`);
    expect(all).toMatchObject({ year: null, streetId: u.streetB.id, asOf: TODAY });
    expect(all.totals).toEqual({
      bodies: 2,
      memberUnits: 5,
      commitments: 4,
      pledgedYuan: 26235.06,
      thingsDone: 5,
      valueYuan: 12345.67,
    });
    const row = (s: any, name: string) => {
      const { communityName, streetName, memberUnits, commitments, pledgedYuan, thingsDone, valueYuan } =
        s.communities.find((x: any) => x.communityName === name);
      return { communityName, streetName, memberUnits, commitments, pledgedYuan, thingsDone, valueYuan };
    };
    expect(all.communities).toHaveLength(2);
    expect(row(all, '海滨社区')).toEqual({
      communityName: '海滨社区',
      streetName: '大东街道',
      memberUnits: 3,
      commitments: 2,
      pledgedYuan: 20000,
      thingsDone: 3,
      valueYuan: 10345.77,
    });
    expect(row(all, '港南社区')).toMatchObject({ memberUnits: 2, commitments: 2, pledgedYuan: 6235.06 });
    expect(row(all, '港南社区')).toMatchObject({ thingsDone: 2, valueYuan: 1999.9 });

    const y2026 = await summary(`streetId=${u.streetB.id}&year=2026`);
    expect(y2026.totals).toEqual({
      bodies: 2,
      memberUnits: 5,
      commitments: 2,
      pledgedYuan: 25000.5,
      thingsDone: 4,
      valueYuan: 12000,
    });
    const y2025 = await summary(`streetId=${u.streetB.id}&year=2025`);
    expect(y2025.totals).toMatchObject({ commitments: 2, pledgedYuan: 1234.56, thingsDone: 1, valueYuan: 345.67 });

    // Scope: the street's convener sees the same; one community's convener only its own.
    expect((await summary('', c.streetB)).totals).toEqual(all.totals);
    expect((await summary('', c.haibin)).totals).toEqual({
      bodies: 1,
      memberUnits: 3,
      commitments: 2,
      pledgedYuan: 20000,
      thingsDone: 3,
      valueYuan: 10345.77,
    });
    // Every community the liaison office may see: street B's and street A's (Bihai, Gangbei).
    const everything = await summary('');
    expect(everything.totals).toEqual({
      bodies: 4,
      memberUnits: 5 + 2 + 1,
      commitments: 4 + 2,
      pledgedYuan: 46235.56,
      thingsDone: 5 + 2,
      valueYuan: 13545.97,
    });

    for (const bad of ['year=1999', 'year=twenty', 'streetId=']) {
      const res = await supervisor.get(`/api/co-building/summary?${bad}`).expect(400);
      expect(errorOf(res).field).toMatch(/^query\./);
    }
  });

  test('the XLSX export carries the same totals, communities and one ledger row per thing done', async () => {
    const json = (await supervisor.get(`/api/co-building/summary?streetId=${u.streetB.id}`).expect(200)).body;
    const res = await supervisor
      .get(`/api/co-building/summary.xlsx?streetId=${u.streetB.id}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('co-building-all.xlsx');
    const book = new Workbook();
    await book.xlsx.load((res.body as Buffer).slice().buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['联建统计 Totals', '办实事台账 Things done']);

    const totals = book.getWorksheet('联建统计 Totals')!;
    const values = (r: number) => (totals.getRow(r).values as unknown[]).slice(1);
    expect(values(1)[0]).toContain(TODAY);
    expect([3, 4, 5, 6, 7, 8].map((r) => values(r)[1])).toEqual([2, 5, 4, 26235.06, 5, 12345.67]);
    const t = json.totals;
    expect([3, 4, 5, 6, 7, 8].map((r) => values(r)[1])).toEqual([
      t.bodies,
      t.memberUnits,
      t.commitments,
      t.pledgedYuan,
      t.thingsDone,
      t.valueYuan,
    ]);
    expect(values(10)[0]).toBe('社区 Community');
    const rows = json.communities.map((_: unknown, i: number) => values(11 + i));
    expect(rows).toEqual(
      json.communities.map((x: any) => [
        x.communityName,
        x.streetName,
        x.bodyName,
        x.memberUnits,
        x.commitments,
        x.pledgedYuan,
        x.thingsDone,
        x.valueYuan,
      ]),
    );
    expect(values(11 + json.communities.length)).toEqual(['合计 Total', '', 2, 5, 4, 26235.06, 5, 12345.67]);

    const ledger = book.getWorksheet('办实事台账 Things done')!;
    expect(ledger.rowCount).toBe(1 + 5);
    const things = Array.from({ length: 5 }, (_, i) => (ledger.getRow(2 + i).values as unknown[]).slice(1));
    // Dates are Excel date cells (yyyy-mm-dd); when it was recorded, an Asia/Shanghai date-time.
    const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
    expect(things.map((r) => r[0])).toEqual(['2025-12-30', '2026-03-08', '2026-04-02', '2026-05-20', TODAY].map(day));
    expect(things[0]).toEqual([
      day('2025-12-30'),
      '海滨社区',
      '海滨联建共同体',
      '义工联合会',
      '实事 2025-12-30',
      345.67,
      expect.stringMatching(/^convener:/),
      expect.any(Date),
    ]);
    expect([ledger.getRow(2).getCell(1).numFmt, ledger.getRow(2).getCell(8).numFmt]).toEqual([
      'yyyy-mm-dd',
      'yyyy-mm-dd hh:mm',
    ]);
    const recorded = things.map((r) => (r[7] as Date).getTime());
    const shanghaiNow = Date.now() + 8 * 3600_000;
    for (const t of recorded) expect(Math.abs(t - shanghaiNow)).toBeLessThan(30 * 60_000);
    expect(ledger.columns.map((c) => c.width)).toEqual(ledger.columns.map(() => expect.any(Number)));
    expect(ledger.getColumn(5).width).toBeGreaterThanOrEqual(2 * '实事'.length + ' 2025-12-30'.length);
    expect(things.reduce((s, r) => s + Math.round((r[5] as number) * 100), 0)).toBe(1234567);

    // The year filters the ledger too.
    const y2025 = await supervisor
      .get(`/api/co-building/summary.xlsx?streetId=${u.streetB.id}&year=2025`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(y2025.headers['content-disposition']).toContain('co-building-2025.xlsx');
    const book2025 = new Workbook();
    await book2025.xlsx.load((y2025.body as Buffer).slice().buffer);
    expect(book2025.getWorksheet('办实事台账 Things done')!.rowCount).toBe(2);
  });

  test('every write is in the audit trail', async () => {
    expect(written.length).toBeGreaterThanOrEqual(25);
    for (const [entity, id] of written) {
      const res = await h.admin.get(`/api/audit?entity=${entity}&entityId=${id}`).expect(200);
      const actions = (res.body.items as { action: string }[]).map((a) => a.action);
      expect({ entity, id, created: actions.filter((a) => !a.endsWith('.update')).length }).toEqual({
        entity,
        id,
        created: 1,
      });
    }
    // Refused requests wrote nothing: as many audit rows as records (plus Bihai's one update).
    const counts = await Promise.all(
      ['coBuildingBody', 'coBuildingMember', 'commitment', 'practicalThing'].map(
        async (entity) => (await h.admin.get(`/api/audit?entity=${entity}&limit=1`).expect(200)).body.total as number,
      ),
    );
    const records = await Promise.all([
      h.db.prisma.coBuildingBody.count(),
      h.db.prisma.coBuildingMember.count(),
      h.db.prisma.commitment.count(),
      h.db.prisma.practicalThing.count(),
    ]);
    expect(counts).toEqual([records[0] + 1, records[1], records[2], records[3]]);
  });

  test('the documented operations are the mounted routes, and their examples pass their schemas', async () => {
    for (const op of coBuildingOperations) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'unitRef' ? u.bihai.code : randomUUID(),
      );
      const req = h.admin[op.method](path);
      const res = op.method === 'get' ? await req : await req.send({});
      expect({ op: op.operationId, route: errorOf(res)?.message?.startsWith('No route') ?? false }).toEqual({
        op: op.operationId,
        route: false,
      });
      if (op.body && 'schema' in op.body) expect(op.body.schema.safeParse(op.body.example).success).toBe(true);
    }
  });
});
