/**
 * Bulk import of the entries' pairings (leaders and departments ↔ communities) from CSV and
 * XLSX: reading and checking files (pure), then the import endpoint on embedded PGlite with a
 * real Temporal dev server.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CellValue, Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { pairingRowSchema } from '../api/routes/pairing-import';
import { XLSX_TYPE } from '../api/routes/imports';
import { ImportRejected } from '../domain/org-import';
import { parsePairingFile, planPairings } from '../domain/pairing-import';
import { postPairingImport } from '../scripts/import';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { agentFor, authHeaderFor } from './support/auth';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

const EN_HEADER = ['type', 'code', 'name', 'title', 'email', 'contactName', 'contactEmail', 'community'];
const ZH_HEADER = ['类型', '编码', '姓名', '职务', '邮箱', '联系人', '联系人邮箱', '社区编码'];

const leader = (code: string, community: string, email = `${code}@example.org`) => [
  'leader',
  code,
  `领导${code}`,
  '副市长',
  email,
  '',
  '',
  community,
];
const department = (code: string, community: string, contactEmail = `${code}@example.org`) => [
  'department',
  code,
  `部门${code}`,
  '',
  '',
  `联系人${code}`,
  contactEmail,
  community,
];

async function xlsx(rows: CellValue[][]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('结对');
  rows.forEach((r, i) => {
    if (r.length) sheet.getRow(i + 1).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a pairing file', () => {
  test('leaders and departments in one file: one batch, each department once, one pairing per row', async () => {
    const parsed = await parsePairingFile(
      csv([
        EN_HEADER,
        leader('l-wang', 'c-one'),
        department('d-a', 'c-one'),
        [],
        department('d-a', 'c-two'),
        ['Department', 'd-b', '部门d-b', '', '', '联系人', 'b@example.org', 'c-two'],
      ]),
      'csv',
      pairingRowSchema,
    );
    expect(parsed.problems).toEqual([]);
    const plan = planPairings(parsed);
    expect(plan.problems).toEqual([]);
    expect(plan.batch.leaders).toEqual([
      expect.objectContaining({ code: 'l-wang', title: '副市长', email: 'l-wang@example.org', communityCode: 'c-one' }),
    ]);
    expect(plan.batch.departments.map((d) => d.code)).toEqual(['d-a', 'd-b']);
    expect(plan.batch.pairings).toEqual([
      { departmentCode: 'd-a', communityCode: 'c-one' },
      { departmentCode: 'd-a', communityCode: 'c-two' },
      { departmentCode: 'd-b', communityCode: 'c-two' },
    ]);
    expect(plan.rowOf).toEqual({ leader: [2], department: [3, 6], pairing: [3, 5, 6] });
  });

  test('Chinese headers and type values; optional columns may be left out', async () => {
    const parsed = await parsePairingFile(
      csv([
        ['类型', '编码', '名称', '邮箱', '联络员', '联络员邮箱', '电话', '社区编码', '语言'],
        ['领导', 'l-li', '李市长', 'li@example.org', '张秘书', 'zhang@example.org', '0415-1234567', 'c-one', '英文'],
      ]),
      'csv',
      pairingRowSchema,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      {
        type: 'leader',
        code: 'l-li',
        name: '李市长',
        email: 'li@example.org',
        secretaryName: '张秘书',
        secretaryEmail: 'zhang@example.org',
        phone: '0415-1234567',
        community: 'c-one',
        locale: 'en',
      },
    ]);
    expect(parsed.columns).toMatchObject({ type: '类型', name: '名称', community: '社区编码' });
  });

  test('row problems come back by row and column, all at once', async () => {
    const parsed = await parsePairingFile(
      csv([
        ZH_HEADER,
        leader('l-ok', 'c-one'),
        leader('l-bad', 'c-one', 'not-an-email'),
        ['主任', 'x-1', '某人', '', '', '', '', 'c-one'],
        ['领导', 'l-extra', '某领导', '', 'e@example.org', '王联系人', '', 'c-one'],
        ['部门', 'd-x', '某部门', '', '', '', '', 'c-one'],
        ['', 'd-y', '某部门', '', '', 'y', 'y@example.org', 'C One'],
      ]),
      'csv',
      pairingRowSchema,
    );
    expect(parsed.rows).toEqual([2]);
    expect(parsed.problems).toEqual([
      { row: 3, column: '邮箱', message: expect.stringMatching(/^邮箱格式不正确 \/ Invalid email/) },
      { row: 4, column: '类型', message: expect.stringMatching(/^类型须为 领导 或 部门 \/ Type must be leader/) },
      { row: 5, column: '联系人', message: expect.stringContaining('Not used on a leader row') },
      { row: 6, column: '联系人', message: '必填 / Required' },
      { row: 6, column: '联系人邮箱', message: '必填 / Required' },
      { row: 7, column: '类型', message: '必填 / Required' },
    ]);
  });

  test('a department repeated with other details is a problem at that row and column', async () => {
    const parsed = await parsePairingFile(
      csv([EN_HEADER, department('d-a', 'c-one'), department('d-a', 'c-two', 'other@example.org')]),
      'csv',
      pairingRowSchema,
    );
    expect(planPairings(parsed).problems).toEqual([
      {
        row: 3,
        column: 'contactEmail',
        message: expect.stringMatching(/第 2 行.* \/ Department d-a has another contactEmail on row 2/),
      },
    ]);
  });

  test('header problems are row 1: a missing community column, an unknown column', async () => {
    const err = await parsePairingFile(
      csv([
        ['type', 'code', 'name', 'email', 'unit'],
        ['leader', 'l-x', 'X', 'x@example.org', 'c'],
      ]),
      'csv',
      pairingRowSchema,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).problems).toEqual([
      { row: 1, column: 'unit', message: expect.stringContaining('Unknown column') },
      { row: 1, column: 'community', message: expect.stringContaining('community is missing') },
    ]);
  });
});

describe('POST /api/pairings/import on embedded PGlite', () => {
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

  const slug = () => randomUUID().slice(0, 8);
  const counts = async () => ({
    leaders: await h.db.prisma.leader.count(),
    departments: await h.db.prisma.department.count(),
    pairings: await h.db.prisma.departmentPairing.count(),
    audit: await h.db.prisma.auditEvent.count(),
  });
  const postCsv = (data: Buffer) => h.admin.post('/api/pairings/import').set('Content-Type', 'text/csv').send(data);

  /** Register communities `${s}-c1`, `${s}-c2`, … */
  async function communities(s: string, n: number): Promise<string[]> {
    const codes = Array.from({ length: n }, (_, i) => `${s}-c${i + 1}`);
    for (const code of codes) {
      await h.admin
        .post('/api/units')
        .send({ code, name: `社区${code}`, level: 'community', convenerName: '书记', convenerEmail: 'c@example.org' })
        .expect(201);
    }
    return codes;
  }

  /** 2 leaders, 4 departments: d1 and d2 serve both communities, d3 the first, d4 the second (3 + 3). */
  const goodRows = (s: string, [c1, c2]: string[]) => [
    leader(`${s}-l1`, c1!),
    leader(`${s}-l2`, c2!),
    department(`${s}-d1`, c1!),
    department(`${s}-d1`, c2!),
    department(`${s}-d2`, c1!),
    department(`${s}-d2`, c2!),
    department(`${s}-d3`, c1!),
    department(`${s}-d4`, c2!),
  ];

  test('a good CSV: 2 leaders, 4 departments, 3 + 3 pairings; visit obligations run; a repeat creates nothing', async () => {
    const s = slug();
    const cs = await communities(s, 2);
    const file = csv([EN_HEADER, ...goodRows(s, cs)]);
    const res = await postCsv(file).expect(200);
    expect(res.body).toEqual({
      created: { leaders: 2, departments: 4, pairings: 6 },
      total: { leaders: 2, departments: 4, pairings: 6 },
    });

    const pairings = await h.admin.get(`/api/units/${cs[0]}/pairings`).expect(200);
    expect(pairings.body.leaders.map((l: { code: string }) => l.code)).toEqual([`${s}-l1`]);
    expect(pairings.body.departments.map((d: { code: string }) => d.code)).toEqual([`${s}-d1`, `${s}-d2`, `${s}-d3`]);
    const leaders = await h.db.prisma.leader.findMany({ where: { code: { startsWith: `${s}-` } } });
    expect(leaders).toHaveLength(2);
    for (const l of leaders) {
      const wf = await env.client.workflow.getHandle(`leader-visit:${l.id}`).describe();
      expect(wf.status.name).toBe('RUNNING');
    }
    const audit = await h.db.prisma.auditEvent.groupBy({
      by: ['action'],
      where: { entityId: { in: leaders.map((l) => l.id) } },
      _count: true,
    });
    expect(audit).toEqual([{ action: 'leader.create', _count: 2 }]);

    const before = await counts();
    expect((await postCsv(file).expect(200)).body).toEqual({
      created: { leaders: 0, departments: 0, pairings: 0 },
      total: { leaders: 2, departments: 4, pairings: 6 },
    });
    expect(await counts()).toEqual(before);

    // The same file as a Chinese Excel saves "CSV" (GBK), charset detected or named: the same
    // leaders and departments (a leader with other details would be a problem at its row).
    const gbk = iconv.encode(file.toString('utf8'), 'gbk');
    for (const type of ['text/csv', 'text/csv; charset=gbk']) {
      const res = await h.admin.post('/api/pairings/import').set('Content-Type', type).send(gbk);
      expect({ type, body: res.body as unknown }).toEqual({
        type,
        body: {
          created: { leaders: 0, departments: 0, pairings: 0 },
          total: { leaders: 2, departments: 4, pairings: 6 },
        },
      });
    }
    expect(await counts()).toEqual(before);
  });

  test('XLSX with Chinese headers and type values, a linked email', async () => {
    const s = slug();
    const [c1, c2] = await communities(s, 2);
    const rows: CellValue[][] = goodRows(s, [c1!, c2!]).map((r) => [
      r[0] === 'leader' ? '领导' : '部门',
      ...r.slice(1),
    ]);
    rows[0]![4] = { text: `${s}-l1@example.org`, hyperlink: `mailto:${s}-l1@example.org` };
    const res = await h.admin
      .post('/api/pairings/import')
      .set('Content-Type', XLSX_TYPE)
      .send(await xlsx([ZH_HEADER, ...rows]))
      .expect(200);
    expect(res.body.created).toEqual({ leaders: 2, departments: 4, pairings: 6 });
    const l1 = await h.db.prisma.leader.findUniqueOrThrow({ where: { code: `${s}-l1` } });
    expect(l1.email).toBe(`${s}-l1@example.org`);
  });

  test('every problem by row and column in one answer; nothing is written', async () => {
    const s = slug();
    const [cA, cB, cC] = await communities(s, 3);
    const before = await counts();
    const res = await postCsv(
      csv([
        ZH_HEADER,
        leader(`${s}-l1`, `${s}-nowhere`), // 2: unknown community
        leader(`${s}-l2`, cC!, 'not-an-email'), // 3: bad email
        department(`${s}-d1`, cA!), // 4, 5: community A left with 2 departments
        department(`${s}-d2`, cA!),
        ...[3, 4, 5, 6, 7, 8].map((n) => department(`${s}-d${n}`, cB!)), // 6–11: community B with 6
        department(`${s}-d9`, cC!),
        department(`${s}-d10`, cC!),
        department(`${s}-d1`, cC!, 'other@example.org'), // 14: d1 repeated with other details
        ['主任', `${s}-x`, '某人', '', '', '', '', cC!], // 15: unknown type
      ]),
    ).expect(400);
    expect(res.body.error).toMatchObject({ code: 'import_rejected', field: 'file' });
    expect(res.body.error.message).toMatch(/nothing was written/);
    const range = expect.stringMatching(/3–5 个部门.*this gives \d/);
    expect(res.body.rows).toEqual([
      { row: 2, column: '社区编码', message: expect.stringContaining(`Community ${s}-nowhere does not exist`) },
      { row: 3, column: '邮箱', message: expect.stringContaining('Invalid email') },
      { row: 4, column: '社区编码', message: expect.stringContaining('this gives 2') },
      { row: 5, column: '社区编码', message: expect.stringContaining('this gives 2') },
      ...[6, 7, 8, 9, 10, 11].map((row) => ({ row, column: '社区编码', message: range })),
      {
        row: 14,
        column: '联系人邮箱',
        message: expect.stringContaining(`Department ${s}-d1 has another contactEmail`),
      },
      { row: 15, column: '类型', message: expect.stringContaining('Type must be leader') },
    ]);
    expect(res.body.rows[6].message).toContain('this gives 6');
    expect(await counts()).toEqual(before);
  });

  test('the record’s problems alone: a registered leader with other details, a pairing twice', async () => {
    const s = slug();
    const cs = await communities(s, 2);
    await postCsv(csv([EN_HEADER, ...goodRows(s, cs)])).expect(200);
    const before = await counts();
    const changed = goodRows(s, cs);
    changed[0]![2] = '新名字';
    const res = await postCsv(csv([EN_HEADER, ...changed, department(`${s}-d3`, cs[0]!)])).expect(400);
    expect(res.body.rows).toEqual([
      { row: 2, column: 'code', message: expect.stringContaining('registered with other details') },
      { row: 10, column: 'code', message: expect.stringMatching(/结对在文件中重复 \/ Pairing .* appears twice/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('admins only; unsupported types → 415', async () => {
    const supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
    await supervisor.post('/api/pairings/import').set('Content-Type', 'text/csv').send('type').expect(403);
    const plain = await h.admin.post('/api/pairings/import').set('Content-Type', 'text/plain').send('x').expect(415);
    expect(plain.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
    const empty = await postCsv(Buffer.alloc(0)).expect(400);
    expect(empty.body).toMatchObject({ error: { code: 'import_rejected' }, rows: [] });
  });

  test('the command-line client (npm run import -- --pairings): the summary, or the rows of a rejection', async () => {
    const s = slug();
    const cs = await communities(s, 2);
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const auth = await authHeaderFor(h.db.prisma, 'admin');
      await expect(
        postPairingImport(url, csv([EN_HEADER, ...goodRows(s, cs)]), 'text/csv; charset=utf-8', auth),
      ).resolves.toEqual({
        created: { leaders: 2, departments: 4, pairings: 6 },
        total: { leaders: 2, departments: 4, pairings: 6 },
      });
      await expect(
        postPairingImport(url, csv([EN_HEADER, leader(`${s}-l9`, `${s}-nowhere`)]), 'text/csv', auth),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/^HTTP 400: .*nothing was written/),
        rows: [{ row: 2, column: 'community', message: expect.stringContaining('does not exist') }],
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
