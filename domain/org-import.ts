/**
 * Reading a list of units (the organisation tree) from a spreadsheet — CSV or XLSX — and
 * checking every row. Pure apart from the parsing libraries: no database, no network.
 *
 * The file has one header row, then one unit per row. Headers may be English or Chinese;
 * case, spaces, `_` and `-` are ignored, full-width characters count as half-width:
 *
 * | field           | English header  | Chinese headers          | required | values                                   |
 * | --------------- | --------------- | ------------------------ | -------- | ---------------------------------------- |
 * | code            | `code`          | 编码, 单位编码, 代码     | yes      | lowercase letters, digits, `-`; 2–63     |
 * | name            | `name`          | 名称, 单位名称           | yes      |                                          |
 * | level           | `level`         | 层级, 级别               | yes      | city/street/community/compound/building, |
 * |                 |                 |                          |          | or 市/街道/社区/小区(居民小区)/楼栋      |
 * | parentCode      | `parentCode`    | 上级编码, 上级单位编码   | no ¹     | the parent's code, anywhere in the file  |
 * | convenerName    | `convenerName`  | 召集人, 召集人姓名       | yes      |                                          |
 * | convenerEmail   | `convenerEmail` | 召集人邮箱, 邮箱         | yes      |                                          |
 * | convenerPhone   | `convenerPhone` | 召集人电话, 电话         | no       |                                          |
 * | locale          | `locale`        | 语言                     | no       | zh-CN (default; also zh, 中文) or en (英文) |
 * | webhookUrl      | `webhookUrl`    | 通知网址, Webhook地址    | no       | http(s) URL                              |
 *
 * ¹ A street, compound and building need one; a city has none; a community may stand alone.
 *
 * Problems are reported by spreadsheet row (1-based, the header is row 1, so the first data
 * row is 2) and by column (the header as written in the file), all of them at once. Blank
 * rows are skipped. CSV may be UTF-8 (with or without a BOM) or GBK/GB18030 (a Chinese Excel's
 * plain "CSV"), detected unless a charset is named (domain/text-encoding.ts); of an XLSX only
 * the first sheet is read.
 *
 * The reading and checking serve other file types too (domain/pairing-import.ts): each describes
 * its columns as a `SheetSpec` — fields, header aliases, required columns, value aliases — and
 * `parseSheet` reads the file and checks every row against it and a zod schema.
 */
import zlib from 'node:zlib';
import { CsvError, parse as parseCsvText } from 'csv-parse/sync';
import { type CellValue, Workbook } from 'exceljs';
import type { z } from 'zod';
import { decodeText, EncodingError } from './text-encoding';
import type { UnitLevel } from './org';

export type ImportFormat = 'csv' | 'xlsx';

/** Largest file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows in one file. */
export const MAX_IMPORT_ROWS = 50_000;
/** Most columns in the header row. */
export const MAX_IMPORT_COLUMNS = 100;
/** Most bytes an XLSX may unpack to (its parts as the archive declares them). */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;

export const IMPORT_FIELDS = [
  'code',
  'name',
  'level',
  'parentCode',
  'convenerName',
  'convenerEmail',
  'convenerPhone',
  'locale',
  'webhookUrl',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ['code', 'name', 'level', 'convenerName', 'convenerEmail'];

/** Accepted headers per field; the first Chinese one is the field's Chinese name. */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  code: ['code', '编码', '单位编码', '代码'],
  name: ['name', '名称', '单位名称'],
  level: ['level', '层级', '级别'],
  parentCode: ['parentCode', '上级编码', '上级单位编码'],
  convenerName: ['convenerName', '召集人', '召集人姓名'],
  convenerEmail: ['convenerEmail', '召集人邮箱', '邮箱'],
  convenerPhone: ['convenerPhone', '召集人电话', '电话'],
  locale: ['locale', '语言'],
  webhookUrl: ['webhookUrl', '通知网址', 'Webhook地址'],
};

/** Each level's Chinese name, as written in spreadsheets. */
export const LEVEL_NAMES_ZH: Record<UnitLevel, string> = {
  city: '市',
  street: '街道',
  community: '社区',
  compound: '小区',
  building: '楼栋',
};

/** Level values accepted in Chinese. */
export const LEVEL_ALIASES: Record<string, UnitLevel> = {
  ...Object.fromEntries(Object.entries(LEVEL_NAMES_ZH).map(([level, zh]) => [zh, level as UnitLevel])),
  居民小区: 'compound',
};

const LOCALE_ALIASES: Record<string, 'zh-CN' | 'en'> = {
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
  en: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
};

/** A locale as written in a spreadsheet (zh, 中文, EN, 英文…) → zh-CN or en; anything else unchanged. */
export const localeValue = (value: string): string => LOCALE_ALIASES[value.toLowerCase()] ?? value;

/** What the user is told (zh-CN) about a wrong locale. */
export const LOCALE_HINT_ZH = '语言须为 zh-CN 或 en';
/** The hint of a wrong code (of a unit, leader or department). */
export const CODE_HINT_ZH = '编码须为 2–63 位小写字母、数字或连字符，以字母或数字开头';

/** What the user is told about a field whose value is wrong (zh-CN; the English comes from the schema). */
const FIELD_HINT_ZH: Record<ImportField, string> = {
  code: CODE_HINT_ZH,
  name: '名称须为 1–200 个字符',
  level: '层级须为 市、街道、社区、小区 或 楼栋',
  parentCode: '上级编码须为 2–63 位小写字母、数字或连字符',
  convenerName: '召集人姓名须为 1–100 个字符',
  convenerEmail: '召集人邮箱格式不正确',
  convenerPhone: '召集人电话格式不正确',
  locale: LOCALE_HINT_ZH,
  webhookUrl: '通知网址须为 http:// 或 https:// 开头的网址',
};

/**
 * The columns of one kind of file: what `parseSheet` needs to find each field's column and to
 * tell the user what is wrong. Field names are what the row schema receives.
 */
export interface SheetSpec<F extends string> {
  /** Every field, in the order the "accepted columns" message lists them. */
  fields: readonly F[];
  /** Columns the header must have. */
  required: readonly F[];
  /** Accepted headers per field: the English one first, then the Chinese ones (the first is the field's Chinese name). */
  headers: Record<F, readonly string[]>;
  /** What the user is told (zh-CN) about a field whose value is wrong; the English comes from the schema. */
  hintsZh: Record<F, string>;
  /** Values written in other words (Chinese level names…), translated before the schema sees them. */
  values?: Partial<Record<F, (value: string) => string>>;
  /** The first few headers, for the message when row 1 is not a header: `编码、名称、层级` / `code, name, level`. */
  headerExample: { zh: string; en: string };
}

/** The unit file (the organisation tree). */
export const UNIT_SHEET: SheetSpec<ImportField> = {
  fields: IMPORT_FIELDS,
  required: REQUIRED_FIELDS,
  headers: HEADER_ALIASES,
  hintsZh: FIELD_HINT_ZH,
  values: { level: (v) => LEVEL_ALIASES[v] ?? v.toLowerCase(), locale: localeValue },
  headerExample: { zh: '编码、名称、层级', en: 'code, name, level' },
};

/** One problem, where a spreadsheet user would look for it. */
export interface RowProblem {
  /** 1-based spreadsheet row; the header is row 1. */
  row: number;
  /** The column's header as written in the file (or the field name when the column is missing). */
  column: string;
  /** zh-CN first, then English: "… / …". */
  message: string;
}

/** The file cannot be imported. `message` says why; `problems` lists each row's problems (may be empty). */
export class ImportRejected extends Error {
  constructor(
    message: string,
    readonly problems: RowProblem[] = [],
    /** When rows were at fault: the rows that were valid, so more checks can run on them. */
    readonly partial?: ParsedUnitFile<unknown> & { invalidCodes: Set<string> },
  ) {
    super(message);
    this.name = 'ImportRejected';
  }

  static ofProblems(problems: RowProblem[], partial?: ImportRejected['partial']): ImportRejected {
    const rows = new Set(problems.map((p) => p.row)).size;
    return new ImportRejected(
      bilingual(
        `导入被拒绝：${rows} 行共 ${problems.length} 处问题，未写入任何数据`,
        `Import rejected: ${problems.length} problem(s) in ${rows} row(s); nothing was written`,
      ),
      problems,
      partial,
    );
  }
}

export interface ParsedUnitFile<T> {
  /** The units in file order. */
  units: T[];
  /** `units[i]` is on spreadsheet row `rows[i]`. */
  rows: number[];
  /** The header of each field's column as written in the file. */
  columns: Partial<Record<ImportField, string>>;
}

export const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

/**
 * A file read and checked row by row: the rows that passed the schema, and the problems of the
 * others (file-level and header problems are thrown as ImportRejected instead).
 */
export interface ParsedSheet<T, F extends string> {
  /** The valid rows' records in file order. */
  records: T[];
  /** `records[i]` is on spreadsheet row `rows[i]`. */
  rows: number[];
  /** The header of each field's column as written in the file. */
  columns: Partial<Record<F, string>>;
  /** Every problem of the rows at fault (empty when every row passed). */
  problems: RowProblem[];
  /** The cells of each row at fault, by field (trimmed, values translated). */
  invalid: Partial<Record<F, string>>[];
}

/** Read a whole file and check every row against `spec` and `schema` (see parseUnitFile). */
export async function parseSheet<T, F extends string>(
  data: Uint8Array,
  format: ImportFormat,
  spec: SheetSpec<F>,
  schema: z.ZodType<T>,
  options: { charset?: string } = {},
): Promise<ParsedSheet<T, F>> {
  if (data.byteLength === 0) throw new ImportRejected(bilingual('文件为空', 'The file is empty'));
  if (data.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportRejected(
      bilingual(
        `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
        `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      ),
    );
  }
  const sheet = format === 'csv' ? readCsv(data, options.charset) : await readXlsx(data);
  return checkRows(sheet, spec, schema);
}

/**
 * Read and check a whole file. Throws ImportRejected with every problem found; otherwise every
 * row has passed `schema` (which receives the row's fields as trimmed strings, empty cells
 * omitted, Chinese level and locale values already translated).
 */
export async function parseUnitFile<T>(
  data: Uint8Array,
  format: ImportFormat,
  schema: z.ZodType<T>,
  options: { charset?: string } = {},
): Promise<ParsedUnitFile<T>> {
  const {
    records: units,
    rows,
    columns,
    problems,
    invalid,
  } = await parseSheet(data, format, UNIT_SHEET, schema, options);
  if (problems.length) {
    const invalidCodes = new Set(invalid.flatMap((cells) => (cells.code ? [cells.code] : [])));
    throw ImportRejected.ofProblems(problems, { units, rows, columns, invalidCodes });
  }
  return { units, rows, columns };
}

/** Map problems found later (e.g. by the registry: unit index in the batch + field) to rows and columns. */
export function problemsAtRows(
  parsed: Pick<ParsedUnitFile<unknown>, 'rows' | 'columns'>,
  problems: readonly { index: number; field: string; code?: string; message: string }[],
): RowProblem[] {
  return problems.map((p) => ({
    row: parsed.rows[p.index] ?? 0,
    column: isImportField(p.field) ? (parsed.columns[p.field] ?? p.field) : p.field,
    message: bilingual(registryHintZh(p.code, p.message), p.message),
  }));
}

function registryHintZh(code: string | undefined, message: string): string {
  switch (code) {
    case 'duplicate_in_batch':
      return '编码在文件中重复';
    case 'unit_code_taken':
      return '该编码已有单位，且其信息与文件不同（导入不修改已有单位）';
    case 'invalid_parent':
      if (/does not exist/.test(message)) return '上级单位不存在（既不在文件中，也未登记）';
      return /needs its parent/.test(message) ? '此层级必须填写上级编码' : '层级与上级单位不对应';
    default:
      return '无法登记';
  }
}

// --- reading ---------------------------------------------------------------------------

/** One spreadsheet row: its 1-based number and its cells as text (index 0 is column A). */
interface SheetRow {
  row: number;
  cells: string[];
}

const utf16Bom = (d: Uint8Array) => (d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff);
const isZip = (d: Uint8Array) => d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;
const isOleDocument = (d: Uint8Array) => d[0] === 0xd0 && d[1] === 0xcf && d[2] === 0x11 && d[3] === 0xe0;

function readCsv(data: Uint8Array, charset?: string): SheetRow[] {
  if (isZip(data) || isOleDocument(data)) {
    throw new ImportRejected(
      bilingual(
        '文件看起来是 Excel 工作簿而不是 CSV，请按 .xlsx 上传',
        'The file looks like an Excel workbook, not CSV: send it as .xlsx',
      ),
    );
  }
  if (utf16Bom(data)) {
    throw new ImportRejected(
      bilingual(
        '文件是 UTF-16 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
        'The file is UTF-16: in Excel, save it as "CSV UTF-8 (Comma delimited)"',
      ),
    );
  }
  let text: string;
  try {
    // Named charset as named; otherwise UTF-8 (BOM or not) or GBK/GB18030, detected.
    text = decodeText(data, charset).text;
  } catch (err) {
    if (!(err instanceof EncodingError)) throw err;
    const named = charset ?? 'UTF-8 / GB18030';
    throw new ImportRejected(
      bilingual(
        `无法识别文件编码（不是有效的 ${named}）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或注明编码（Content-Type 的 charset，npm run import -- --encoding gbk）`,
        `The file is not valid ${named}: in Excel, save it as "CSV UTF-8 (Comma delimited)", or name its encoding (charset in Content-Type, npm run import -- --encoding gbk)`,
      ),
    );
  }
  let records: string[][];
  try {
    records = parseCsvText(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const row = (typeof err.records === 'number' ? err.records : 0) + 1;
    const problem = {
      row,
      column: '',
      message: bilingual('CSV 格式错误（多为引号未配对）', `Malformed CSV (${err.code}: ${err.message})`),
    };
    throw new ImportRejected(bilingual(`第 ${row} 行 CSV 格式错误`, `Malformed CSV at row ${row}`), [problem]);
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

async function readXlsx(data: Uint8Array): Promise<SheetRow[]> {
  if (isOleDocument(data)) {
    throw new ImportRejected(
      bilingual(
        '不支持旧版 .xls 文件：请另存为 .xlsx 或 CSV UTF-8',
        'Old .xls files are not supported: save as .xlsx or CSV UTF-8',
      ),
    );
  }
  const unreadable = () => new ImportRejected(bilingual('无法读取 .xlsx 文件', 'The .xlsx file cannot be read'));
  if (!isZip(data)) throw unreadable();
  if (zipUnpackedSize(data) > MAX_XLSX_UNPACKED_BYTES) {
    throw new ImportRejected(
      bilingual(
        '工作簿解压后过大，请拆分为多个文件',
        'The workbook unpacks to too much data: split it into several files',
      ),
    );
  }
  // The sizes above are what the archive declares: it may lie. Inflate each part, counting, and
  // stop at the limit (nothing is kept) before exceljs unpacks it for real.
  if (!(await xlsxUnpacksWithin(data, MAX_XLSX_UNPACKED_BYTES))) {
    throw new ImportRejected(
      bilingual(
        '工作簿解压后过大，请拆分为多个文件',
        'The workbook unpacks to too much data: split it into several files',
      ),
    );
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data.slice().buffer); // a copy: exceljs wants a whole ArrayBuffer
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportRejected(bilingual('工作簿中没有工作表', 'The workbook has no sheet'));
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col <= MAX_IMPORT_COLUMNS + 1) cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** A cell's value as the user sees it. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text); // e.g. an email Excel turned into a link
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result);
  return '';
}

/**
 * The total unpacked size an XLSX (a zip archive) declares in its central directory; Infinity
 * when it cannot be read or uses zip64. A guard against huge workbooks before they are inflated.
 */
/** A ZIP's end-of-central-directory record: its offset (-1 when there is none) and a view of the data. */
function endOfCentralDirectory(data: Uint8Array): { view: DataView; eocd: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const floor = Math.max(0, data.byteLength - 22 - 0xffff);
  for (let i = data.byteLength - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return { view, eocd: i };
  }
  return { view, eocd: -1 };
}

/**
 * Whether a ZIP's parts really inflate to at most `limit` bytes in all: each part is inflated as
 * a stream, its output counted and dropped, and the inflation stops as soon as the count passes
 * the limit. An archive that cannot be walked answers false.
 */
export async function xlsxUnpacksWithin(data: Uint8Array, limit: number): Promise<boolean> {
  const { view, eocd } = endOfCentralDirectory(data);
  if (eocd < 0) return false;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let budget = limit;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.byteLength || view.getUint32(at, true) !== 0x02014b50) return false;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > data.byteLength || view.getUint32(local, true) !== 0x04034b50) return false;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const body = data.subarray(start, Math.min(data.byteLength, start + compressed));
    if (method === 0) budget -= body.byteLength;
    else if (method === 8) budget = await inflateCounting(body, budget);
    else return false;
    if (budget < 0) return false;
  }
  return true;
}

/** Inflate raw DEFLATE data, counting its output; stops once more than `budget` bytes came out. */
function inflateCounting(body: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let left = budget;
    let done = false;
    const finish = (value: number) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      left -= chunk.byteLength;
      if (left < 0) finish(left);
    });
    inflate.on('end', () => finish(left));
    inflate.on('error', () => finish(left)); // corrupt: exceljs will say it cannot be read
    inflate.end(body);
  });
}

function zipUnpackedSize(data: Uint8Array): number {
  const { view, eocd } = endOfCentralDirectory(data);
  if (eocd < 0) return Infinity;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return Infinity;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.byteLength || view.getUint32(at, true) !== 0x02014b50) return Infinity;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

const tooManyRows = () =>
  new ImportRejected(
    bilingual(
      `文件超过 ${MAX_IMPORT_ROWS} 行数据，请拆分为多个文件`,
      `The file has more than ${MAX_IMPORT_ROWS} data rows: split it`,
    ),
  );

// --- checking --------------------------------------------------------------------------

const normalizeHeader = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

const isImportField = (f: string): f is ImportField => (IMPORT_FIELDS as readonly string[]).includes(f);

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function checkRows<T, F extends string>(
  sheet: SheetRow[],
  spec: SheetSpec<F>,
  schema: z.ZodType<T>,
): ParsedSheet<T, F> {
  const header = sheet[0];
  if (!header || header.row !== 1 || header.cells.every((c) => c.trim() === '')) {
    throw new ImportRejected(
      bilingual(
        `第 1 行应为表头（${spec.headerExample.zh}……）`,
        `Row 1 must be the header row (${spec.headerExample.en}, …)`,
      ),
    );
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) {
    throw new ImportRejected(bilingual(`表头超过 ${MAX_IMPORT_COLUMNS} 列`, `More than ${MAX_IMPORT_COLUMNS} columns`));
  }

  // Header: which column holds which field.
  const headerToField = new Map<string, F>(
    spec.fields.flatMap((f) => spec.headers[f].map((alias) => [normalizeHeader(alias), f] as [string, F])),
  );
  const isField = (f: string): f is F => (spec.fields as readonly string[]).includes(f);
  const problems: RowProblem[] = [];
  const fieldAt = new Map<F, number>();
  const columns: Partial<Record<F, string>> = {};
  const headerText = header.cells.map((c) => c.trim());
  headerText.forEach((text, col) => {
    if (text === '') return;
    const field = headerToField.get(normalizeHeader(text));
    if (!field) {
      problems.push({
        row: 1,
        column: text,
        message: bilingual(
          `未知的列；可用的列：${spec.fields.map((f) => spec.headers[f][1]).join('、')}`,
          `Unknown column; accepted: ${spec.fields.join(', ')}`,
        ),
      });
    } else if (fieldAt.has(field)) {
      problems.push({
        row: 1,
        column: text,
        message: bilingual(`与“${columns[field]}”重复`, `Same field as column "${columns[field]}" (${field})`),
      });
    } else {
      fieldAt.set(field, col);
      columns[field] = text;
    }
  });
  for (const field of spec.required) {
    if (!fieldAt.has(field)) {
      problems.push({
        row: 1,
        column: field,
        message: bilingual(`缺少必需的列 ${field}（${spec.headers[field][1]}）`, `Required column ${field} is missing`),
      });
    }
  }
  if (problems.length) throw ImportRejected.ofProblems(problems);

  const data = sheet.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length === 0) throw new ImportRejected(bilingual('文件中没有数据行', 'The file has no data rows'));
  if (data.length > MAX_IMPORT_ROWS) throw tooManyRows();

  const records: T[] = [];
  const rows: number[] = [];
  const invalid: Partial<Record<F, string>>[] = [];
  for (const { row, cells } of data) {
    cells.forEach((cell, col) => {
      if (col >= headerText.length || headerText[col] === '') {
        if (cell.trim() !== '') {
          problems.push({
            row,
            column: columnLetter(col),
            message: bilingual('此列没有表头', 'A value in a column without a header'),
          });
        }
      }
    });
    const input: Partial<Record<F, string>> = {};
    for (const [field, col] of fieldAt) {
      const value = cells[col]?.trim() ?? '';
      if (value !== '') input[field] = spec.values?.[field]?.(value) ?? value;
    }

    const result = schema.safeParse(input);
    if (result.success) {
      records.push(result.data);
      rows.push(row);
      continue;
    }
    invalid.push(input);
    const reported = new Set<string>();
    const columnOf = (key: string) => (isField(key) ? columns[key] : undefined) ?? key;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        // A strict schema: a cell this kind of row leaves empty.
        for (const key of issue.keys) {
          problems.push({ row, column: columnOf(key), message: bilingual('此类行不填写此列', issue.message) });
        }
        continue;
      }
      const key = String(issue.path[0] ?? '');
      if (reported.has(key)) continue;
      reported.add(key);
      const field = isField(key) ? key : undefined;
      const missing = field !== undefined && input[field] === undefined;
      problems.push({
        row,
        column: columnOf(key),
        message: missing
          ? bilingual('必填', 'Required')
          : bilingual(field ? spec.hintsZh[field] : '数据有误', issue.message),
      });
    }
  }
  return { records, rows, columns, problems, invalid };
}
