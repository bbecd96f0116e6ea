/**
 * Bulk import of units from CSV and XLSX: reading and checking files (pure), then the import
 * endpoint on embedded PGlite with a real Temporal dev server, and the demo seed through the
 * command-line client.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { type CellValue, Workbook } from 'exceljs';
import request from 'supertest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { importRowSchema, XLSX_TYPE } from '../api/routes/imports';
import { ImportRejected, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseUnitFile } from '../domain/org-import';
import iconv from 'iconv-lite';
import { decodeText, detectEncoding } from '../domain/text-encoding';
import { importFile, postImport, uploadFor } from '../scripts/import';
import { DEMO_CSV_PATH, demoDonggangCsv, demoDonggangUnits } from '../scripts/seed-demo';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { authHeaderFor } from './support/auth';

const csv = (rows: string[][], bom = false) =>
  Buffer.from((bom ? '\ufeff' : '') + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

const EN_HEADER = ['code', 'name', 'level', 'parentCode', 'convenerName', 'convenerEmail'];
const ZH_HEADER = ['编码', '名称', '层级', '上级编码', '召集人', '召集人邮箱'];

async function rejectionOf(p: Promise<unknown>): Promise<ImportRejected> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportRejected) return err;
    throw err;
  }
  throw new Error('expected the file to be rejected');
}

async function xlsx(rows: CellValue[][]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('单位');
  rows.forEach((r, i) => {
    if (r.length) sheet.getRow(i + 1).values = r;
  });
  wb.addWorksheet('ignored').addRow(['not', 'read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a unit file', () => {
  test('CSV with a BOM, English headers, quotes and a blank row: row numbers are spreadsheet rows', async () => {
    const data = csv(
      [
        EN_HEADER,
        ['dg-city', '东港市', 'city', '', '王书记', 'wang@example.org'],
        [],
        ['dg-xinxing', '"新兴街道, 东港"', 'street', 'dg-city', ' 李书记 ', 'li@example.org'],
      ],
      true,
    );
    const parsed = await parseUnitFile(data, 'csv', importRowSchema);
    expect(parsed.rows).toEqual([2, 4]);
    expect(parsed.units[0]).toMatchObject({ code: 'dg-city', level: 'city', locale: 'zh-CN' });
    expect(parsed.units[0]!.parentCode).toBeUndefined();
    expect(parsed.units[1]).toMatchObject({ name: '新兴街道, 东港', parentCode: 'dg-city', convenerName: '李书记' });
    expect(parsed.columns.convenerEmail).toBe('convenerEmail');
  });

  test('Chinese headers and level values; headers ignore case, spaces and full-width forms', async () => {
    const data = csv([
      [...ZH_HEADER, 'Convener Phone', '语言'],
      ['bihai', '碧海社区', '社区', '', '唐书记', 'tang@example.org', '0415-000-0001', 'en'],
      ['haiou', '海鸥花园', '居民小区', 'bihai', '刘书记', 'liu@example.org', '', '中文'],
    ]);
    const parsed = await parseUnitFile(data, 'csv', importRowSchema);
    expect(parsed.units).toEqual([
      expect.objectContaining({ level: 'community', convenerPhone: '0415-000-0001', locale: 'en' }),
      expect.objectContaining({ level: 'compound', parentCode: 'bihai', locale: 'zh-CN' }),
    ]);
    expect(parsed.columns).toMatchObject({ code: '编码', convenerPhone: 'Convener Phone' });
  });

  test('XLSX: first sheet, Chinese headers, a linked email, a numeric phone, an empty row', async () => {
    const data = await xlsx([
      ZH_HEADER.concat('召集人电话'),
      [
        'gangbei',
        '港北社区',
        '社区',
        null,
        '赵书记',
        { text: 'zhao@example.org', hyperlink: 'mailto:zhao@example.org' },
        13800000000,
      ],
      [],
      [
        'gangbei-01',
        { richText: [{ text: '港北' }, { text: '家园' }] },
        '小区',
        'gangbei',
        '钱书记',
        'qian@example.org',
      ],
    ]);
    const parsed = await parseUnitFile(data, 'xlsx', importRowSchema);
    expect(parsed.rows).toEqual([2, 4]);
    expect(parsed.units).toEqual([
      expect.objectContaining({ code: 'gangbei', convenerEmail: 'zhao@example.org', convenerPhone: '13800000000' }),
      expect.objectContaining({ name: '港北家园', level: 'compound', parentCode: 'gangbei' }),
    ]);
  });

  test('every problem is reported, by row and by the column as written in the file', async () => {
    const err = await rejectionOf(
      parseUnitFile(
        csv([
          ZH_HEADER,
          ['ok-one', '一', '社区', '', '甲', 'a@example.org'],
          ['Bad Code', '二', '区', '', '', 'not-an-email'],
          ['ok-three', '三', '社区', '', '丙', 'c@example.org', 'stray'],
        ]),
        'csv',
        importRowSchema,
      ),
    );
    expect(err.problems).toEqual([
      { row: 3, column: '编码', message: expect.stringContaining('编码须为') },
      { row: 3, column: '层级', message: expect.stringContaining('层级须为') },
      { row: 3, column: '召集人', message: '必填 / Required' },
      { row: 3, column: '召集人邮箱', message: expect.stringMatching(/召集人邮箱格式不正确 \/ Invalid email/) },
      { row: 4, column: 'G', message: expect.stringContaining('without a header') },
    ]);
    expect(err.message).toMatch(/2 行共 5 处问题.*5 problem\(s\) in 2 row\(s\)/);
  });

  test('header problems are row 1: unknown, repeated and missing columns', async () => {
    const err = await rejectionOf(
      parseUnitFile(
        csv([
          ['code', '编码', 'name', 'level', 'convener_mail'],
          ['a1', 'a1', 'A', 'city', 'x'],
        ]),
        'csv',
        importRowSchema,
      ),
    );
    expect(err.problems).toEqual([
      { row: 1, column: '编码', message: expect.stringContaining('Same field as column "code"') },
      { row: 1, column: 'convener_mail', message: expect.stringContaining('Unknown column') },
      { row: 1, column: 'convenerName', message: expect.stringContaining('convenerName is missing') },
      { row: 1, column: 'convenerEmail', message: expect.stringContaining('convenerEmail is missing') },
    ]);
  });

  test('file-level guards: not UTF-8, a workbook sent as CSV, empty, too many rows, not an xlsx', async () => {
    // "编码" in GBK, as a Chinese Excel's plain "CSV" would save it.
    const gbk = Buffer.concat([
      Buffer.from('code,name,level,convenerName,convenerEmail\ndg,'),
      Buffer.from([0xb1, 0xe0, 0xc2, 0xeb]),
      Buffer.from(',city,w,w@example.org\n'),
    ]);
    expect((await parseUnitFile(gbk, 'csv', importRowSchema)).units[0]!.name).toBe('编码'); // detected
    expect((await parseUnitFile(gbk, 'csv', importRowSchema, { charset: 'gbk' })).units[0]!.name).toBe('编码');
    // Named UTF-8 is taken at its word; bytes that are neither UTF-8 nor GB18030 are refused.
    expect((await rejectionOf(parseUnitFile(gbk, 'csv', importRowSchema, { charset: 'utf-8' }))).message).toMatch(
      /not valid utf-8/,
    );
    const neither = Buffer.concat([Buffer.from('code,name\n'), Buffer.from([0x80, 0xff, 0x80, 0xff])]);
    expect((await rejectionOf(parseUnitFile(neither, 'csv', importRowSchema))).message).toMatch(/--encoding gbk/);

    const book = await xlsx([EN_HEADER]);
    expect((await rejectionOf(parseUnitFile(book, 'csv', importRowSchema))).message).toMatch(/xlsx/);
    expect((await rejectionOf(parseUnitFile(Buffer.from('a,b'), 'xlsx', importRowSchema))).message).toMatch(
      /cannot be read/,
    );
    expect((await rejectionOf(parseUnitFile(Buffer.alloc(0), 'csv', importRowSchema))).message).toMatch(/empty/);
    expect((await rejectionOf(parseUnitFile(csv([EN_HEADER]), 'csv', importRowSchema))).message).toMatch(
      /no data rows/,
    );

    const many = [
      EN_HEADER,
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`u${i}`, 'n', 'community', '', 'c', 'c@example.org']),
    ];
    expect((await rejectionOf(parseUnitFile(csv(many), 'csv', importRowSchema))).message).toMatch(
      /more than 50000 data rows/,
    );
  });

  test('a GBK/GB18030 CSV (a Chinese Excel\'s plain "CSV") and UTF-8 with or without BOM read the same', async () => {
    const text = fs.readFileSync(DEMO_CSV_PATH, 'utf8').replace(/^\ufeff/, '');
    const utf8 = await parseUnitFile(fs.readFileSync(DEMO_CSV_PATH), 'csv', importRowSchema);
    for (const [bytes, encoding] of [
      [iconv.encode(text, 'gbk'), 'gb18030'],
      [iconv.encode(text, 'gb18030'), 'gb18030'],
      [Buffer.from(text), 'utf-8'],
      [Buffer.from('\ufeff' + text), 'utf-8'],
      // Short files: too little for chardet, GB18030 is assumed.
      [iconv.encode('编码,名称\nab,滨江\n', 'gbk'), 'gb18030'],
    ] as const) {
      expect(detectEncoding(bytes)?.encoding).toBe(encoding);
    }
    const gbk = await parseUnitFile(iconv.encode(text, 'gbk'), 'csv', importRowSchema);
    expect(gbk.units).toEqual(utf8.units);
    expect(gbk.units.find((u) => u.code === 'demo-xinxing-bihai')?.name).toBe('碧海社区');
    expect(decodeText(iconv.encode('海鸥花园', 'gbk'), 'GBK')).toMatchObject({ text: '海鸥花园', how: 'named' });
  });

  test('the demo file is the generator’s output: 1 city, 3 streets, 21 communities, 3–6 compounds each, marked as demo', async () => {
    expect(fs.readFileSync(DEMO_CSV_PATH, 'utf8')).toBe(demoDonggangCsv());
    const units = demoDonggangUnits();
    const byLevel = (l: string) => units.filter((u) => u.level === l);
    expect(byLevel('city')).toHaveLength(1);
    expect(byLevel('street').map((s) => s.name)).toEqual(['大东街道', '新兴街道', '新城街道']);
    expect(byLevel('community')).toHaveLength(21);
    for (const c of byLevel('community')) {
      const n = units.filter((u) => u.parentCode === c.code).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
    for (const u of units) {
      expect(u.code).toMatch(/^demo-/);
      expect(u.convenerName).toMatch(/（示例）$/);
      expect(u.convenerEmail).toMatch(/@example\.org$/);
    }
    expect(new Set(units.map((u) => u.convenerEmail)).size).toBe(units.length);
    const parsed = await parseUnitFile(fs.readFileSync(DEMO_CSV_PATH), 'csv', importRowSchema);
    expect(parsed.units).toHaveLength(units.length);
  });
});

describe('POST /api/units/import on embedded PGlite', () => {
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
  const counts = async () => ({ units: await h.db.prisma.unit.count(), audit: await h.db.prisma.auditEvent.count() });
  const postCsv = (data: Buffer) => h.admin.post('/api/units/import').set('Content-Type', 'text/csv').send(data);
  const ndjson = (res: request.Response) =>
    (res.body as string)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const readText = (res: any, cb: (err: Error | null, body: string) => void) => {
    const stream = res as NodeJS.ReadableStream;
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (text += c));
    stream.on('end', () => cb(null, text));
  };

  test('one bad row (an email) rejects the whole file with that row and column; nothing is written', async () => {
    const s = slug();
    const before = await counts();
    const res = await postCsv(
      csv(
        [
          ZH_HEADER,
          [`${s}-a`, '甲社区', '社区', '', '甲书记', 'a@example.org'],
          [`${s}-b`, '乙社区', '社区', '', '乙书记', 'b-at-example.org'],
          [`${s}-c`, '丙社区', '社区', '', '丙书记', 'c@example.org'],
        ],
        true,
      ),
    ).expect(400);
    expect(res.body.error).toMatchObject({ code: 'import_rejected', field: 'file' });
    expect(res.body.error.message).toMatch(/nothing was written/);
    expect(res.body.rows).toEqual([
      { row: 3, column: '召集人邮箱', message: expect.stringContaining('Invalid email') },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('a parent referenced before it appears works; obligations start; a repeat creates nothing', async () => {
    const s = slug();
    const file = csv([
      EN_HEADER,
      [`${s}-compound`, '海鸥花园', '小区', `${s}-community`, '刘书记', 'liu@example.org'],
      [`${s}-community`, '碧海社区', '社区', `${s}-street`, '唐书记', 'tang@example.org'],
      [`${s}-street`, '新兴街道', 'street', `${s}-city`, '孙书记', 'sun@example.org'],
      [`${s}-city`, '东港市', 'city', '', '周书记', 'zhou@example.org'],
    ]);
    const res = await postCsv(file).expect(200);
    expect(res.body).toEqual({ created: 4, unchanged: 0, total: 4 });

    const street = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: `${s}-street` } });
    const compound = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: `${s}-compound` } });
    expect(compound.streetId).toBe(street.id);
    const wf = await env.client.workflow.getHandle(`meeting-cadence:${compound.id}`).describe();
    expect(wf.status.name).toBe('RUNNING');

    const before = await counts();
    expect((await postCsv(file).expect(200)).body).toEqual({ created: 0, unchanged: 4, total: 4 });
    expect(await counts()).toEqual(before);
  });

  test('a child whose parent is missing → that row’s parentCode error; nothing written', async () => {
    const s = slug();
    const before = await counts();
    const res = await postCsv(
      csv([
        EN_HEADER,
        [`${s}-community`, '港北社区', 'community', '', '赵书记', 'zhao@example.org'],
        [`${s}-compound`, '港北家园', 'compound', `${s}-nowhere`, '钱书记', 'qian@example.org'],
      ]),
    ).expect(400);
    expect(res.body.rows).toEqual([
      {
        row: 3,
        column: 'parentCode',
        message: expect.stringMatching(/上级单位不存在.* \/ Parent unit .* does not exist/),
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('field and tree problems come back together, in one answer; a child of a bad row is not blamed', async () => {
    const s = slug();
    const before = await counts();
    const res = await postCsv(
      csv([
        EN_HEADER,
        [`${s}-a`, '甲社区', 'community', '', '赵书记', 'not-an-email'],
        [`${s}-b`, '乙小区', 'compound', `${s}-nowhere`, '钱书记', 'qian@example.org'],
        [`${s}-c`, '丙小区', 'compound', `${s}-a`, '孙书记', 'sun@example.org'],
      ]),
    ).expect(400);
    expect(res.body.rows.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [2, 'convenerEmail'],
      [3, 'parentCode'],
    ]);
    expect(await counts()).toEqual(before);
  });

  test('registry problems map back to rows: a duplicate code, a changed unit, a street without its city', async () => {
    const s = slug();
    await postCsv(csv([ZH_HEADER, [`${s}-x`, '旧名', '社区', '', '甲', 'a@example.org']])).expect(200);
    const dup = await postCsv(
      csv([
        ZH_HEADER,
        [`${s}-y`, '乙', '社区', '', '乙', 'b@example.org'],
        [`${s}-y`, '乙', '社区', '', '乙', 'b@example.org'],
      ]),
    ).expect(400);
    expect(dup.body.rows).toEqual([{ row: 3, column: '编码', message: expect.stringContaining('编码在文件中重复') }]);

    const changed = await postCsv(
      csv([
        ZH_HEADER,
        [`${s}-z`, '新', '社区', '', '丙', 'c@example.org'],
        [`${s}-x`, '新名', '社区', '', '甲', 'a@example.org'],
      ]),
    ).expect(400);
    expect(changed.body.rows).toEqual([{ row: 3, column: '编码', message: expect.stringContaining('already used') }]);
    expect(await h.db.prisma.unit.count({ where: { code: `${s}-z` } })).toBe(0);

    const orphan = await postCsv(
      csv([
        ['名称', '编码', '层级', '召集人', '召集人邮箱'],
        ['某街道', `${s}-st`, '街道', '丁', 'd@example.org'],
      ]),
    ).expect(400);
    expect(orphan.body.rows).toEqual([
      { row: 2, column: 'parentCode', message: expect.stringContaining('needs its parent city') },
    ]);
  });

  test('XLSX through the endpoint', async () => {
    const s = slug();
    const body = await xlsx([
      ZH_HEADER,
      [`${s}-b`, '桥东社区', '社区', null, '吴书记', 'wu@example.org'],
      [`${s}-b-01`, '鼎林华庭', '小区', `${s}-b`, '郑书记', 'zheng@example.org'],
    ]);
    const res = await h.admin.post('/api/units/import').set('Content-Type', XLSX_TYPE).send(body).expect(200);
    expect(res.body).toEqual({ created: 2, unchanged: 0, total: 2 });
  });

  test('unsupported types → 415 JSON (an unknown charset too); over 20 MB → 413 JSON', async () => {
    const plain = await h.admin.post('/api/units/import').set('Content-Type', 'text/plain').send('code').expect(415);
    expect(plain.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
    await h.admin.post('/api/units/import').set('Content-Type', 'text/csv; charset=klingon').send('code').expect(415);
    const json = await h.admin.post('/api/units/import').send({ code: 'x' }).expect(415);
    expect(json.body.error.code).toBe('unsupported_media_type');
    const huge = await postCsv(Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a')).expect(413);
    expect(huge.body.error).toMatchObject({ code: 'payload_too_large' });
  });

  test('Accept: application/x-ndjson streams progress; the last line is the outcome', async () => {
    const s = slug();
    const rows = Array.from({ length: 30 }, (_, i) => [
      `${s}-${i}`,
      `社区${i}`,
      'community',
      '',
      '书记',
      `s${i}@example.org`,
    ]);
    const res = await postCsv(csv([EN_HEADER, ...rows]))
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse(readText)
      .expect(200)
      .expect('Content-Type', /application\/x-ndjson/);
    const lines = ndjson(res);
    expect(lines[0]).toMatchObject({ phase: 'received' });
    expect(lines).toContainEqual({ phase: 'validated', total: 30 });
    expect(lines).toContainEqual({ phase: 'registered', created: 30, unchanged: 0, total: 30 });
    expect(lines).toContainEqual({ phase: 'obligations', done: 30, total: 30 });
    expect(lines.at(-1)).toEqual({ phase: 'done', created: 30, unchanged: 0, total: 30 });

    const bad = await postCsv(csv([EN_HEADER, [`${s}-bad`, 'x', 'province', '', 'y', 'y@example.org']]))
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse(readText)
      .expect(200);
    expect(ndjson(bad).at(-1)).toMatchObject({
      phase: 'rejected',
      error: { code: 'import_rejected', field: 'file' },
      rows: [{ row: 2, column: 'level' }],
    });
  });

  test('the demo seed imports through the command-line client: 21 communities, obligations running', async () => {
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const phases: string[] = [];
      const auth = await authHeaderFor(h.db.prisma, 'admin');
      const summary = await postImport(
        url,
        fs.readFileSync(DEMO_CSV_PATH),
        'text/csv; charset=utf-8',
        (p) => phases.push(p.phase),
        auth,
      );
      const total = demoDonggangUnits().length;
      expect(summary).toEqual({ created: total, unchanged: 0, total });
      expect(phases).toEqual(expect.arrayContaining(['received', 'validated', 'registered', 'obligations', 'done']));

      const communities = await h.db.prisma.unit.findMany({
        where: { level: 'community', code: { startsWith: 'demo-' } },
      });
      expect(communities).toHaveLength(21);
      const bihai = communities.find((c) => c.name === '碧海社区')!;
      const wf = await env.client.workflow.getHandle(`meeting-cadence:${bihai.id}`).describe();
      expect(wf.status.name).toBe('RUNNING');

      await expect(postImport(url, fs.readFileSync(DEMO_CSV_PATH), 'text/csv', undefined, auth)).resolves.toEqual({
        created: 0,
        unchanged: total,
        total,
      });
      await expect(postImport(url, Buffer.from('code\nx\n'), 'text/csv', undefined, auth)).rejects.toMatchObject({
        rows: expect.arrayContaining([expect.objectContaining({ row: 1, column: 'name' })]),
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a GBK CSV through the API (charset named or detected) and through npm run import gives the units of the UTF-8 file', async () => {
    const s = slug();
    const rows = [
      ZH_HEADER,
      [`${s}-sh`, '东港市', '市', '', '王书记', `${s}-sh@example.org`],
      [`${s}-jd`, '新兴街道', '街道', `${s}-sh`, '周书记', `${s}-jd@example.org`],
      [`${s}-sq`, '碧海社区', '社区', `${s}-jd`, '李书记', `${s}-sq@example.org`],
      [`${s}-xq`, '海鸥花园', '小区', `${s}-sq`, '赵书记（示例）', `${s}-xq@example.org`],
    ];
    const text = rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
    const gbk = iconv.encode(text, 'gbk');
    const created = await h.admin.post('/api/units/import').set('Content-Type', 'text/csv').send(Buffer.from(text));
    expect(created.body).toEqual({ created: 4, unchanged: 0, total: 4 });
    const units = await h.db.prisma.unit.findMany({ where: { code: { startsWith: s } }, orderBy: { code: 'asc' } });
    expect(units.map((u) => u.name)).toEqual(['新兴街道', '东港市', '碧海社区', '海鸥花园']);

    // The same units: every row "unchanged" (a row that differed would be a unit_code_taken problem).
    for (const type of ['text/csv', 'text/csv; charset=gbk', 'text/csv; charset=GB18030']) {
      const res = await h.admin.post('/api/units/import').set('Content-Type', type).send(gbk);
      expect({ type, body: res.body as unknown }).toEqual({ type, body: { created: 0, unchanged: 4, total: 4 } });
    }

    // The command line: the file as Excel saves it, the encoding detected and named in Content-Type.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbk-import-'));
    const file = path.join(dir, '单位.csv');
    fs.writeFileSync(file, gbk);
    expect(uploadFor(file, gbk)).toEqual({
      contentType: 'text/csv; charset=gb18030',
      encoding: expect.stringMatching(/^gb18030/),
    });
    expect(uploadFor(file, gbk, 'gbk').contentType).toBe('text/csv; charset=gbk');
    expect(() => uploadFor(file, gbk, 'klingon')).toThrow(/Unknown encoding/);
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const lines: string[] = [];
      const sink = { write: (t: string) => lines.push(t), isTTY: false } as unknown as NodeJS.WriteStream;
      const auth = await authHeaderFor(h.db.prisma, 'admin');
      await expect(importFile({ file, api: url, auth, err: sink, out: sink })).resolves.toEqual({
        created: 0,
        unchanged: 4,
        total: 4,
      });
      expect(lines.join('')).toContain(`编码 encoding gb18030 (检测 detected) → ${url}/api/units/import`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const after = await h.db.prisma.unit.findMany({ where: { code: { startsWith: s } }, orderBy: { code: 'asc' } });
    expect(after).toEqual(units);
  });

  test('serving employers and members as Excel saves them (GBK CSV) through npm run import --employers / --members', async () => {
    const s = slug();
    const unit = await h.admin
      .post('/api/units')
      .send({
        code: `${s}-sq`,
        name: '碧海社区',
        level: 'community',
        convenerName: '李书记',
        convenerEmail: `${s}@example.org`,
      })
      .expect(201);
    const idNumber = (body17: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const sum = w.reduce((acc, x, i) => acc + x * Number(body17[i]), 0);
      return body17 + '10X98765432'[sum % 11]!;
    };
    const phone = `139${String(Date.now()).slice(-8)}`;
    const employers = [
      ['单位编码', '单位名称', '党组织名称', '联系人', '联系邮箱', '联系电话', '所在社区'],
      [`${s}-tax`, '东港市税务局', '东港市税务局机关党支部', '刘主任', `${s}-tax@example.org`, '', `${s}-sq`],
    ];
    const members = [
      ['姓名', '手机号', '身份证号', '邮箱', '所在社区', '工作单位', '特长', '服务岗位', '报到日期'],
      [
        '王明（示例）',
        phone,
        idNumber('99000019800101123'),
        '',
        `${s}-sq`,
        `${s}-tax`,
        '法律咨询、医疗',
        '政策宣传岗',
        '2026/3/15',
      ],
    ];
    const gbkFile = (name: string, rows: string[][]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
      return file;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbk-serving-'));
    const server = http.createServer(h.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const lines: string[] = [];
      const sink = { write: (t: string) => lines.push(t), isTTY: false } as unknown as NodeJS.WriteStream;
      const auth = await authHeaderFor(h.db.prisma, 'admin');
      const run = (file: string, serving: 'employers' | 'members') =>
        importFile({ file, api: url, auth, serving, err: sink, out: sink });
      await expect(run(gbkFile('报到单位.csv', employers), 'employers')).resolves.toEqual({
        dryRun: false,
        created: 1,
        unchanged: 0,
        total: 1,
      });
      const memberFile = gbkFile('在职党员.csv', members);
      await expect(run(memberFile, 'members')).resolves.toEqual({ dryRun: false, created: 1, unchanged: 0, total: 1 });
      // The same file again: nothing new (the phone and the ID number's hash recognise the member).
      await expect(run(memberFile, 'members')).resolves.toEqual({ dryRun: false, created: 0, unchanged: 1, total: 1 });
      const text = lines.join('');
      expect(text).toContain(`编码 encoding gb18030 (检测 detected) → ${url}/api/serving/import/members`);
      expect(text).toContain('导入完成：共 1 名在职党员，新建 1，未变 0；参与义务均已启动。');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const member = await h.db.prisma.servingMember.findFirstOrThrow({ where: { communityId: unit.body.id } });
    expect(member).toMatchObject({
      name: '王明（示例）',
      phone,
      idNumberLast4: idNumber('99000019800101123').slice(-4),
    });
    expect(member.skills).toEqual(['法律咨询', '医疗']);
    expect(member.posts).toEqual(['policy_promotion']);
    expect(JSON.stringify(member)).not.toContain('99000019800101123');
  });
});
