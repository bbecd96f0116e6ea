/**
 * Reading the third entry's registrations from a spreadsheet — CSV (UTF-8, or GBK as a Chinese
 * Excel saves it) or XLSX, read and checked like the unit file (domain/org-import.ts). Two files:
 * the employers (单位报到) and the members (个人报到); employers first, since a member names their
 * employer by its code. Pure apart from the parsing libraries: no database, no network.
 *
 * Employers:
 *
 * | field        | Chinese header (others accepted)        | English        | required |
 * | ------------ | --------------------------------------- | -------------- | -------- |
 * | code         | 单位编码 (编码)                          | `code`         | yes      |
 * | name         | 单位名称 (名称)                          | `name`         | yes      |
 * | partyOrgName | 党组织名称 (党组织)                      | `partyOrgName` | yes      |
 * | contactName  | 联系人 (联系人姓名)                      | `contactName`  | yes      |
 * | contactEmail | 联系邮箱 (联系人邮箱, 邮箱)              | `contactEmail` | yes      |
 * | contactPhone | 联系电话 (电话)                          | `contactPhone` | no       |
 * | community    | 所在社区 (社区编码, 所在社区(社区编码))   | `community`    | no: the community's code |
 *
 * Members:
 *
 * | field        | Chinese header (others accepted)                 | English        | required |
 * | ------------ | ------------------------------------------------ | -------------- | -------- |
 * | name         | 姓名                                              | `name`         | yes      |
 * | phone        | 手机号 (手机, 手机号码, 联系电话)                  | `phone`        | yes: 11-digit mobile |
 * | idNumber     | 身份证号 (身份证号码)                             | `idNumber`     | no: 18 characters, check character verified |
 * | email        | 邮箱 (电子邮箱)                                   | `email`        | no       |
 * | community    | 所在社区 (所在社区(社区编码), 社区编码)            | `community`    | yes: the home community's code |
 * | employer     | 工作单位 (工作单位(单位编码), 单位编码)            | `employer`     | yes: a registered employer's code |
 * | skills       | 特长                                              | `skills`       | no: words separated by 、 , ， ; ； or / |
 * | posts        | 服务岗位                                          | `posts`        | no: 政策宣传岗、邻里互助岗… (the 岗 may be left out) |
 * | registeredOn | 报到日期                                          | `registeredOn` | no: YYYY-MM-DD or 2026/5/20 (default: today), not in the future |
 *
 * Problems are reported by spreadsheet row (the header is row 1) and column, all of them at once.
 */
import {
  bilingual,
  CODE_HINT_ZH,
  type ImportFormat,
  LOCALE_HINT_ZH,
  localeValue,
  type ParsedSheet,
  parseSheet,
  type RowProblem,
  type SheetSpec,
} from './org-import';
import type { z } from 'zod';
import { SERVICE_POST_LABELS, SERVICE_POSTS, type ServicePost } from './serving';

export const EMPLOYER_FIELDS = [
  'code',
  'name',
  'partyOrgName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'community',
  'locale',
] as const;
export type EmployerField = (typeof EMPLOYER_FIELDS)[number];

export const MEMBER_FIELDS = [
  'name',
  'phone',
  'idNumber',
  'email',
  'community',
  'employer',
  'skills',
  'posts',
  'registeredOn',
  'locale',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** The employer file's columns. */
export const EMPLOYER_SHEET: SheetSpec<EmployerField> = {
  fields: EMPLOYER_FIELDS,
  required: ['code', 'name', 'partyOrgName', 'contactName', 'contactEmail'],
  headers: {
    code: ['code', '单位编码', '编码'],
    name: ['name', '单位名称', '名称'],
    partyOrgName: ['partyOrgName', '党组织名称', '党组织'],
    contactName: ['contactName', '联系人', '联系人姓名'],
    contactEmail: ['contactEmail', '联系邮箱', '联系人邮箱', '邮箱'],
    contactPhone: ['contactPhone', '联系电话', '电话'],
    community: ['community', '所在社区', '社区编码', '所在社区(社区编码)', 'communityCode'],
    locale: ['locale', '语言'],
  },
  hintsZh: {
    code: CODE_HINT_ZH,
    name: '单位名称须为 1–200 个字符',
    partyOrgName: '党组织名称须为 1–200 个字符',
    contactName: '联系人姓名须为 1–100 个字符',
    contactEmail: '联系邮箱格式不正确',
    contactPhone: '联系电话格式不正确',
    community: '所在社区须填社区编码（2–63 位小写字母、数字或连字符），不是名称',
    locale: LOCALE_HINT_ZH,
  },
  values: { locale: localeValue },
  headerExample: { zh: '单位编码、单位名称、党组织名称、联系人、联系邮箱', en: 'code, name, partyOrgName, …' },
};

/** The member file's columns. */
export const MEMBER_SHEET: SheetSpec<MemberField> = {
  fields: MEMBER_FIELDS,
  required: ['name', 'phone', 'community', 'employer'],
  headers: {
    name: ['name', '姓名'],
    phone: ['phone', '手机号', '手机', '手机号码', '联系电话'],
    idNumber: ['idNumber', '身份证号', '身份证号码', '公民身份号码'],
    email: ['email', '邮箱', '电子邮箱'],
    community: ['community', '所在社区', '所在社区(社区编码)', '社区编码', 'communityCode'],
    employer: ['employer', '工作单位', '工作单位(单位编码)', '单位编码', 'employerCode'],
    skills: ['skills', '特长'],
    posts: ['posts', '服务岗位', '岗位'],
    registeredOn: ['registeredOn', '报到日期'],
    locale: ['locale', '语言'],
  },
  hintsZh: {
    name: '姓名须为 1–100 个字符',
    phone: '手机号须为 11 位手机号码',
    idNumber: '身份证号须为 18 位，且校验位正确（在 Excel 中请把此列设为“文本”，否则长数字会被改写）',
    email: '邮箱格式不正确',
    community: '所在社区须填社区编码（2–63 位小写字母、数字或连字符），不是名称',
    employer: '工作单位须填已报到单位的单位编码',
    skills: '特长每项不超过 50 个字符，至多 20 项',
    posts: `服务岗位须为 ${SERVICE_POSTS.map((p) => SERVICE_POST_LABELS[p].zh).join('、')} 之一，多项以顿号分隔`,
    registeredOn: '报到日期格式应为 YYYY-MM-DD，且不晚于今天',
    locale: LOCALE_HINT_ZH,
  },
  values: { locale: localeValue, registeredOn: (v) => localDateValue(v) },
  headerExample: { zh: '姓名、手机号、所在社区、工作单位', en: 'name, phone, community, employer' },
};

/** One employer row, as the row schema gives it. */
export interface EmployerRow {
  code: string;
  name: string;
  partyOrgName: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  /** The community's code. */
  community?: string;
  locale?: 'zh-CN' | 'en';
}

/** One member row, as the row schema gives it (phone and ID number normalised). */
export interface MemberRow {
  name: string;
  phone: string;
  idNumber?: string;
  email?: string;
  /** The home community's code. */
  community: string;
  /** The employer's code. */
  employer: string;
  skills: string[];
  posts: ServicePost[];
  registeredOn?: string;
  locale?: 'zh-CN' | 'en';
}

/** A day as spreadsheets write it — 2026-05-20, 2026/5/20, 2026.5.20, 2026年5月20日 — as YYYY-MM-DD; anything else unchanged. */
export function localDateValue(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
}

/** A list in one cell: 法律咨询、医疗 / a, b; c → its items, trimmed, empty ones dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、,，;；/\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const POST_ALIASES: Record<string, ServicePost> = Object.fromEntries(
  SERVICE_POSTS.flatMap((p) => {
    const zh = SERVICE_POST_LABELS[p].zh;
    return [
      [p, p],
      [zh, p],
      [zh.replace(/岗$/, ''), p],
      [SERVICE_POST_LABELS[p].en.toLowerCase(), p],
    ];
  }),
);

/** A service post as written (政策宣传岗, 政策宣传, policy_promotion, Policy promotion), or null. */
export function servicePostOf(value: string): ServicePost | null {
  return POST_ALIASES[value.trim()] ?? POST_ALIASES[value.trim().toLowerCase()] ?? null;
}

export type ParsedEmployerFile = ParsedSheet<EmployerRow, EmployerField>;
export type ParsedMemberFile = ParsedSheet<MemberRow, MemberField>;

/** Read and check an employer file (file and header problems throw ImportRejected). */
export function parseEmployerFile(
  data: Uint8Array,
  format: ImportFormat,
  schema: z.ZodType<EmployerRow>,
  options: { charset?: string } = {},
): Promise<ParsedEmployerFile> {
  return parseSheet(data, format, EMPLOYER_SHEET, schema, options);
}

/** Read and check a member file (file and header problems throw ImportRejected). */
export function parseMemberFile(
  data: Uint8Array,
  format: ImportFormat,
  schema: z.ZodType<MemberRow>,
  options: { charset?: string } = {},
): Promise<ParsedMemberFile> {
  return parseSheet(data, format, MEMBER_SHEET, schema, options);
}

/** A problem at a row's column (the header as written, or the field's Chinese name). */
export function problemAt<F extends string>(
  parsed: { columns: Partial<Record<F, string>> },
  spec: SheetSpec<F>,
  row: number,
  field: F,
  zh: string,
  en: string,
): RowProblem {
  return { row, column: parsed.columns[field] ?? spec.headers[field][1] ?? field, message: bilingual(zh, en) };
}

/** Rows of the file repeating a key of an earlier row (an employer's code; a member's phone or ID number). */
export function repeatedInFile<T, F extends string>(
  parsed: ParsedSheet<T, F>,
  spec: SheetSpec<F>,
  keys: readonly { field: F; of: (r: T) => string | undefined; zh: string; en: string }[],
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const key of keys) {
    const first = new Map<string, number>();
    parsed.records.forEach((r, i) => {
      const value = key.of(r);
      if (value === undefined) return;
      const row = parsed.rows[i]!;
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, row);
      else
        problems.push(
          problemAt(
            parsed,
            spec,
            row,
            key.field,
            `${key.zh}与第 ${earlier} 行重复`,
            `${key.en} repeats row ${earlier}`,
          ),
        );
    });
  }
  return problems;
}
