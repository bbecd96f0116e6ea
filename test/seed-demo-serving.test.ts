/**
 * The third entry's demo files (seed/demo-serving-*.csv, scripts/seed-demo-serving.ts): committed
 * as generated, marked as made-up, valid for the import (mobiles, ID check characters, codes of the
 * demo tree), UTF-8 with a BOM and the import's Chinese headers.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { employerRowSchema, memberRowSchema } from '../api/contract/serving-registration';
import { parseEmployerFile, parseMemberFile } from '../domain/serving-import';
import { normaliseIdNumber, normalisePhone, SERVICE_POSTS } from '../domain/serving';
import { postImport } from '../scripts/import';
import { demoDonggangCsv, demoDonggangUnits } from '../scripts/seed-demo';
import {
  DEMO_SERVING_COMMUNITIES,
  DEMO_SERVING_EMPLOYERS_CSV,
  DEMO_SERVING_MEMBERS_CSV,
  demoServingEmployers,
  demoServingEmployersCsv,
  demoServingMembers,
  demoServingMembersCsv,
  seedServingDemo,
} from '../scripts/seed-demo-serving';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { authHeaderFor } from './support/auth';

test('the committed files are what the script writes (npm run seed:demo -- --write)', () => {
  expect(fs.readFileSync(DEMO_SERVING_EMPLOYERS_CSV, 'utf8')).toBe(demoServingEmployersCsv());
  expect(fs.readFileSync(DEMO_SERVING_MEMBERS_CSV, 'utf8')).toBe(demoServingMembersCsv());
});

test('UTF-8 with a BOM and the Chinese headers of the import', () => {
  const employers = fs.readFileSync(DEMO_SERVING_EMPLOYERS_CSV);
  const members = fs.readFileSync(DEMO_SERVING_MEMBERS_CSV);
  for (const file of [employers, members]) expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(employers.toString('utf8').slice(1).split('\n')[0]).toBe(
    '单位编码,单位名称,党组织名称,联系人,联系邮箱,联系电话,所在社区',
  );
  expect(members.toString('utf8').slice(1).split('\n')[0]).toBe(
    '姓名,手机号,身份证号,邮箱,所在社区(社区编码),工作单位(单位编码),特长,服务岗位,报到日期',
  );
  expect(members.toString('utf8').trim().split('\n')).toHaveLength(31);
});

test('made-up and marked; valid for the import; the members spread over three communities and six employers', () => {
  const units = new Map(demoDonggangUnits().map((u) => [u.code, u]));
  const employers = demoServingEmployers();
  const members = demoServingMembers();
  expect(employers).toHaveLength(6);
  expect(members).toHaveLength(30);
  for (const code of DEMO_SERVING_COMMUNITIES) expect(units.get(code)?.level).toBe('community');
  expect(DEMO_SERVING_COMMUNITIES.map((c) => units.get(c)!.name)).toEqual(['桥东社区', '碧海社区', '港北社区']);
  for (const e of employers) {
    expect(e.code).toMatch(/^demo-/);
    expect(e.name).toMatch(/（示例）$/);
    expect(e.contactEmail).toMatch(/@example\.org$/);
    if (e.community) expect(DEMO_SERVING_COMMUNITIES).toContain(e.community);
  }
  expect(employers.filter((e) => !e.community).map((e) => e.code)).toEqual(['demo-emp-hospital']);
  for (const m of members) {
    expect(m.name).toMatch(/（示例）$/);
    expect(m.email).toMatch(/@example\.org$/);
    expect(normalisePhone(m.phone)).toBe(m.phone);
    expect(m.phone).toMatch(/^1390000\d{4}$/);
    expect(normaliseIdNumber(m.idNumber)).toBe(m.idNumber);
    expect(m.idNumber).toMatch(/^990000/); // no region has this code
    expect(employers.map((e) => e.code)).toContain(m.employer);
    for (const p of m.posts) expect(SERVICE_POSTS).toContain(p);
  }
  expect(new Set(members.map((m) => m.phone)).size).toBe(30);
  expect(new Set(members.map((m) => m.idNumber)).size).toBe(30);
  for (const c of DEMO_SERVING_COMMUNITIES) expect(members.filter((m) => m.community === c)).toHaveLength(10);
  for (const e of employers)
    expect(new Set(members.filter((m) => m.employer === e.code).map((m) => m.community)).size).toBe(3);
});

test('the import reads both files without a problem (UTF-8 CSV, Chinese headers)', async () => {
  const employers = await parseEmployerFile(fs.readFileSync(DEMO_SERVING_EMPLOYERS_CSV), 'csv', employerRowSchema);
  const members = await parseMemberFile(fs.readFileSync(DEMO_SERVING_MEMBERS_CSV), 'csv', memberRowSchema);
  expect([employers.problems, members.problems]).toEqual([[], []]);
  expect([employers.records.length, members.records.length]).toEqual([6, 30]);
  expect(members.records[0]).toMatchObject({
    phone: '13900000001',
    community: 'demo-dadong-qiaodong',
    employer: 'demo-emp-tax',
    posts: ['policy_promotion', 'environment_keeping'],
    registeredOn: '2025-09-01',
  });
});

describe('npm run seed:demo against a running API', () => {
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  beforeAll(async () => {
    env = await startTemporal();
    h = await startApi(env, 'pglite');
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  test('units, then the serving demo: employers, members, needs with claims, services on the cards', async () => {
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const auth = await authHeaderFor(h.db.prisma, 'admin');
      await postImport(url, Buffer.from(demoDonggangCsv()), 'text/csv; charset=utf-8', undefined, auth);
      const log: string[] = [];
      await seedServingDemo(url, auth, (line) => log.push(line));
      const p = h.db.prisma;
      expect(await p.servingEmployer.count({ where: { code: { startsWith: 'demo-emp-' } } })).toBe(6);
      expect(await p.servingMember.count()).toBe(30);
      const communities = await p.unit.findMany({ where: { code: { in: [...DEMO_SERVING_COMMUNITIES] } } });
      const needs = await p.serviceNeed.findMany({ include: { claims: true } });
      // Two needs per community; claims 2 + 3, 2 + 1, 4 + 0.
      expect(needs.map((n) => n.claims.length).sort()).toEqual([0, 1, 2, 2, 3, 4]);
      expect(new Set(needs.map((n) => n.communityId))).toEqual(new Set(communities.map((c) => c.id)));
      // Per community of 10 (in name order): the 1st, 4th, 7th, 10th two services, the 2nd, 5th, 8th one.
      expect(await p.serviceRecord.count()).toBe(3 * (4 * 2 + 3));
      expect(log).toHaveLength(2 + 3);
      // Each member's participation obligation runs.
      const member = await p.servingMember.findFirstOrThrow({ where: { phone: '13900000001' } });
      const wf = await env.client.workflow.getHandle(`serving-participation:${member.id}`).describe();
      expect(wf.status.name).toBe('RUNNING');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 180_000);
});
