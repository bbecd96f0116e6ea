/**
 * Reading the entries' pairings (三进结对) from a spreadsheet — CSV or XLSX, read and checked
 * like the unit file (domain/org-import.ts) — and turning them into one batch for the record
 * (records/pairings.ts). Pure apart from the parsing libraries: no database, no network.
 *
 * One file holds both kinds, one row each, told apart by the `type` column:
 *
 * - a **leader** row pairs a city leader with one community;
 * - a **department** row pairs a city department with one community: the same department code
 *   on several rows (with the same details) pairs it with several communities.
 *
 * | field          | English header   | Chinese headers              | leader row | department row |
 * | -------------- | ---------------- | ---------------------------- | ---------- | -------------- |
 * | type           | `type`           | 类型                         | 领导 / leader | 部门 / department |
 * | code           | `code`           | 编码, 代码                   | yes        | yes            |
 * | name           | `name`           | 姓名, 名称                   | yes        | yes            |
 * | title          | `title`          | 职务                         | optional   | —              |
 * | email          | `email`          | 邮箱, 电子邮箱               | yes        | —              |
 * | phone          | `phone`          | 电话, 联系电话               | optional   | —              |
 * | secretaryName  | `secretaryName`  | 联络员, 联络员姓名, 秘书     | optional   | —              |
 * | secretaryEmail | `secretaryEmail` | 联络员邮箱, 秘书邮箱         | optional   | —              |
 * | contactName    | `contactName`    | 联系人, 联系人姓名           | —          | yes            |
 * | contactEmail   | `contactEmail`   | 联系人邮箱                   | —          | yes            |
 * | community      | `community`      | 社区编码, 结对社区编码, 结对社区 | yes (the community's code) | yes |
 * | locale         | `locale`         | 语言                         | optional (zh-CN, en) | optional |
 *
 * The header needs type, code, name and community; the other columns may be left out when no
 * row needs them. A cell in a column the row's kind does not use ("—") is a problem. Problems
 * are reported by spreadsheet row (the header is row 1) and by column, all of them at once.
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
import type { NewDepartment, NewDepartmentPairing, NewLeader, PairingProblem } from './pairings';

export const PAIRING_FIELDS = [
  'type',
  'code',
  'name',
  'title',
  'email',
  'phone',
  'secretaryName',
  'secretaryEmail',
  'contactName',
  'contactEmail',
  'community',
  'locale',
] as const;
export type PairingField = (typeof PAIRING_FIELDS)[number];

export const PAIRING_TYPES = ['leader', 'department'] as const;
export type PairingType = (typeof PAIRING_TYPES)[number];

/** Each kind's Chinese name, as written in spreadsheets. */
export const PAIRING_TYPE_NAMES_ZH: Record<PairingType, string> = { leader: '领导', department: '部门' };

/** Type values accepted besides `leader` and `department` (compared in lower case). */
const TYPE_ALIASES: Record<string, PairingType> = {
  leader: 'leader',
  领导: 'leader',
  市级领导: 'leader',
  市领导: 'leader',
  department: 'department',
  部门: 'department',
  市直部门: 'department',
  结对部门: 'department',
};

/** The pairing file's columns (see the table above). */
export const PAIRING_SHEET: SheetSpec<PairingField> = {
  fields: PAIRING_FIELDS,
  required: ['type', 'code', 'name', 'community'],
  headers: {
    type: ['type', '类型', 'kind'],
    code: ['code', '编码', '代码'],
    name: ['name', '姓名', '名称'],
    title: ['title', '职务'],
    email: ['email', '邮箱', '电子邮箱'],
    phone: ['phone', '电话', '联系电话'],
    secretaryName: ['secretaryName', '联络员', '联络员姓名', '秘书'],
    secretaryEmail: ['secretaryEmail', '联络员邮箱', '秘书邮箱'],
    contactName: ['contactName', '联系人', '联系人姓名'],
    contactEmail: ['contactEmail', '联系人邮箱'],
    community: ['community', '社区编码', 'communityCode', '结对社区编码', '结对社区'],
    locale: ['locale', '语言'],
  },
  hintsZh: {
    type: '类型须为 领导 或 部门',
    code: CODE_HINT_ZH,
    name: '姓名或名称须为 1–100 个字符',
    title: '职务须为 1–100 个字符',
    email: '邮箱格式不正确',
    phone: '电话格式不正确',
    secretaryName: '联络员姓名须为 1–100 个字符',
    secretaryEmail: '联络员邮箱格式不正确',
    contactName: '联系人姓名须为 1–100 个字符',
    contactEmail: '联系人邮箱格式不正确',
    community: '社区编码须为 2–63 位小写字母、数字或连字符（社区的编码，不是名称）',
    locale: LOCALE_HINT_ZH,
  },
  values: {
    type: (v) => TYPE_ALIASES[v.toLowerCase()] ?? v,
    locale: localeValue,
  },
  headerExample: { zh: '类型、编码、姓名、社区编码', en: 'type, code, name, community' },
};

interface RowBase {
  code: string;
  name: string;
  /** The paired community's code. */
  community: string;
  locale?: 'zh-CN' | 'en';
}

export interface LeaderRow extends RowBase {
  type: 'leader';
  title?: string;
  email: string;
  phone?: string;
  secretaryName?: string;
  secretaryEmail?: string;
}

export interface DepartmentRow extends RowBase {
  type: 'department';
  contactName: string;
  contactEmail: string;
}

/** One row of the file, as the row schema gives it. */
export type PairingRow = LeaderRow | DepartmentRow;

export type ParsedPairingFile<T extends PairingRow = PairingRow> = ParsedSheet<T, PairingField>;

/**
 * Read and check a whole file. File-level and header problems throw ImportRejected; the rows'
 * problems come back in `problems` beside the valid rows (more checks can then run on those).
 */
export function parsePairingFile<T extends PairingRow>(
  data: Uint8Array,
  format: ImportFormat,
  schema: z.ZodType<T>,
  options: { charset?: string } = {},
): Promise<ParsedPairingFile<T>> {
  return parseSheet(data, format, PAIRING_SHEET, schema, options);
}

export interface PairingPlan {
  /** What the record is asked to register: each leader and department once, one pairing per department row. */
  batch: { leaders: NewLeader[]; departments: NewDepartment[]; pairings: NewDepartmentPairing[] };
  /** The spreadsheet row of each item of the batch, by kind (a department: its first row). */
  rowOf: Record<PairingProblem['kind'], number[]>;
  /** Rows repeating a department with other details. */
  problems: RowProblem[];
}

/** A department's details that every row of it must repeat exactly. */
const DEPARTMENT_DETAILS = ['name', 'contactName', 'contactEmail', 'locale'] as const;

/** The batch of a file's valid rows. */
export function planPairings(parsed: Pick<ParsedPairingFile, 'records' | 'rows' | 'columns'>): PairingPlan {
  const plan: PairingPlan = {
    batch: { leaders: [], departments: [], pairings: [] },
    rowOf: { leader: [], department: [], pairing: [] },
    problems: [],
  };
  const departments = new Map<string, { row: number; record: DepartmentRow }>();
  parsed.records.forEach((record, i) => {
    const row = parsed.rows[i]!;
    if (record.type === 'leader') {
      const { code, name, title, email, phone, secretaryName, secretaryEmail, locale, community } = record;
      plan.batch.leaders.push({
        code,
        name,
        title,
        email,
        phone,
        secretaryName,
        secretaryEmail,
        locale,
        communityCode: community,
      });
      plan.rowOf.leader.push(row);
      return;
    }
    const first = departments.get(record.code);
    if (!first) {
      departments.set(record.code, { row, record });
      const { code, name, contactName, contactEmail, locale } = record;
      plan.batch.departments.push({ code, name, contactName, contactEmail, locale });
      plan.rowOf.department.push(row);
    } else {
      for (const field of DEPARTMENT_DETAILS) {
        if ((record[field] ?? 'zh-CN') === (first.record[field] ?? 'zh-CN')) continue;
        plan.problems.push({
          row,
          column: parsed.columns[field] ?? field,
          message: bilingual(
            `部门 ${record.code} 在第 ${first.row} 行的${PAIRING_SHEET.headers[field][1]}为“${first.record[field] ?? ''}”，同一部门各行须一致`,
            `Department ${record.code} has another ${field} on row ${first.row} ("${first.record[field] ?? ''}"): every row of a department repeats its details`,
          ),
        });
      }
    }
    plan.batch.pairings.push({ departmentCode: record.code, communityCode: record.community });
    plan.rowOf.pairing.push(row);
  });
  return plan;
}

/** The batch field a record problem names → the file's field. */
const FIELD_OF: Record<string, PairingField> = { communityCode: 'community', departmentCode: 'code' };

/**
 * Problems the record found in the batch, at the rows and columns they came from. When rows were
 * at fault (`parsed.invalid`), a community named on one of them (other than a leader row) may
 * well lack the departments of those rows: its count problems are left out, the rows' own
 * problems say what to fix.
 */
export function pairingProblemsAtRows(
  parsed: Pick<ParsedPairingFile, 'columns' | 'invalid'>,
  plan: PairingPlan,
  problems: readonly PairingProblem[],
): RowProblem[] {
  const incomplete = new Set(
    parsed.invalid.flatMap((cells) => (cells.community && cells.type !== 'leader' ? [cells.community] : [])),
  );
  return problems
    .filter((p) => !(p.code === 'pairing_count' && incomplete.has(plan.batch.pairings[p.index]?.communityCode ?? '')))
    .map((p) => {
      const field = FIELD_OF[p.field] ?? p.field;
      return {
        row: plan.rowOf[p.kind][p.index] ?? 0,
        column: parsed.columns[field as PairingField] ?? field,
        message: p.code === 'duplicate_in_batch' ? bilingual(duplicateHintZh(p.kind), p.message) : p.message,
      };
    });
}

function duplicateHintZh(kind: PairingProblem['kind']): string {
  switch (kind) {
    case 'leader':
      return '领导编码在文件中重复（每位领导只结对一个社区）';
    case 'pairing':
      return '同一部门与同一社区的结对在文件中重复';
    default:
      return '编码在文件中重复';
  }
}
