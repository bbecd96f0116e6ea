/**
 * The import acts of the third entry's registration: employers (单位报到) and members (个人报到)
 * from a spreadsheet (CSV UTF-8 or GBK, XLSX; columns: domain/serving-import.ts). All or nothing:
 * every problem of the rows and of the record at once (ImportRejected), else everything is
 * registered in one transaction; with `dryRun` nothing is written. A row already registered with
 * the same details is left as it is (the same file again creates nothing); the members of a member
 * file then have their participation obligations started (a repeated import starts what is not
 * running). An admin imports any rows; a convener only rows of their own community.
 */
import type { PrismaClient, ServingEmployer, ServingMember, Unit } from '@prisma/client';
import type { z } from 'zod';
import { bilingual, type ImportFormat, ImportRejected, type RowProblem } from '../domain/org-import';
import { shanghaiDateOf } from '../domain/period';
import { maskTail } from '../domain/serving';
import {
  EMPLOYER_SHEET,
  type EmployerRow,
  MEMBER_SHEET,
  type MemberRow,
  parseEmployerFile,
  parseMemberFile,
  problemAt,
  repeatedInFile,
} from '../domain/serving-import';
import { startFeedbackObligations } from '../obligations/serving-feedback';
import { startParticipationObligations } from '../obligations/serving-participation';
import { actorOf, type Caller } from '../records/scope';
import {
  type EmployerDetails,
  employersWithCodes,
  idNumberHashOf,
  type MemberDetails,
  membersHoldingAny,
  registerBatch,
  unitsByCodes,
} from '../records/serving-members';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { EMPLOYER_COMPARED, writesCommunity } from './serving-registration';

export interface ServingImportSummary {
  dryRun: boolean;
  created: number;
  unchanged: number;
  total: number;
}

export interface ServingImportFile<T> {
  data: Uint8Array;
  format: ImportFormat;
  charset?: string;
  rowSchema: z.ZodType<T>;
  dryRun?: boolean;
}

const rejectIf = (problems: RowProblem[]) => {
  if (problems.length) throw ImportRejected.ofProblems(problems.sort((a, b) => a.row - b.row));
};

/** The communities an import's rows name, by code; each row's problem when it is none or not the caller's. */
async function communitiesOf(prisma: PrismaClient, codes: readonly string[]): Promise<Map<string, Unit>> {
  const units = await unitsByCodes(prisma, [...new Set(codes)]);
  return new Map(units.map((u) => [u.code, u]));
}

function communityProblem(caller: Caller, code: string, unit: Unit | undefined): { zh: string; en: string } | null {
  if (!unit) return { zh: `社区编码 ${code} 不存在`, en: `Community ${code} does not exist` };
  if (unit.level !== 'community') return { zh: `${code} 不是社区`, en: `${code} is a ${unit.level}, not a community` };
  if (!writesCommunity(caller, unit.id))
    return { zh: `只能导入本社区（${code} 不是）的报到`, en: `Only your own community’s registrations (not ${code})` };
  return null;
}

/** Import employers: admins any; a convener those of their community (a row without one: theirs). */
export async function importServingEmployers(
  deps: Pick<ServiceDeps, 'prisma' | 'clock' | 'log'>,
  caller: Caller,
  file: ServingImportFile<EmployerRow>,
): Promise<ServingImportSummary> {
  const { prisma } = deps;
  const parsed = await parseEmployerFile(file.data, file.format, file.rowSchema, { charset: file.charset });
  const problems = [
    ...parsed.problems,
    ...repeatedInFile(parsed, EMPLOYER_SHEET, [{ field: 'code', of: (r) => r.code, zh: '单位编码', en: 'The code' }]),
  ];
  const own = caller.role === 'convener' ? await prisma.unit.findUnique({ where: { id: caller.unitId ?? '' } }) : null;
  const communities = await communitiesOf(
    prisma,
    parsed.records.flatMap((r) => (r.community ? [r.community] : [])),
  );
  const existing = new Map(
    (
      await employersWithCodes(
        prisma,
        parsed.records.map((r) => r.code),
      )
    ).map((e) => [e.code, e]),
  );
  const today = shanghaiDateOf(deps.clock());
  const fresh: EmployerDetails[] = [];
  parsed.records.forEach((r, i) => {
    const row = parsed.rows[i]!;
    const at = (field: 'community' | 'code', zh: string, en: string) =>
      problems.push(problemAt(parsed, EMPLOYER_SHEET, row, field, zh, en));
    const code = r.community ?? own?.code;
    const unit = code ? (communities.get(code) ?? (own?.code === code ? own : undefined)) : undefined;
    const wrong = code
      ? communityProblem(caller, code, unit)
      : caller.role === 'admin'
        ? null
        : { zh: '须填所在社区', en: 'Name the community' };
    if (wrong) return at('community', wrong.zh, wrong.en);
    const wanted: EmployerDetails = {
      code: r.code,
      name: r.name,
      partyOrgName: r.partyOrgName,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone ?? null,
      locale: r.locale ?? 'zh-CN',
      communityId: unit?.id ?? null,
      registeredOn: today,
    };
    const e = existing.get(r.code);
    if (!e) return void fresh.push(wanted);
    if (e.removedAt || EMPLOYER_COMPARED.some((k) => e[k] !== wanted[k]))
      at(
        'code',
        `单位编码已被报到单位“${e.name}”（${e.id}）占用，内容不同（导入不修改已有单位）`,
        `The code is taken by employer ${e.id} (${e.name}) with other details (an import changes no employer)`,
      );
  });
  rejectIf(problems);
  const summary = {
    dryRun: !!file.dryRun,
    created: fresh.length,
    unchanged: parsed.records.length - fresh.length,
    total: parsed.records.length,
  };
  if (!file.dryRun)
    await registerBatch(prisma, { employers: fresh, members: [] }, { actor: actorOf(caller), now: deps.clock() });
  deps.log.info('Serving employers imported', { format: file.format, ...summary });
  return summary;
}

/** The existing member a row names by its phone or ID hash; a problem when the two name different members. */
function holderOf(
  byPhone: Map<string, ServingMember>,
  byId: Map<string, ServingMember>,
  phone: string,
  idHash: string | null,
) {
  const a = byPhone.get(phone);
  const b = idHash ? byId.get(idHash) : undefined;
  if (a && b && a.id !== b.id) return { conflict: true as const, member: a };
  return { conflict: false as const, member: a ?? b };
}

function sameMember(m: ServingMember, d: MemberDetails): boolean {
  return (
    !m.removedAt &&
    m.name === d.name &&
    m.phone === d.phone &&
    m.communityId === d.communityId &&
    m.employerId === d.employerId &&
    (d.idNumberHash === null || m.idNumberHash === d.idNumberHash)
  );
}

interface MemberPlan {
  fresh: MemberDetails[];
  unchangedIds: string[];
  /** The home communities of the file's members (their quarterly feedback runs). */
  communityIds: Set<string>;
}

/** Each valid member row checked against the record: its community, its employer, a person already registered. */
async function planMembers(
  prisma: PrismaClient,
  caller: Caller,
  parsed: Awaited<ReturnType<typeof parseMemberFile>>,
  today: string,
  problems: RowProblem[],
): Promise<MemberPlan> {
  const rows = parsed.records.map((r) => ({ r, idHash: r.idNumber ? idNumberHashOf(r.idNumber) : null }));
  const communities = await communitiesOf(
    prisma,
    rows.map(({ r }) => r.community),
  );
  const employers = new Map<string, ServingEmployer>(
    (
      await employersWithCodes(
        prisma,
        rows.map(({ r }) => r.employer),
      )
    ).map((e) => [e.code, e]),
  );
  const held = await membersHoldingAny(
    prisma,
    rows.map(({ r }) => r.phone),
    rows.flatMap(({ idHash }) => (idHash ? [idHash] : [])),
  );
  const byPhone = new Map(held.map((m) => [m.phone, m]));
  const byId = new Map(held.flatMap((m) => (m.idNumberHash ? [[m.idNumberHash, m] as const] : [])));
  const plan: MemberPlan = { fresh: [], unchangedIds: [], communityIds: new Set() };
  rows.forEach(({ r, idHash }, i) => {
    const row = parsed.rows[i]!;
    const at = (field: 'community' | 'employer' | 'phone' | 'registeredOn', zh: string, en: string) =>
      problems.push(problemAt(parsed, MEMBER_SHEET, row, field, zh, en));
    const unit = communities.get(r.community);
    const employer = employers.get(r.employer);
    const wrong = communityProblem(caller, r.community, unit);
    if (wrong) at('community', wrong.zh, wrong.en);
    if (!employer || employer.removedAt)
      at(
        'employer',
        `单位编码 ${r.employer} 未报到（请先导入报到单位）`,
        `Employer ${r.employer} is not registered (import the employers first)`,
      );
    if (r.registeredOn && r.registeredOn > today)
      at('registeredOn', `报到日期不得晚于今天（${today}）`, `Not in the future (today is ${today})`);
    if (wrong || !employer || employer.removedAt || (r.registeredOn && r.registeredOn > today)) return;
    const wanted: MemberDetails = {
      name: r.name,
      communityId: unit!.id,
      employerId: employer.id,
      phone: r.phone,
      idNumberHash: idHash,
      idNumberLast4: r.idNumber ? r.idNumber.slice(-4) : null,
      email: r.email ?? null,
      locale: r.locale ?? 'zh-CN',
      skills: r.skills,
      posts: r.posts,
      registeredOn: r.registeredOn ?? today,
    };
    plan.communityIds.add(wanted.communityId);
    const holder = holderOf(byPhone, byId, r.phone, idHash);
    if (!holder.member) return void plan.fresh.push(wanted);
    if (!holder.conflict && sameMember(holder.member, wanted)) return void plan.unchangedIds.push(holder.member.id);
    const m = holder.member;
    at(
      'phone',
      `此人已登记为在职党员 ${m.id}${m.removedAt ? '（已注销）' : ''}（手机 ${maskTail(m.phone)}），内容不同`,
      `Already registered: member ${m.id}${m.removedAt ? ' (removed)' : ''} (phone ${maskTail(m.phone)}) with other details`,
    );
  });
  return plan;
}

/** Import members: admins any; a convener those of their community. Then every member's participation obligation. */
export async function importServingMembers(
  deps: ServiceDeps,
  caller: Caller,
  file: ServingImportFile<MemberRow>,
): Promise<ServingImportSummary> {
  const { prisma } = deps;
  const parsed = await parseMemberFile(file.data, file.format, file.rowSchema, { charset: file.charset });
  const problems = [
    ...parsed.problems,
    ...repeatedInFile(parsed, MEMBER_SHEET, [
      { field: 'phone', of: (r) => r.phone, zh: '手机号', en: 'The phone' },
      { field: 'idNumber', of: (r) => r.idNumber, zh: '身份证号', en: 'The ID number' },
    ]),
  ];
  const plan = await planMembers(prisma, caller, parsed, shanghaiDateOf(deps.clock()), problems);
  rejectIf(problems);
  const summary = {
    dryRun: !!file.dryRun,
    created: plan.fresh.length,
    unchanged: plan.unchangedIds.length,
    total: parsed.records.length,
  };
  if (file.dryRun) return summary;
  const { memberIds } = await registerBatch(
    prisma,
    { employers: [], members: plan.fresh },
    { actor: actorOf(caller), now: deps.clock() },
  );
  deps.log.info('Serving members imported', { format: file.format, ...summary });
  try {
    await startParticipationObligations(deps, [...memberIds, ...plan.unchangedIds]);
    await startFeedbackObligations(deps, [...plan.communityIds]);
  } catch (err) {
    deps.log.error('Members imported but their participation obligations did not all start', err);
    throw new ServiceError(
      503,
      'obligations_not_started',
      bilingual(
        `已登记 ${summary.created} 名党员，但部分参与义务未能启动：请稍后重新导入同一文件`,
        `${summary.created} members were registered but not all participation obligations started: import the same file again later`,
      ),
      'file',
    );
  }
  return summary;
}
