/**
 * Issue 18, the parts without an API: the data folder's permissions, where the API listens, the
 * webhook allow-list as configuration, and an XLSX whose parts lie about their size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { importRowSchema } from '../api/routes/imports';
import { ConfigError, loadConfig } from '../infra/config';
import { secureDataDir } from '../infra/data-dir';
import { parseUnitFile } from '../domain/org-import';

describe('the data folder', () => {
  let dir: string;
  let umask: number;

  beforeEach(() => {
    umask = process.umask();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-dir-'));
  });

  afterEach(() => {
    process.umask(umask);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an existing folder left world-writable is made owner-only at start, with a log line', () => {
    const data = path.join(dir, 'data');
    process.umask(0o022);
    fs.mkdirSync(path.join(data, 'pglite', 'base'), { recursive: true });
    fs.chmodSync(data, 0o777);
    fs.chmodSync(path.join(data, 'pglite'), 0o755);
    fs.writeFileSync(path.join(data, 'pglite', 'base', 'PG_VERSION'), '17');
    fs.chmodSync(path.join(data, 'pglite', 'base', 'PG_VERSION'), 0o666);
    fs.writeFileSync(path.join(data, 'temporal.sqlite'), '');
    fs.chmodSync(path.join(data, 'temporal.sqlite'), 0o644);
    const warnings: string[] = [];
    const changed = secureDataDir(data, { warn: (m) => warnings.push(m) });
    expect(changed).toBe(5); // the folder, pglite, pglite/base (0755 from the umask), the two files
    expect(warnings).toEqual([expect.stringContaining('Data folder permissions tightened: 5 files and folders')]);
    const mode = (p: string) => fs.statSync(path.join(data, p)).mode & 0o777;
    expect([
      mode(''),
      mode('pglite'),
      mode('pglite/base'),
      mode('pglite/base/PG_VERSION'),
      mode('temporal.sqlite'),
    ]).toEqual([0o700, 0o700, 0o700, 0o600, 0o600]);
  });

  test('a new folder is created 0700 and what the process writes into it afterwards is 0600', () => {
    const data = path.join(dir, 'fresh');
    process.umask(0o022);
    secureDataDir(data);
    fs.writeFileSync(path.join(data, 'mail-sink.jsonl'), '{}\n');
    fs.mkdirSync(path.join(data, 'pglite'));
    expect(fs.statSync(data).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(data, 'mail-sink.jsonl')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(data, 'pglite')).mode & 0o777).toBe(0o700);
  });
});

describe('configuration', () => {
  test('the API listens on loopback unless HOST says otherwise (validated)', () => {
    expect(loadConfig({}).http.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).http.host).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: 'every interface' })).toThrow(ConfigError);
    try {
      loadConfig({ HOST: 'every interface' });
    } catch (err) {
      expect((err as ConfigError).issues[0]!.variable).toBe('HOST');
    }
  });

  test('the webhook allow-list: the WeCom and DingTalk robots by default, host names only', () => {
    expect(loadConfig({}).webhook.allowedHosts).toEqual(['qyapi.weixin.qq.com', 'oapi.dingtalk.com']);
    expect(
      loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'robot.example.org, QYAPI.weixin.qq.com' }).webhook.allowedHosts,
    ).toEqual(['robot.example.org', 'qyapi.weixin.qq.com']);
    for (const bad of ['http://robot.example.org', '127.0.0.1', 'robot.example.org:8080', ',']) {
      let error: unknown;
      try {
        loadConfig({ WEBHOOK_ALLOWED_HOSTS: bad });
      } catch (err) {
        error = err;
      }
      expect([bad, (error as ConfigError | undefined)?.issues[0]?.variable]).toEqual([bad, 'WEBHOOK_ALLOWED_HOSTS']);
    }
  });
});

/** A one-part ZIP whose headers declare 100 bytes while the part inflates to `actual` bytes of zeros. */
async function lyingZip(actual: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < actual; written += block.length) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const body = Buffer.concat(chunks);
  const name = Buffer.from('xl/workbook.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(100, 22); // the lie
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(100, 24); // the lie
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralAt = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

test('an XLSX whose parts lie about their size is refused while inflating, at the limit', async () => {
  const data = await lyingZip(300 * 1024 * 1024); // over the 256 MB limit; declared: 100 bytes
  expect(data.length).toBeLessThan(2 * 1024 * 1024);
  const outcome = await parseUnitFile(data, 'xlsx', importRowSchema).then(
    () => 'parsed',
    (err: Error) => err.message,
  );
  expect(outcome).toMatch(/unpacks to too much data/);
});
