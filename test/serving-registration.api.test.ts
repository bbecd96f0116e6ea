/**
 * The third entry's registration through the HTTP API — employers (单位报到), in-service Party
 * members (个人报到) and their import from CSV (UTF-8 and GBK) and XLSX with Chinese headers —
 * against a real database (embedded PGlite and PostgreSQL) and a real Temporal dev server with the
 * worker running. The API's clock is simulated (2026-06-15, Asia/Shanghai). ID numbers below carry
 * check characters computed here by GB 11643, independently of the code under test.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type CellValue, Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import type { Response } from 'supertest';
import request from 'supertest';
import type { z } from 'zod';
import {
  registeredMember,
  servingEmployer,
  servingEmployerPage,
  servingImportRejection,
  servingImportSummary,
  servingMember,
  servingMemberPage,
} from '../api/contract/serving-registration';
import { importRejection } from '../api/contract/common';
import { signToken } from '../infra/auth';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor, TEST_AUTH } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const TODAY = '2026-06-15';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

/** The body as documented, with nothing undocumented in it (zod drops unknown keys). */
function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

/** A resident ID number with its GB 11643 check character. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const MASKED = /^\*+\d{4}$/;

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function xlsx(rows: CellValue[][]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('在职党员');
  rows.forEach((r, i) => {
    sheet.getRow(i + 1).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Key = 'city' | 'street' | 'bihai' | 'gangbei' | 'otherStreet' | 'haibin';

describe.each(DATABASES)('serving registration on %s', (_name, kind) => {
  let h: ApiHarness;
  const now = new Date(`${TODAY}T10:00:00+08:00`);
  const tag = randomUUID().slice(0, 6);
  let u: Record<Key, { id: string; code: string }>;
  let c: Record<Key, Agent>;
  let supervisor: Agent;
  let department: Agent;
  const ids = {} as Record<'tax' | 'bank' | 'zhang' | 'li' | 'wang', string>;

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    const spec: [Key, string, string, Key?][] = [
      ['city', '东港市', 'city'],
      ['street', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'street'],
      ['gangbei', '港北社区', 'community', 'street'],
      ['otherStreet', '大东街道', 'street', 'city'],
      ['haibin', '海滨社区', 'community', 'otherStreet'],
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
      u[key] = { id: res.body.id, code: res.body.code };
      c[key] = await agentFor(h.app, h.db.prisma, 'convener', res.body.id);
    }
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
    department = await agentFor(h.app, h.db.prisma, 'department');
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A logged-in user who is this member (created through the users API). */
  async function memberAgent(memberId: string): Promise<Agent> {
    const user = await h.admin
      .post('/api/users')
      .send({
        username: `m-${randomUUID().slice(0, 8)}`,
        displayName: '党员',
        role: 'member',
        servingMemberId: memberId,
      })
      .expect(201);
    expect(user.body).toMatchObject({ role: 'member', servingMemberId: memberId });
    const { token } = signToken(user.body.id, TEST_AUTH.tokenSecret, TEST_AUTH.tokenTtlSeconds, Date.now());
    return request.agent(h.app).set({ Authorization: `Bearer ${token}` });
  }

  const taxBureau = () => ({
    code: `emp-tax-${tag}`,
    name: '东港市税务局',
    partyOrgName: '东港市税务局机关党支部',
    contactName: '赵主任',
    contactEmail: `tax-${tag}@example.org`,
    contactPhone: '0415-7100001',
  });

  test('employers: the community’s convener registers one (its community by default); a repeat is harmless, other details conflict', async () => {
    const created = await c.bihai.post('/api/serving/employers').send(taxBureau()).expect(201);
    conforms(servingEmployer, created.body);
    expect(created.body).toMatchObject({
      ...taxBureau(),
      community: { id: u.bihai.id, code: u.bihai.code, name: '碧海社区' },
      registeredOn: TODAY,
      memberCount: 0,
      locale: 'zh-CN',
    });
    ids.tax = created.body.id;

    const again = await c.bihai.post('/api/serving/employers').send(taxBureau()).expect(200);
    expect(again.body.id).toBe(ids.tax);
    const other = await c.bihai
      .post('/api/serving/employers')
      .send({ ...taxBureau(), contactName: '钱主任' })
      .expect(409);
    expect(errorOf(other)).toMatchObject({ code: 'code_taken', field: 'code' });
    expect(errorOf(other).message).toContain(ids.tax);

    // Gangbei's convener may not register an employer in Bihai; the office reads but does not write.
    const foreign = { ...taxBureau(), code: `emp-x-${tag}`, communityId: u.bihai.code };
    expect(errorOf(await c.gangbei.post('/api/serving/employers').send(foreign).expect(403)).code).toBe('forbidden');
    await supervisor.post('/api/serving/employers').send(foreign).expect(403);
    // A street is not a community; a bad email names its field.
    const street = await h.admin
      .post('/api/serving/employers')
      .send({ ...foreign, communityId: u.street.id })
      .expect(400);
    expect(errorOf(street).field).toBe('communityId');
    const badEmail = await h.admin
      .post('/api/serving/employers')
      .send({ ...foreign, contactEmail: 'nope' })
      .expect(400);
    expect(errorOf(badEmail).field).toBe('contactEmail');
    const future = await h.admin
      .post('/api/serving/employers')
      .send({ ...foreign, registeredOn: '2026-06-16' })
      .expect(400);
    expect(errorOf(future).field).toBe('registeredOn');

    // An admin registers one sitting outside the city's communities (community optional).
    const outside = await h.admin
      .post('/api/serving/employers')
      .send({
        code: `emp-bank-${tag}`,
        name: '东港农商银行',
        partyOrgName: '东港农商银行党委',
        contactName: '孙经理',
        contactEmail: `bank-${tag}@example.org`,
        registeredOn: '2026-03-01',
      })
      .expect(201);
    expect(outside.body).toMatchObject({ community: null, contactPhone: null, registeredOn: '2026-03-01' });
    ids.bank = outside.body.id;

    // The single view: the full contact phone for its community's convener; masked for the office.
    expect((await c.bihai.get(`/api/serving/employers/${taxBureau().code}`).expect(200)).body.contactPhone).toBe(
      '0415-7100001',
    );
    expect((await supervisor.get(`/api/serving/employers/${ids.tax}`).expect(200)).body.contactPhone).toBe(
      '********0001',
    );
    await c.gangbei.get(`/api/serving/employers/${ids.tax}`).expect(404);
    await c.haibin.get(`/api/serving/employers/${ids.bank}`).expect(404);
  });

  test('members: registered with the home community (phone normalised, ID only hashed), masked everywhere but the convener’s single view', async () => {
    const id = idNumber('21068119800101123');
    const res = await c.bihai
      .post('/api/serving/members')
      .send({
        name: '张伟',
        phone: '+86 138-0000-1234',
        idNumber: id.toLowerCase(),
        email: `zhang-${tag}@example.org`,
        communityId: u.bihai.code,
        employerId: taxBureau().code,
        skills: ['法律咨询', '心理疏导'],
        posts: ['conflict_mediation', 'policy_promotion'],
        registeredOn: '2026-05-04',
      })
      .expect(201);
    conforms(registeredMember, res.body);
    ids.zhang = res.body.id;
    expect(res.body).toMatchObject({
      name: '张伟',
      community: { id: u.bihai.id, code: u.bihai.code, name: '碧海社区' },
      employer: { id: ids.tax, code: taxBureau().code, name: '东港市税务局', partyOrgName: '东港市税务局机关党支部' },
      phone: '*******1234',
      fullPhone: '13800001234',
      idNumber: `**************${id.slice(-4)}`,
      skills: ['法律咨询', '心理疏导'],
      posts: ['policy_promotion', 'conflict_mediation'],
      registeredOn: '2026-05-04',
      participationWorkflowId: `serving-participation:${ids.zhang}`,
      obligationStarted: true,
    });

    // The record keeps the ID's hash and last 4, never the number; the audit trail masks the phone.
    const stored = await h.db.prisma.servingMember.findUniqueOrThrow({ where: { id: ids.zhang } });
    expect(stored).toMatchObject({ phone: '13800001234', idNumberHash: sha256(id), idNumberLast4: id.slice(-4) });
    expect(JSON.stringify(stored)).not.toContain(id.slice(0, 14));
    const audit = (await h.admin.get(`/api/audit?entity=servingMember&entityId=${ids.zhang}`).expect(200)).body
      .items as { action: string; actor: string; after: Record<string, unknown> }[];
    expect(audit.map((a) => a.action)).toEqual(['servingMember.register']);
    expect(audit[0]!.actor).toMatch(/^convener:/);
    expect(audit[0]!.after).toMatchObject({ phone: '*******1234', idNumberLast4: id.slice(-4) });
    expect(JSON.stringify(audit)).not.toMatch(/13800001234|idNumberHash/);
    expect(JSON.stringify(audit)).not.toContain(sha256(id));

    // A second member of Gangbei working for the same employer; a third of Haibin at the bank.
    const li = await c.gangbei
      .post('/api/serving/members')
      .send({ name: '李娜', phone: '13900005678', communityId: u.gangbei.id, employerId: ids.tax })
      .expect(201);
    ids.li = li.body.id;
    expect(li.body).toMatchObject({ idNumber: null, registeredOn: TODAY, skills: [], posts: [] });
    const wang = await h.admin
      .post('/api/serving/members')
      .send({ name: '王强', phone: '13700009999', communityId: u.haibin.code, employerId: `emp-bank-${tag}` })
      .expect(201);
    ids.wang = wang.body.id;
  });

  test('a person registered twice (same phone or same ID number) is a 409 naming the existing record', async () => {
    const id = idNumber('21068119800101123');
    const samePhone = await c.bihai
      .post('/api/serving/members')
      .send({ name: '张伟', phone: '13800001234', communityId: u.bihai.id, employerId: ids.tax })
      .expect(409);
    expect(errorOf(samePhone)).toMatchObject({ code: 'duplicate', field: 'phone' });
    expect(errorOf(samePhone).message).toContain(ids.zhang);
    expect(errorOf(samePhone).message).toContain('*******1234');
    expect(errorOf(samePhone).message).not.toContain('13800001234');

    const sameId = await c.bihai
      .post('/api/serving/members')
      .send({ name: '张伟', phone: '13800004321', idNumber: id, communityId: u.bihai.id, employerId: ids.tax })
      .expect(409);
    expect(errorOf(sameId)).toMatchObject({ code: 'duplicate', field: 'idNumber' });
    expect(errorOf(sameId).message).toContain(ids.zhang);

    // Bad input names its field; nothing was written by any refusal.
    const bad = async (body: Record<string, unknown>, field: string, status = 400) => {
      const res = await c.bihai
        .post('/api/serving/members')
        .send({ name: '某人', phone: '13600000000', communityId: u.bihai.id, employerId: ids.tax, ...body })
        .expect(status);
      expect(errorOf(res).field).toBe(field);
    };
    await bad({ idNumber: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0') }, 'idNumber');
    await bad({ phone: '12345' }, 'phone');
    await bad({ employerId: 'emp-nobody' }, 'employerId');
    await bad({ communityId: u.street.code }, 'communityId');
    await bad({ posts: ['dancing'] }, 'posts.0');
    await bad({ registeredOn: '2026-06-16' }, 'registeredOn');
    const foreign = await c.gangbei
      .post('/api/serving/members')
      .send({ name: '某人', phone: '13600000000', communityId: u.bihai.id, employerId: ids.tax })
      .expect(403);
    expect(errorOf(foreign).code).toBe('forbidden');
    await supervisor
      .post('/api/serving/members')
      .send({ name: '某人', phone: '13600000000', communityId: u.bihai.id, employerId: ids.tax })
      .expect(403);
    expect(await h.db.prisma.servingMember.count()).toBe(3);
  });

  test('who sees whom: the office all, a convener their communities, a member themselves; phones masked in every list', async () => {
    const names = async (a: Agent, query = '') => {
      const res = await a.get(`/api/serving/members${query}`).expect(200);
      conforms(servingMemberPage, res.body);
      for (const m of res.body.items as { phone: string; fullPhone: unknown; email: unknown }[]) {
        expect(m.phone).toMatch(MASKED);
        expect(m.fullPhone).toBeNull();
        expect(m.email).toBeNull();
      }
      return (res.body.items as { name: string }[]).map((m) => m.name).sort();
    };
    expect(await names(supervisor)).toEqual(['张伟', '李娜', '王强'].sort());
    expect(await names(h.admin, `?communityId=${u.bihai.code}`)).toEqual(['张伟']);
    expect(await names(h.admin, `?employerId=${taxBureau().code}`)).toEqual(['张伟', '李娜'].sort());
    expect(await names(c.bihai)).toEqual(['张伟']);
    expect(await names(c.gangbei)).toEqual(['李娜']);
    expect(await names(c.street)).toEqual(['张伟', '李娜'].sort());
    expect(await names(c.haibin)).toEqual(['王强']);
    expect(await names(department)).toEqual([]);
    expect(await names(c.gangbei, `?communityId=${u.bihai.id}`)).toEqual([]);
    const unknown = await h.admin.get('/api/serving/members?employerId=emp-nobody').expect(400);
    expect(errorOf(unknown).field).toBe('query.employerId');

    // The single view: the full phone only for an admin or the home community's convener.
    const single = async (a: Agent) => (await a.get(`/api/serving/members/${ids.zhang}`).expect(200)).body;
    const forConvener = await single(c.bihai);
    conforms(servingMember, forConvener);
    expect(forConvener).toMatchObject({ fullPhone: '13800001234', email: `zhang-${tag}@example.org` });
    expect((await single(h.admin)).fullPhone).toBe('13800001234');
    expect(await single(c.street)).toMatchObject({ phone: '*******1234', fullPhone: null, email: null });
    expect((await single(supervisor)).fullPhone).toBeNull();
    await c.gangbei.get(`/api/serving/members/${ids.zhang}`).expect(404);
    await department.get(`/api/serving/members/${ids.zhang}`).expect(404);
    await h.admin.get(`/api/serving/members/${randomUUID()}`).expect(404);
    await h.admin.get('/api/serving/members/not-an-id').expect(404);

    // A member: their own record (email, masked phone), nobody else's, and no writes.
    const zhang = await memberAgent(ids.zhang);
    expect(await names(zhang)).toEqual(['张伟']);
    expect(await single(zhang)).toMatchObject({
      fullPhone: null,
      phone: '*******1234',
      email: `zhang-${tag}@example.org`,
    });
    await zhang.get(`/api/serving/members/${ids.li}`).expect(404);
    await zhang.patch(`/api/serving/members/${ids.zhang}`).send({ skills: [] }).expect(403);
    const employers = (await zhang.get('/api/serving/employers').expect(200)).body.items as { id: string }[];
    expect(employers.map((e) => e.id)).toEqual([ids.tax]);

    // Employers: a convener sees those sitting in their communities and those their members work for.
    const codes = async (a: Agent, query = '') => {
      const res = await a.get(`/api/serving/employers${query}`).expect(200);
      conforms(servingEmployerPage, res.body);
      return (res.body.items as { code: string }[]).map((e) => e.code);
    };
    expect(await codes(c.gangbei)).toEqual([taxBureau().code]);
    expect(await codes(c.haibin)).toEqual([`emp-bank-${tag}`]);
    expect(await codes(supervisor)).toEqual([`emp-bank-${tag}`, taxBureau().code]);
    expect(await codes(supervisor, `?communityId=${u.gangbei.code}`)).toEqual([taxBureau().code]);
    expect(await codes(department)).toEqual([]);
    const tax = (await c.gangbei.get(`/api/serving/employers/${ids.tax}`).expect(200)).body;
    expect(tax).toMatchObject({ memberCount: 2, contactPhone: '********0001' });
  });

  test('changes: the home community’s convener changes details (audited); a phone taken by another is a 409', async () => {
    const changed = await c.bihai
      .patch(`/api/serving/members/${ids.zhang}`)
      .send({ skills: ['法律咨询'], email: null, phone: '138 0000 4321' })
      .expect(200);
    expect(changed.body).toMatchObject({ skills: ['法律咨询'], email: null, fullPhone: '13800004321' });
    const taken = await c.bihai.patch(`/api/serving/members/${ids.zhang}`).send({ phone: '13900005678' }).expect(409);
    expect(errorOf(taken)).toMatchObject({ code: 'duplicate', field: 'phone' });
    expect(errorOf(taken).message).toContain(ids.li);
    await c.street.patch(`/api/serving/members/${ids.zhang}`).send({ skills: [] }).expect(403);
    await c.gangbei.patch(`/api/serving/members/${ids.zhang}`).send({ skills: [] }).expect(404);
    const audit = (await h.admin.get(`/api/audit?entity=servingMember&entityId=${ids.zhang}`).expect(200)).body
      .items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    const update = audit.find((a) => a.action === 'servingMember.update')!;
    expect(update.before).toMatchObject({ phone: '*******1234', skills: ['法律咨询', '心理疏导'] });
    expect(update.after).toMatchObject({ phone: '*******4321', skills: ['法律咨询'], email: null });

    const employer = await c.bihai
      .patch(`/api/serving/employers/${ids.tax}`)
      .send({ contactName: '钱主任' })
      .expect(200);
    expect(employer.body).toMatchObject({ contactName: '钱主任', memberCount: 2 });
    await c.gangbei.patch(`/api/serving/employers/${ids.tax}`).send({ contactName: 'x' }).expect(403);
  });

  test('removal: an employer with members is kept (409); a removed member is gone from lists but still blocks their phone', async () => {
    const busy = await h.admin.delete(`/api/serving/employers/${ids.bank}`).expect(409);
    expect(errorOf(busy).code).toBe('employer_has_members');
    await c.bihai.delete(`/api/serving/members/${ids.wang}`).expect(404);
    await c.haibin.delete(`/api/serving/members/${ids.wang}`).expect(204);
    await h.admin.get(`/api/serving/members/${ids.wang}`).expect(404);
    await h.admin.delete(`/api/serving/employers/${ids.bank}`).expect(204);
    await h.admin.get(`/api/serving/employers/${ids.bank}`).expect(404);
    const again = await c.haibin
      .post('/api/serving/members')
      .send({ name: '王强', phone: '13700009999', communityId: u.haibin.id, employerId: ids.tax })
      .expect(409);
    expect(errorOf(again).message).toContain(ids.wang);
    // A member user for a removed member cannot be created.
    const user = await h.admin
      .post('/api/users')
      .send({ username: `m-${tag}-x`, displayName: 'x', role: 'member', servingMemberId: ids.wang })
      .expect(400);
    expect(errorOf(user).field).toBe('servingMemberId');
  });

  test('import of employers: a GBK CSV as Excel saves it, Chinese headers; dry run, then all, then the same again', async () => {
    const file = csv([
      ['单位编码', '单位名称', '党组织名称', '联系人', '联系邮箱', '联系电话', '所在社区'],
      [
        `emp-edu-${tag}`,
        '东港市教育局',
        '东港市教育局机关党委',
        '周科长',
        `edu-${tag}@example.org`,
        '0415-7200002',
        u.gangbei.code,
      ],
      [`emp-hosp-${tag}`, '东港市中心医院', '东港市中心医院党委', '吴主任', `hosp-${tag}@example.org`, '', ''],
    ]);
    const post = (a: Agent, body: Buffer, query = '') =>
      a.post(`/api/serving/import/employers${query}`).set('Content-Type', 'text/csv').send(body);
    const gbk = iconv.encode(file, 'gbk');

    // A dryRun that is no yes or no: 400 naming it, as the contract's 400 describes (found by the fuzzer).
    const badQuery = await post(h.admin, gbk, '?dryRun=AAA').expect(400);
    conforms(servingImportRejection, badQuery.body);
    expect(badQuery.body.error).toMatchObject({ code: 'invalid_input', field: 'query.dryRun' });

    const dry = await post(h.admin, gbk, '?dryRun=true').expect(200);
    conforms(servingImportSummary, dry.body);
    expect(dry.body).toEqual({ dryRun: true, created: 2, unchanged: 0, total: 2 });
    expect(await h.db.prisma.servingEmployer.count({ where: { code: { startsWith: 'emp-edu' } } })).toBe(0);

    expect((await post(h.admin, gbk).expect(200)).body).toEqual({ dryRun: false, created: 2, unchanged: 0, total: 2 });
    expect((await post(h.admin, Buffer.from(file)).expect(200)).body).toEqual({
      dryRun: false,
      created: 0,
      unchanged: 2,
      total: 2,
    });
    const edu = (await h.admin.get(`/api/serving/employers/emp-edu-${tag}`).expect(200)).body;
    expect(edu).toMatchObject({ name: '东港市教育局', community: { id: u.gangbei.id }, contactPhone: '0415-7200002' });
    expect((await h.admin.get(`/api/serving/employers/emp-hosp-${tag}`).expect(200)).body.community).toBeNull();

    // Every problem at once, by row and column; nothing written.
    const bad = csv([
      ['单位编码', '单位名称', '党组织名称', '联系人', '联系邮箱', '所在社区'],
      [`emp-a-${tag}`, '甲单位', '甲党支部', '甲', 'not-an-email', u.bihai.code],
      [`emp-a-${tag}`, '甲单位', '甲党支部', '甲', `a-${tag}@example.org`, u.street.code],
      [`emp-edu-${tag}`, '教育局', '教育局党委', '周', `edu-${tag}@example.org`, u.gangbei.code],
      [`emp-b-${tag}`, '乙单位', '乙党支部', '乙', `b-${tag}@example.org`, 'no-such-community'],
    ]);
    const rejected = await post(h.admin, Buffer.from(bad)).expect(400);
    conforms(importRejection, rejected.body);
    const rows = (rejected.body.rows as { row: number; column: string }[]).map((r) => `${r.row}:${r.column}`);
    expect(rows).toEqual(['2:联系邮箱', '3:所在社区', '4:单位编码', '5:所在社区']);
    expect(await h.db.prisma.servingEmployer.count({ where: { code: `emp-b-${tag}` } })).toBe(0);

    // A convener imports only their own community's employers (a row without one: theirs).
    const own = csv([
      ['单位编码', '单位名称', '党组织名称', '联系人', '联系邮箱', '所在社区'],
      [`emp-c-${tag}`, '丙单位', '丙党支部', '丙', `c-${tag}@example.org`, ''],
      [`emp-d-${tag}`, '丁单位', '丁党支部', '丁', `d-${tag}@example.org`, u.gangbei.code],
    ]);
    const refused = await post(c.bihai, Buffer.from(own)).expect(400);
    expect(refused.body.rows).toEqual([expect.objectContaining({ row: 3, column: '所在社区' })]);
    await post(supervisor, Buffer.from(own)).expect(403);
    await h.admin.post('/api/serving/import/employers').set('Content-Type', 'text/plain').send('x').expect(415);
  });

  test('import of members: XLSX with Chinese headers, posts by their Chinese names; repeats harmless, conflicts named', async () => {
    const zhao = idNumber('21068119900215002');
    const header = [
      '姓名',
      '手机号',
      '身份证号',
      '邮箱',
      '所在社区(社区编码)',
      '工作单位(单位编码)',
      '特长',
      '服务岗位',
      '报到日期',
    ];
    const rows: CellValue[][] = [
      header,
      [
        '赵敏',
        '13500001111',
        zhao,
        `zhaomin-${tag}@example.org`,
        u.bihai.code,
        `emp-edu-${tag}`,
        '书法、摄影',
        '文体服务岗、政策宣传',
        new Date('2026-04-01T00:00:00Z'),
      ],
      ['钱进', 13500002222, '', '', u.gangbei.code, `emp-hosp-${tag}`, '', '邻里互助岗', '2026/5/20'],
    ];
    const post = (a: Agent, body: Buffer, query = '') =>
      a.post(`/api/serving/import/members${query}`).set('Content-Type', XLSX).send(body);
    const book = await xlsx(rows);

    expect((await post(h.admin, book, '?dryRun=1').expect(200)).body).toEqual({
      dryRun: true,
      created: 2,
      unchanged: 0,
      total: 2,
    });
    expect(await h.db.prisma.servingMember.count({ where: { name: '赵敏' } })).toBe(0);
    expect((await post(h.admin, book).expect(200)).body).toEqual({ dryRun: false, created: 2, unchanged: 0, total: 2 });
    expect((await post(h.admin, book).expect(200)).body).toEqual({ dryRun: false, created: 0, unchanged: 2, total: 2 });

    const list = (await h.admin.get(`/api/serving/members?employerId=emp-edu-${tag}`).expect(200)).body.items;
    expect(list).toEqual([
      expect.objectContaining({
        name: '赵敏',
        phone: '*******1111',
        idNumber: `**************${zhao.slice(-4)}`,
        skills: ['书法', '摄影'],
        posts: ['policy_promotion', 'culture_sport'],
        registeredOn: '2026-04-01',
        community: expect.objectContaining({ id: u.bihai.id }),
      }),
    ]);
    const hospital = (await h.admin.get(`/api/serving/members?employerId=emp-hosp-${tag}`).expect(200)).body.items;
    expect(hospital).toEqual([
      expect.objectContaining({
        name: '钱进',
        phone: '*******2222',
        idNumber: null,
        posts: ['neighbourhood_help'],
        registeredOn: '2026-05-20', // written 2026/5/20
        community: expect.objectContaining({ id: u.gangbei.id }),
      }),
    ]);
    const stored = await h.db.prisma.servingMember.findFirstOrThrow({ where: { name: '赵敏' } });
    expect(stored.idNumberHash).toBe(sha256(zhao));
    const audit = (await h.admin.get(`/api/audit?entity=servingMember&entityId=${stored.id}`).expect(200)).body.items;
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'servingMember.register',
        after: expect.objectContaining({ via: 'import', phone: '*******1111' }),
      }),
    ]);

    // Problems: the same phone twice in the file, a person registered with other details, an
    // unregistered employer, a bad ID number, an unknown post, a date in the future.
    const bad = await xlsx([
      header,
      ['孙丽', '13500003333', '', '', u.bihai.code, `emp-edu-${tag}`, '', '', ''],
      ['孙丽', '13500003333', '', '', u.bihai.code, `emp-edu-${tag}`, '', '', ''],
      ['赵敏', '13500001111', zhao, '', u.gangbei.code, `emp-edu-${tag}`, '', '', ''],
      ['周一', '13500004444', '', '', u.bihai.code, 'emp-nobody', '', '', '2026-07-01'],
      [
        '吴二',
        '13500005555',
        zhao.slice(0, 17) + (zhao.endsWith('0') ? '1' : '0'),
        '',
        u.bihai.code,
        `emp-edu-${tag}`,
        '',
        '跳舞岗',
        '',
      ],
    ]);
    const rejected = await post(h.admin, bad).expect(400);
    const problems = rejected.body.rows as { row: number; column: string; message: string }[];
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '3:手机号',
      '4:手机号',
      '5:工作单位(单位编码)',
      '5:报到日期',
      '6:身份证号',
      '6:服务岗位',
    ]);
    expect(problems[1]!.message).toContain(stored.id);
    expect(problems[1]!.message).toContain('*******1111');
    expect(await h.db.prisma.servingMember.count({ where: { name: '孙丽' } })).toBe(0);

    // A GBK CSV with the short headers, imported by Bihai's convener: only Bihai's rows.
    const short = csv([
      ['姓名', '手机号', '所在社区', '工作单位', '服务岗位'],
      ['郑三', '13500006666', u.bihai.code, `emp-edu-${tag}`, '平安巡逻岗'],
      ['冯四', '13500007777', u.gangbei.code, `emp-edu-${tag}`, ''],
    ]);
    const gbk = iconv.encode(short, 'gbk');
    const convener = (body: Buffer) =>
      c.bihai.post('/api/serving/import/members').set('Content-Type', 'text/csv').send(body);
    const refused = await convener(gbk).expect(400);
    expect(refused.body.rows).toEqual([expect.objectContaining({ row: 3, column: '所在社区' })]);
    const onlyOwn = iconv.encode(
      csv([
        ['姓名', '手机号', '所在社区', '工作单位', '服务岗位'],
        ['郑三', '13500006666', u.bihai.code, `emp-edu-${tag}`, '平安巡逻岗'],
      ]),
      'gbk',
    );
    expect((await convener(onlyOwn).expect(200)).body).toMatchObject({ created: 1, total: 1 });
    const zheng = (await c.bihai.get(`/api/serving/members?communityId=${u.bihai.id}`).expect(200)).body.items.find(
      (m: { name: string }) => m.name === '郑三',
    );
    expect(zheng).toMatchObject({ posts: ['safety_patrol'], phone: '*******6666', registeredOn: TODAY });
  });
});
