/**
 * `npm run import -- <file.csv|file.xlsx> [--pairings] [--encoding gbk] [--api http://localhost:3000]`
 *
 * Sends a unit list to the running API's import endpoint (POST /api/units/import), draws its
 * progress, then prints the summary — or, when the file is rejected, every problem by row and
 * column — and exits non-zero. With `--pairings` the file holds the entries' pairings (city
 * leaders and departments ↔ communities) and goes to POST /api/pairings/import instead. The API
 * defaults to PUBLIC_URL, else http://localhost:$PORT. A CSV's encoding (UTF-8 with or without
 * BOM, GBK/GB18030 as a Chinese Excel saves "CSV") is detected, or given with --encoding, and
 * sent as the Content-Type's charset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RowProblem } from '../domain/org-import';
import { detectEncoding, knownEncoding } from '../domain/text-encoding';
import { displayWidth } from '../domain/text-width';
import { loadConfig } from '../infra/config';
import type { ImportProgress, ImportSummary } from '../services/org-import';
import type { PairingImportSummary } from '../services/pairings';
import type { ServingImportSummary } from '../services/serving-import';

// Kept here rather than imported from the route, so the CLI does not load the server's modules.
const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The import did not go through: the API's message and, for a rejected file, its problems. */
export class ImportFailed extends Error {
  constructor(
    message: string,
    readonly rows: RowProblem[] = [],
  ) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export function contentTypeFor(file: string): string {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new ImportFailed(`只支持 .csv 和 .xlsx 文件 / Only .csv and .xlsx files can be imported: ${file}`);
  return type;
}

/** What goes over the wire for a file: its Content-Type (a CSV's charset named) and, for CSV, the encoding and how it was chosen. */
export interface Upload {
  contentType: string;
  /** CSV only: e.g. "gb18030 (检测 detected)". */
  encoding?: string;
}

const HOW: Record<string, string> = {
  named: '指定 given',
  bom: 'BOM',
  'utf-8 valid': '检测 detected',
  detected: '检测 detected',
  assumed: '推定 assumed: 中文 Excel 的 CSV',
};

/**
 * The Content-Type for a file: XLSX as is; a CSV with `charset=` the encoding given (`--encoding`)
 * or detected from its bytes (UTF-8 with or without BOM, GBK/GB18030 as a Chinese Excel saves
 * "CSV"), so the API decodes it as meant. An encoding that is unknown or cannot be recognised → ImportFailed.
 */
export function uploadFor(file: string, data: Uint8Array, encoding?: string): Upload {
  const type = contentTypeFor(file);
  if (type !== 'text/csv') return { contentType: type };
  if (encoding !== undefined) {
    const named = knownEncoding(encoding);
    if (!named) throw new ImportFailed(`未知编码 / Unknown encoding: --encoding ${encoding}`);
    return { contentType: `text/csv; charset=${named}`, encoding: `${named} (${HOW.named})` };
  }
  const found = detectEncoding(data);
  if (!found) {
    throw new ImportFailed(
      "无法识别文件编码：请用 --encoding 指定（如 gbk、utf-8） / The file's encoding could not be recognised: name it with --encoding (e.g. gbk, utf-8)",
    );
  }
  return { contentType: `text/csv; charset=${found.encoding}`, encoding: `${found.encoding} (${HOW[found.how]})` };
}

/** POST a file to the import endpoint, passing each progress line on; resolves with the summary. */
export async function postImport(
  apiUrl: string,
  body: Uint8Array,
  contentType: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
  auth: Record<string, string> = {},
): Promise<ImportSummary> {
  const res = await send(new URL('/api/units/import', apiUrl), body, {
    ...auth,
    'Content-Type': contentType,
    Accept: 'application/x-ndjson',
  });
  // Refused before processing (413, 415, …): one JSON error.
  if (!(res.headers.get('content-type') ?? '').includes('application/x-ndjson')) throw await failureOf(res);

  let outcome: ImportProgress | undefined;
  let buffered = '';
  const decoder = new TextDecoder();
  const handle = (line: string) => {
    if (!line.trim()) return;
    const p = JSON.parse(line) as ImportProgress;
    outcome = p;
    onProgress(p);
  };
  const stream = (res.body ?? []) as AsyncIterable<Uint8Array>;
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      handle(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
    }
  }
  handle(buffered + decoder.decode());

  switch (outcome?.phase) {
    case 'done':
      return { created: outcome.created, unchanged: outcome.unchanged, total: outcome.total };
    case 'rejected':
      throw new ImportFailed(outcome.error.message, outcome.rows);
    case 'error':
      throw new ImportFailed(outcome.error.message);
    default:
      throw new ImportFailed('导入中断：API 未给出结果 / The import was cut off: the API sent no outcome');
  }
}

/** POST a pairing file to its import endpoint (one JSON answer); resolves with the summary. */
export async function postPairingImport(
  apiUrl: string,
  body: Uint8Array,
  contentType: string,
  auth: Record<string, string> = {},
): Promise<PairingImportSummary> {
  return postJsonImport<PairingImportSummary>(new URL('/api/pairings/import', apiUrl), body, contentType, auth);
}

/** POST a file to an import endpoint that answers one JSON summary (pairings, serving employers or members). */
async function postJsonImport<T>(
  url: URL,
  body: Uint8Array,
  contentType: string,
  auth: Record<string, string>,
): Promise<T> {
  const res = await send(url, body, { ...auth, 'Content-Type': contentType, Accept: 'application/json' });
  if (!res.ok) throw await failureOf(res);
  return (await res.json()) as T;
}

async function send(url: URL, body: Uint8Array, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', headers, body });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new ImportFailed(
      `无法连接 API ${url.origin}（请先运行 npm start，或用 --api 指定地址） / Cannot reach the API at ${url.origin} (start it with npm start, or pass --api): ${cause}`,
    );
  }
}

/** An error answer (one JSON error, with the rows of a rejected file) as an ImportFailed. */
async function failureOf(res: Response): Promise<ImportFailed> {
  const text = await res.text();
  let body: { error?: { message?: string }; rows?: RowProblem[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: report the status
  }
  return new ImportFailed(`HTTP ${res.status}: ${body.error?.message ?? text.slice(0, 500)}`, body.rows ?? []);
}

// --- terminal output -------------------------------------------------------------------

export { displayWidth };

const sizeOf = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** The problems as a table: row, column, problem. */
export function problemTable(rows: RowProblem[]): string {
  const head = ['行 Row', '列 Column', '问题 Problem'] as const;
  const w0 = Math.max(displayWidth(head[0]), ...rows.map((r) => String(r.row).length));
  const w1 = Math.min(30, Math.max(displayWidth(head[1]), ...rows.map((r) => displayWidth(r.column))));
  const line = (a: string, b: string, c: string) => `  ${pad(a, w0)}  ${pad(b, w1)}  ${c}`;
  return [
    line(...head),
    line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(20)),
    ...rows.map((r) => line(String(r.row), r.column, r.message)),
  ].join('\n');
}

/**
 * Draws the progress on a terminal: a bar redrawn in place with \r while obligations start;
 * on anything else (a pipe, CI) one line per phase and per quarter of the way.
 */
export function progressPrinter(out: NodeJS.WriteStream = process.stderr): (p: ImportProgress) => void {
  const tty = out.isTTY;
  let barShown = false;
  let lastQuarter = -1;
  let registering = false;
  const say = (text: string) => {
    if (barShown) out.write('\n');
    barShown = false;
    out.write(text + '\n');
  };
  return (p) => {
    switch (p.phase) {
      case 'received':
        return say(`已上传 ${sizeOf(p.bytes)}，正在检查… / Uploaded ${sizeOf(p.bytes)}, checking…`);
      case 'validated':
        return say(`检查通过：${p.total} 行 / All ${p.total} rows are valid`);
      case 'registering': // repeated while the transaction lasts
        if (!registering)
          say('正在登记（一个事务，全部成功或全部不写）… / Registering (one transaction, all or nothing)…');
        registering = true;
        return;
      case 'registered':
        return say(
          `已登记：新建 ${p.created}，未变 ${p.unchanged} / Registered: ${p.created} new, ${p.unchanged} unchanged`,
        );
      case 'obligations': {
        const ratio = p.total ? p.done / p.total : 1;
        if (tty) {
          const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 60));
          const filled = Math.round(ratio * width);
          const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
          out.write(
            `\r启动会议义务 Starting obligations [${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${p.done}/${p.total}`,
          );
          barShown = true;
        } else {
          const quarter = Math.floor(ratio * 4);
          if (quarter !== lastQuarter) {
            lastQuarter = quarter;
            say(`启动会议义务 Starting obligations: ${p.done}/${p.total}`);
          }
        }
        return;
      }
      default:
        if (barShown) out.write('\n');
        barShown = false;
    }
  };
}

export function printSummary(s: ImportSummary, out: NodeJS.WriteStream = process.stdout): void {
  out.write(
    `导入完成：共 ${s.total} 个单位，新建 ${s.created}，未变 ${s.unchanged}；会议义务均已启动。\n` +
      `Import done: ${s.total} units, ${s.created} new, ${s.unchanged} unchanged; all meeting obligations running.\n`,
  );
}

export function printPairingSummary(s: PairingImportSummary, out: NodeJS.WriteStream = process.stdout): void {
  const { created: c, total: t } = s;
  out.write(
    `导入完成：领导 ${t.leaders}（新建 ${c.leaders}），部门 ${t.departments}（新建 ${c.departments}），结对 ${t.pairings}（新建 ${c.pairings}）；走访义务均已启动。\n` +
      `Import done: ${t.leaders} leaders (${c.leaders} new), ${t.departments} departments (${c.departments} new), ${t.pairings} pairings (${c.pairings} new); all visit obligations running.\n`,
  );
}

export function printServingSummary(
  kind: 'employers' | 'members',
  s: ServingImportSummary,
  out: NodeJS.WriteStream = process.stdout,
): void {
  const [zh, en] = kind === 'employers' ? ['个报到单位', 'employers'] : ['名在职党员', 'members'];
  const started =
    kind === 'members' ? ['；参与义务均已启动', '; their participation obligations are running'] : ['', ''];
  out.write(
    `导入完成：共 ${s.total} ${zh}，新建 ${s.created}，未变 ${s.unchanged}${started[0]}。\n` +
      `Import done: ${s.total} ${en}, ${s.created} new, ${s.unchanged} unchanged${started[1]}.\n`,
  );
}

export function printFailure(err: unknown, out: NodeJS.WriteStream = process.stderr): void {
  out.write(`\n${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof ImportFailed && err.rows.length) out.write(problemTable(err.rows) + '\n');
}

/**
 * How the command-line clients authenticate: --api-key, else API_KEY, else (embedded, on the
 * machine that runs npm start) the generated admin's password from DATA_DIR/admin-password.txt.
 */
export async function cliAuth(apiUrl: string, apiKey: string | undefined): Promise<Record<string, string>> {
  const config = loadConfig();
  const key = apiKey ?? config.auth.cliApiKey;
  if (key) return { 'X-API-Key': key };
  const file = path.join(config.dataDir, 'admin-password.txt');
  if (!fs.existsSync(file)) {
    throw new ImportFailed('需要 API 密钥：--api-key 或 API_KEY / An API key is needed: --api-key or API_KEY');
  }
  const [username, password] = fs.readFileSync(file, 'utf8').split('\n');
  const res = await fetch(new URL('/api/auth/login', apiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new ImportFailed(`登录失败 / Login failed (HTTP ${res.status}): use --api-key`);
  return { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** The API's base URL: --api, else the configured public URL. */
export function apiUrlFrom(flag: string | undefined): string {
  const url = flag ?? loadConfig().http.publicUrl;
  try {
    return new URL(url).toString();
  } catch {
    throw new ImportFailed(`--api 不是有效的网址 / --api is not a URL: ${url}`);
  }
}

const USAGE = `用法 Usage: npm run import -- <file.csv|file.xlsx> [--pairings | --employers | --members] [--encoding gbk|utf-8|…] [--api URL] [--api-key KEY]

--api: 默认 PUBLIC_URL，否则 http://localhost:$PORT / default PUBLIC_URL, else http://localhost:$PORT
--encoding: CSV 的编码，默认自动识别（UTF-8 含或不含 BOM、GBK/GB18030）/ the CSV's encoding, detected by default

列 Columns (header row, English or Chinese):
  code 编码 · name 名称 · level 层级 (city 市/street 街道/community 社区/compound 小区/building 楼栋)
  parentCode 上级编码 · convenerName 召集人 · convenerEmail 召集人邮箱 · convenerPhone 召集人电话
  locale 语言 (zh-CN/en) · webhookUrl 通知网址

--pairings: 三进结对 / the entries' pairings, one leader or department per row:
  type 类型 (leader 领导/department 部门) · code 编码 · name 姓名/名称 · community 社区编码
  leader: email 邮箱 · title 职务 · phone 电话 · secretaryName 联络员 · secretaryEmail 联络员邮箱
  department: contactName 联系人 · contactEmail 联系人邮箱 (one row per paired community)

--employers: 在职党员报到单位 / serving members' employers (import them before their members):
  单位编码 · 单位名称 · 党组织名称 · 联系人 · 联系邮箱 · 联系电话 · 所在社区 (community code, optional)
--members: 在职党员 / serving Party members, one per row:
  姓名 · 手机号 · 身份证号 · 邮箱 · 所在社区 (community code) · 工作单位 (employer code)
  特长 (、-separated) · 服务岗位 (、-separated) · 报到日期
`;

export interface ImportOptions {
  file: string;
  api: string;
  auth: Record<string, string>;
  pairings?: boolean;
  /** The third entry's files: employers or members (POST /api/serving/import/…). */
  serving?: 'employers' | 'members';
  /** A CSV's encoding; undefined → detected. */
  encoding?: string;
  /** Where the lines for people go (the progress and what is sent where). */
  err?: NodeJS.WriteStream;
  out?: NodeJS.WriteStream;
}

/** `npm run import`'s work: read the file, name its encoding, send it, print the outcome. */
export async function importFile(
  o: ImportOptions,
): Promise<ImportSummary | PairingImportSummary | ServingImportSummary> {
  const err = o.err ?? process.stderr;
  const file = path.resolve(o.file);
  contentTypeFor(file);
  if (!fs.existsSync(file)) throw new ImportFailed(`找不到文件 / No such file: ${file}`);
  const data = fs.readFileSync(file);
  const upload = uploadFor(file, data, o.encoding);
  const target = new URL(
    o.serving ? `/api/serving/import/${o.serving}` : o.pairings ? '/api/pairings/import' : '/api/units/import',
    o.api,
  );
  err.write(
    `导入 Importing ${path.basename(file)}${upload.encoding ? `，编码 encoding ${upload.encoding}` : ''} → ${target.href}\n`,
  );
  if (o.serving) {
    const summary = await postJsonImport<ServingImportSummary>(target, data, upload.contentType, o.auth);
    printServingSummary(o.serving, summary, o.out);
    return summary;
  }
  if (o.pairings) {
    const summary = await postPairingImport(o.api, data, upload.contentType, o.auth);
    printPairingSummary(summary, o.out);
    return summary;
  }
  const summary = await postImport(o.api, data, upload.contentType, progressPrinter(err), o.auth);
  printSummary(summary, o.out);
  return summary;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      api: { type: 'string' },
      'api-key': { type: 'string' },
      encoding: { type: 'string' },
      pairings: { type: 'boolean' },
      employers: { type: 'boolean' },
      members: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const kinds = [values.pairings, values.employers, values.members].filter(Boolean).length;
  if (values.help || positionals.length !== 1 || kinds > 1) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  contentTypeFor(positionals[0]!);
  const apiUrl = apiUrlFrom(values.api);
  const auth = await cliAuth(apiUrl, values['api-key']);
  await importFile({
    file: positionals[0]!,
    api: apiUrl,
    auth,
    pairings: values.pairings,
    serving: values.employers ? 'employers' : values.members ? 'members' : undefined,
    encoding: values.encoding,
  });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      printFailure(err);
      process.exit(1);
    },
  );
}
