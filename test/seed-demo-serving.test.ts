/**
 * The third entry's demo files (seed/demo-serving-*.csv, scripts/seed-demo-serving.ts): committed
 * as generated, marked as made-up, valid for the import (mobiles, ID check characters, codes of the
 * demo tree), UTF-8 with a BOM and the import's Chinese headers.
 */
import fs from 'node:fs';
import { normaliseIdNumber, normalisePhone, SERVICE_POSTS } from '../domain/serving';
import { demoDonggangUnits } from '../scripts/seed-demo';
import {
  DEMO_SERVING_COMMUNITIES,
  DEMO_SERVING_EMPLOYERS_CSV,
  DEMO_SERVING_MEMBERS_CSV,
  demoServingEmployers,
  demoServingEmployersCsv,
  demoServingMembers,
  demoServingMembersCsv,
} from '../scripts/seed-demo-serving';

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
