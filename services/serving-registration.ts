/**
 * The acts of the third entry's registration: an employer's Party organisation registers with the
 * community where it sits (单位报到), an in-service Party member with the community where they live
 * (个人报到) — which starts the member's participation obligation (`serving-participation:<id>`) —
 * and changing or removing either. Who: admins and the office read everything; a convener (or one
 * above) reads their communities; only the community's own convener (and an admin) writes; a member
 * sees their own record. A person registers once: a phone or ID number already registered is a 409
 * naming the existing record. The ID number itself is never stored (records/serving-members.ts).
 */
import type { PrismaClient, Unit } from '@prisma/client';
import { maskTail, normaliseIdNumber, normalisePhone } from '../domain/serving';
import { shanghaiDateOf } from '../domain/period';
import { startFeedbackObligations } from '../obligations/serving-feedback';
import { startParticipationObligations, tellMemberRemoved } from '../obligations/serving-participation';
import { isUniqueViolation } from '../records/errors';
import { liveUnitById } from '../records/units';
import { actorOf, canRead, type Caller, readableUnitIds } from '../records/scope';
import {
  activeMemberCount,
  activeServingMember,
  createEmployer,
  createMember,
  type EmployerDetails,
  employerByCode,
  employerByRef,
  employerHasMembersIn,
  employerPage,
  type EmployerRecord,
  type EmployerScope,
  idNumberHashOf,
  liveUnitByRef,
  type MemberDetails,
  memberHolding,
  memberPage,
  type MemberRecord,
  type MemberScope,
  removeEmployer,
  removeMember,
  updateEmployer,
  updateMember,
} from '../records/serving-members';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock'>;

const today = (clock: () => Date) => shanghaiDateOf(clock());
const isOffice = (c: Caller) => c.role === 'admin' || c.role === 'supervisor';

/** Whether the caller writes a community's registrations: an admin, or that community's own convener. */
export function writesCommunity(caller: Caller, communityId: string | null): boolean {
  return caller.role === 'admin' || (caller.role === 'convener' && !!communityId && caller.unitId === communityId);
}

const forbidden = (what: string) =>
  new ServiceError(
    403,
    'forbidden',
    `只有所在社区的召集人（或管理员）可以${what} / Only the community’s own convener (or an admin) may do this`,
  );

function notInFuture(clock: () => Date, field: string, date: string | undefined): void {
  const now = today(clock);
  if (date && date > now)
    throw ServiceError.badRequest(field, `日期不得晚于今天（${now}） / Not in the future (today is ${now})`);
}

/** A community named by id or code (400 naming `field` when it is none). */
async function communityOf(prisma: PrismaClient, ref: string, field: string): Promise<Unit> {
  const unit = await liveUnitByRef(prisma, ref);
  if (!unit) throw ServiceError.badRequest(field, `社区 ${ref} 不存在 / Community ${ref} does not exist`);
  if (unit.level !== 'community')
    throw ServiceError.badRequest(field, `${unit.code} 不是社区 / ${unit.code} is a ${unit.level}, not a community`);
  return unit;
}

// --- Employers -----------------------------------------------------------------------------

/** An employer as the caller may see it (404 otherwise), and whether the caller may change it. */
export async function employerInScope(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  ref: string,
): Promise<{ employer: EmployerRecord; writable: boolean }> {
  const { prisma } = deps;
  const employer = await employerByRef(prisma, ref);
  if (employer && (await mayReadEmployer(prisma, caller, employer)))
    return { employer, writable: writesCommunity(caller, employer.communityId) };
  throw ServiceError.notFound(`Employer ${ref}`);
}

async function mayReadEmployer(prisma: PrismaClient, caller: Caller, e: EmployerRecord): Promise<boolean> {
  if (isOffice(caller)) return true;
  if (caller.role === 'member') {
    const self = caller.servingMemberId ? await activeServingMember(prisma, caller.servingMemberId) : null;
    return self?.employerId === e.id;
  }
  if (caller.role !== 'convener' && caller.role !== 'leader') return false;
  const readable = await readableUnitIds(prisma, caller);
  if (e.communityId && (readable === 'all' || readable.has(e.communityId))) return true;
  return employerHasMembersIn(prisma, e.id, readable);
}

export interface EmployerEntry {
  code: string;
  name: string;
  partyOrgName: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  locale?: 'zh-CN' | 'en';
  communityId?: string;
  registeredOn?: string;
}

/** The details that make a registration the same employer again (a repeat, or an import's unchanged row). */
export const EMPLOYER_COMPARED = [
  'name',
  'partyOrgName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'locale',
  'communityId',
] as const;

/** Register an employer (by an admin, or the convener of the community where it sits); the same again is the same employer. */
export async function registerEmployer(
  deps: Deps,
  caller: Caller,
  input: EmployerEntry,
): Promise<{ employer: EmployerRecord; created: boolean }> {
  const { prisma } = deps;
  const communityRef = input.communityId ?? (caller.role === 'convener' ? (caller.unitId ?? undefined) : undefined);
  const community = communityRef ? await communityOf(prisma, communityRef, 'communityId') : null;
  if (!writesCommunity(caller, community?.id ?? null)) throw forbidden('登记报到单位');
  notInFuture(deps.clock, 'registeredOn', input.registeredOn);
  const wanted: EmployerDetails = {
    code: input.code,
    name: input.name,
    partyOrgName: input.partyOrgName,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone ?? null,
    locale: input.locale ?? 'zh-CN',
    communityId: community?.id ?? null,
    registeredOn: input.registeredOn ?? today(deps.clock),
  };
  const same = async () => {
    const existing = await employerByCode(prisma, input.code);
    if (!existing) return null;
    const differs = existing.removedAt || EMPLOYER_COMPARED.some((k) => existing[k] !== wanted[k]);
    if (differs)
      throw ServiceError.conflict(
        'code_taken',
        `单位编码 ${input.code} 已被${existing.removedAt ? '已撤销的' : ''}报到单位“${existing.name}”（${existing.id}）占用，内容不同 / Code ${input.code} is taken by ${existing.removedAt ? 'the removed ' : ''}employer ${existing.id} (${existing.name}) with other details`,
        'code',
      );
    return { employer: (await employerByRef(prisma, existing.id))!, created: false };
  };
  const found = await same();
  if (found) return found;
  try {
    return {
      employer: await createEmployer(prisma, wanted, { actor: actorOf(caller), now: deps.clock() }),
      created: true,
    };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const twin = await same(); // a concurrent twin registered it first
    if (!twin) throw err;
    return twin;
  }
}

export type EmployerChange = Partial<Omit<EmployerEntry, 'code' | 'contactPhone' | 'communityId'>> & {
  contactPhone?: string | null;
  communityId?: string | null;
};

/** Change an employer's details (an admin, or its community's convener). */
export async function changeEmployer(
  deps: Deps,
  caller: Caller,
  input: { ref: string; change: EmployerChange },
): Promise<EmployerRecord> {
  const { prisma } = deps;
  const { employer, writable } = await employerInScope(deps, caller, input.ref);
  if (!writable) throw forbidden('修改报到单位');
  const { communityId, ...fields } = input.change;
  notInFuture(deps.clock, 'registeredOn', fields.registeredOn);
  const after: Partial<EmployerDetails> = { ...fields };
  if (communityId !== undefined) {
    const community = communityId === null ? null : await communityOf(prisma, communityId, 'communityId');
    if (!writesCommunity(caller, community?.id ?? null)) throw forbidden('把报到单位移到其他社区');
    after.communityId = community?.id ?? null;
  }
  const stored = { ...employer, registeredOn: employer.registeredOn.toISOString().slice(0, 10) };
  const changed = Object.fromEntries(
    Object.entries(after).filter(([k, v]) => stored[k as keyof EmployerDetails] !== v),
  ) as Partial<EmployerDetails>;
  if (Object.keys(changed).length === 0) return employer;
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, stored[k as keyof EmployerDetails]]));
  return updateEmployer(prisma, employer.id, { before, after: changed }, { actor: actorOf(caller), now: deps.clock() });
}

/** Remove an employer (kept in the record); not while members are registered with it (409). */
export async function removeEmployerAct(deps: Deps, caller: Caller, ref: string): Promise<void> {
  const { prisma } = deps;
  const { employer, writable } = await employerInScope(deps, caller, ref);
  if (!writable) throw forbidden('撤销报到单位');
  const members = await activeMemberCount(prisma, employer.id);
  if (members > 0)
    throw ServiceError.conflict(
      'employer_has_members',
      `${employer.name} 仍有 ${members} 名在册党员：先注销或转出 / ${employer.code} still has ${members} registered member(s)`,
    );
  await removeEmployer(prisma, employer.id, { actor: actorOf(caller), now: deps.clock() });
}

/** The employers the caller may see (filtered by a community, id or code), by code. */
export async function employersOf(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  q: { communityId?: string; limit: number; offset: number },
) {
  const { prisma } = deps;
  const scope: EmployerScope = { communities: 'all' };
  if (caller.role === 'member') {
    const self = caller.servingMemberId ? await activeServingMember(prisma, caller.servingMemberId) : null;
    scope.employerId = self?.employerId ?? '-';
  } else if (!isOffice(caller)) scope.communities = await readableUnitIds(prisma, caller);
  if (q.communityId) scope.communityId = await communityFilter(prisma, q.communityId);
  const page = await employerPage(prisma, scope, q);
  return { ...page, limit: q.limit, offset: q.offset };
}

async function communityFilter(prisma: PrismaClient, ref: string): Promise<string> {
  const unit = await liveUnitByRef(prisma, ref);
  if (!unit) throw ServiceError.badRequest('query.communityId', `Community ${ref} does not exist`);
  return unit.id;
}

// --- Members -------------------------------------------------------------------------------

/** What the caller may see of a member beyond the masked list: the full phone, the email. */
export interface MemberAccess {
  /** An admin or the community's own convener: may change it, sees the full phone. */
  writable: boolean;
  /** The member themselves. */
  self: boolean;
}

/** A member as the caller may see them (404 otherwise). */
export async function memberInScope(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  id: string,
): Promise<{ member: MemberRecord; access: MemberAccess }> {
  const { prisma } = deps;
  const member = await activeServingMember(prisma, id);
  if (member) {
    const self = caller.role === 'member' && caller.servingMemberId === member.id;
    const home =
      caller.role === 'convener' || caller.role === 'leader' ? await liveUnitById(prisma, member.communityId) : null;
    const visible = isOffice(caller) || self || (!!home && (await canRead(prisma, caller, home)));
    if (visible) return { member, access: { writable: writesCommunity(caller, member.communityId), self } };
  }
  throw ServiceError.notFound(`Member ${id}`);
}

/** 409 when a phone or ID hash is already registered (naming that record), else nothing. */
async function refuseSecondRegistration(
  prisma: PrismaClient,
  keys: { phone?: string; idNumberHash?: string | null },
  exceptId?: string,
): Promise<void> {
  const held = await memberHolding(prisma, keys, exceptId);
  if (!held) return;
  const { member, by } = held;
  const masked = maskTail(member.phone);
  const removed = member.removedAt ? '（已注销）' : '';
  const what = by === 'phone' ? '手机号' : '身份证号';
  throw ServiceError.conflict(
    'duplicate',
    `该${what}已登记：在职党员 ${member.id}${removed}，手机 ${masked} / ${by === 'phone' ? 'Phone' : 'ID number'} already registered: member ${member.id}${member.removedAt ? ' (removed)' : ''}, phone ${masked}`,
    by,
  );
}

export interface MemberEntry {
  name: string;
  phone: string;
  idNumber?: string;
  email?: string;
  locale?: 'zh-CN' | 'en';
  communityId: string;
  employerId: string;
  skills?: string[];
  posts?: string[];
  registeredOn?: string;
}

/** Normalised phone and the ID's hash and last 4 (400 naming the field when malformed). */
function personKeys(input: { phone?: string; idNumber?: string | null }) {
  const out: { phone?: string; idNumberHash?: string | null; idNumberLast4?: string | null } = {};
  if (input.phone !== undefined) {
    const phone = normalisePhone(input.phone);
    if (!phone) throw ServiceError.badRequest('phone', '手机号须为 11 位大陆手机号码 / A mainland mobile number');
    out.phone = phone;
  }
  if (input.idNumber === null) Object.assign(out, { idNumberHash: null, idNumberLast4: null });
  else if (input.idNumber !== undefined) {
    const id = normaliseIdNumber(input.idNumber);
    if (!id) throw ServiceError.badRequest('idNumber', '身份证号校验位不正确 / Not a valid resident ID number');
    Object.assign(out, { idNumberHash: idNumberHashOf(id), idNumberLast4: id.slice(-4) });
  }
  return out;
}

/**
 * Register a member with their home community (an admin, or that community's convener): starts the
 * participation obligation (`obligationStarted` false when Temporal could not be told now).
 */
export async function registerMember(
  deps: ServiceDeps,
  caller: Caller,
  input: MemberEntry,
): Promise<{ member: MemberRecord; obligationStarted: boolean }> {
  const { prisma } = deps;
  const community = await communityOf(prisma, input.communityId, 'communityId');
  if (!writesCommunity(caller, community.id)) throw forbidden('登记在职党员');
  const employer = await employerByRef(prisma, input.employerId);
  if (!employer)
    throw ServiceError.badRequest(
      'employerId',
      `报到单位 ${input.employerId} 不存在 / Employer ${input.employerId} does not exist`,
    );
  notInFuture(deps.clock, 'registeredOn', input.registeredOn);
  const keys = personKeys(input);
  const wanted: MemberDetails = {
    name: input.name,
    communityId: community.id,
    employerId: employer.id,
    phone: keys.phone!,
    idNumberHash: keys.idNumberHash ?? null,
    idNumberLast4: keys.idNumberLast4 ?? null,
    email: input.email ?? null,
    locale: input.locale ?? 'zh-CN',
    skills: input.skills ?? [],
    posts: input.posts ?? [],
    registeredOn: input.registeredOn ?? today(deps.clock),
  };
  await refuseSecondRegistration(prisma, wanted);
  let member: MemberRecord;
  try {
    member = await createMember(prisma, wanted, { actor: actorOf(caller), now: deps.clock() });
  } catch (err) {
    if (isUniqueViolation(err)) await refuseSecondRegistration(prisma, wanted); // a concurrent twin
    throw err;
  }
  const obligationStarted = await Promise.all([
    startParticipationObligations(deps, [member.id]),
    // The community's quarterly feedback to employers (harmless when it already runs).
    startFeedbackObligations(deps, [member.communityId]),
  ]).then(
    () => true,
    (err: unknown) => {
      deps.log.warn('Member registered but the participation obligation or the feedback did not start', {
        memberId: member.id,
        err: String(err),
      });
      return false;
    },
  );
  return { member, obligationStarted };
}

export type MemberChange = Partial<Omit<MemberEntry, 'idNumber' | 'email'>> & {
  idNumber?: string | null;
  email?: string | null;
};

/** Change a member's details (an admin or the community's convener; moving them: the new community's too). */
export async function changeMember(
  deps: Deps,
  caller: Caller,
  input: { id: string; change: MemberChange },
): Promise<{ member: MemberRecord; access: MemberAccess }> {
  const { prisma } = deps;
  const { member, access } = await memberInScope(deps, caller, input.id);
  if (!access.writable) throw forbidden('修改在职党员信息');
  const { communityId, employerId, phone, idNumber, ...fields } = input.change;
  notInFuture(deps.clock, 'registeredOn', fields.registeredOn);
  const after: Partial<MemberDetails> = { ...fields, ...personKeys({ phone, idNumber }) };
  if (communityId !== undefined) {
    const community = await communityOf(prisma, communityId, 'communityId');
    if (!writesCommunity(caller, community.id)) throw forbidden('把党员转到其他社区');
    after.communityId = community.id;
  }
  if (employerId !== undefined) {
    const employer = await employerByRef(prisma, employerId);
    if (!employer) throw ServiceError.badRequest('employerId', `Employer ${employerId} does not exist`);
    after.employerId = employer.id;
  }
  const stored: Record<string, unknown> = { ...member, registeredOn: member.registeredOn.toISOString().slice(0, 10) };
  const changed = Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(stored[k] ?? null) !== JSON.stringify(v ?? null)),
  ) as Partial<MemberDetails>;
  if (Object.keys(changed).length === 0) return { member, access };
  await refuseSecondRegistration(prisma, { phone: changed.phone, idNumberHash: changed.idNumberHash }, member.id);
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, stored[k]])) as Partial<MemberDetails>;
  const by = { actor: actorOf(caller), now: deps.clock() };
  const updated = await updateMember(prisma, member.id, { before, after: changed }, by).catch(async (err: unknown) => {
    if (isUniqueViolation(err))
      await refuseSecondRegistration(prisma, { phone: changed.phone, idNumberHash: changed.idNumberHash }, member.id);
    throw err;
  });
  return { member: updated, access: { ...access, writable: writesCommunity(caller, updated.communityId) } };
}

/** Remove a member (kept in the record): the participation obligation ends. */
export async function removeMemberAct(deps: ServiceDeps, caller: Caller, id: string): Promise<void> {
  const { member, access } = await memberInScope(deps, caller, id);
  if (!access.writable) throw forbidden('注销在职党员');
  await removeMember(deps.prisma, member.id, { actor: actorOf(caller), now: deps.clock() });
  await tellMemberRemoved(deps, member.id);
}

/** The members the caller may see (a member: themselves), filtered by community or employer (id or code). */
export async function membersOf(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  q: { communityId?: string; employerId?: string; limit: number; offset: number },
) {
  const { prisma } = deps;
  const scope: MemberScope = { communities: 'all' };
  if (caller.role === 'member') scope.memberId = caller.servingMemberId ?? '-';
  else if (!isOffice(caller)) scope.communities = await readableUnitIds(prisma, caller);
  if (q.communityId) scope.communityId = await communityFilter(prisma, q.communityId);
  if (q.employerId) {
    const employer = await employerByRef(prisma, q.employerId);
    if (!employer) throw ServiceError.badRequest('query.employerId', `Employer ${q.employerId} does not exist`);
    scope.employerId = employer.id;
  }
  const page = await memberPage(prisma, scope, q);
  return { ...page, limit: q.limit, offset: q.offset };
}
