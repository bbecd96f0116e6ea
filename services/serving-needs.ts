/**
 * The acts on a community's needs list (服务需求 / 微心愿) and the members' service cards: publish
 * and cancel a need (the community), claim it (认领: the member, or the community for a member),
 * cancel a claim, confirm it done (the service record on the member's card), record a service
 * without a need, and read a member's card. A claim starts its workflow `need-claim:<claimId>`
 * (reminders when it is not confirmed); done or cancelled, the workflow is told; a service
 * recorded is told to the member's participation obligation.
 */
import type { NeedClaim, ServiceRecord, Unit } from '@prisma/client';
import { addDays, periodOfDate, shanghaiDateOf } from '../domain/period';
import { maskTail } from '../domain/serving';
import { startNeedClaims, tellClaimCancelled, tellClaimDone } from '../obligations/need-claim';
import { tellServiceRecorded } from '../obligations/serving-participation';
import { actorOf, canRead, canWrite, type Caller, readableUnitIds } from '../records/scope';
import { loadServingRule } from '../records/serving-rule';
import {
  cancelClaim as saveClaimCancelled,
  cancelNeed as saveNeedCancelled,
  cardOf,
  claimById,
  claimNeed as saveClaim,
  type ClaimWithNeed,
  createNeed,
  liveMemberById,
  memberById,
  needById,
  needsOf,
  type NeedWithClaims,
  saveServiceRecord,
} from '../records/service-needs';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock'>;
const todayOf = (deps: Pick<ServiceDeps, 'clock'>) => shanghaiDateOf(deps.clock());
const dateOf = (d: Date) => d.toISOString().slice(0, 10);
const by = (deps: Pick<ServiceDeps, 'clock'>, caller: Caller) => ({ actor: actorOf(caller), now: deps.clock() });

const forbidden = (message: string) => new ServiceError(403, 'forbidden', message);
const WRITE_FORBIDDEN = (u: Unit) =>
  `只有${u.name}的召集人（或管理员）可以管理需求清单和服务记录 / Only ${u.code}'s convener (or an admin) manages its needs and service records`;

/** A community the caller may read (a member: only their own home community). */
async function communityForRead(deps: Deps, caller: Caller, ref: string): Promise<Unit> {
  if (caller.role === 'member') {
    const unit = await deps.prisma.unit.findFirst({ where: { id: ref, removedAt: null } });
    if (!unit || unit.id !== caller.unitId) throw ServiceError.notFound(`Unit ${ref}`);
    return unit;
  }
  return unitInScope(deps.prisma, caller, ref);
}

/** A need the caller may see: of a community they read (a member: their home community). */
export async function needInScope(deps: Deps, caller: Caller, needId: string): Promise<NeedWithClaims> {
  const need = await needById(deps.prisma, needId);
  if (!need) throw ServiceError.notFound(`Need ${needId}`);
  const unit = await deps.prisma.unit.findUnique({ where: { id: need.communityId } });
  const visible =
    unit && (caller.role === 'member' ? caller.unitId === unit.id : await canRead(deps.prisma, caller, unit));
  if (!visible) throw ServiceError.notFound(`Need ${needId}`);
  return need;
}

export interface NeedInput {
  communityId: string;
  title: string;
  category: string;
  description?: string;
  neededOn: string;
  slots: number;
  claimBy?: string;
}

/** Publish a need on the community's list (its convener, or an admin). */
export async function publishNeed(deps: Deps, caller: Caller, input: NeedInput): Promise<NeedWithClaims> {
  const unit = await unitInScope(deps.prisma, caller, input.communityId, { mode: 'write', forbidden: WRITE_FORBIDDEN });
  if (unit.level !== 'community')
    throw ServiceError.badRequest(
      'communityId',
      `只有社区发布需求清单 / Needs are published by a community (${unit.code} is a ${unit.level})`,
    );
  const today = todayOf(deps);
  if (input.neededOn < today)
    throw ServiceError.badRequest(
      'neededOn',
      `需求日期不得早于今天（${today}） / The need's day is today or later (today is ${today})`,
    );
  // Claims close the day before the need's day by default, but never before today.
  const dayBefore = addDays(input.neededOn, -1);
  const claimBy = input.claimBy ?? (dayBefore < today ? today : dayBefore);
  if (claimBy > input.neededOn)
    throw ServiceError.badRequest(
      'claimBy',
      `认领截止日不得晚于需求日期 / claimBy is on or before neededOn (${input.neededOn})`,
    );
  if (claimBy < today)
    throw ServiceError.badRequest('claimBy', `认领截止日不得早于今天 / claimBy is today or later (today is ${today})`);
  const need = await createNeed(deps.prisma, { ...input, communityId: unit.id, claimBy }, by(deps, caller));
  return (await needById(deps.prisma, need.id))!;
}

/** The needs of a community (or of every community the caller reads; a member: their home community). */
export async function listNeeds(
  deps: Deps,
  caller: Caller,
  q: { communityId?: string; from?: string; limit: number; offset: number },
): Promise<{ items: NeedWithClaims[]; total: number }> {
  let communities: 'all' | string[];
  if (q.communityId) communities = [(await communityForRead(deps, caller, q.communityId)).id];
  else if (caller.role === 'member') communities = caller.unitId ? [caller.unitId] : [];
  else {
    const readable = await readableUnitIds(deps.prisma, caller);
    communities = readable === 'all' ? 'all' : [...readable];
  }
  const [items, total] = await needsOf(deps.prisma, communities, q);
  return { items, total };
}

/** Cancel a need (its community's convener, or an admin): the claims still open are cancelled and told. */
export async function cancelNeed(
  deps: ServiceDeps,
  caller: Caller,
  input: { needId: string; reason?: string },
): Promise<{ need: NeedWithClaims; obligationsNotified: boolean }> {
  const need = await needInScope(deps, caller, input.needId);
  await unitInScope(deps.prisma, caller, need.communityId, { mode: 'write', forbidden: WRITE_FORBIDDEN });
  const result = await saveNeedCancelled(deps.prisma, need.id, input.reason, by(deps, caller));
  if (result === 'already')
    throw ServiceError.conflict('item_state', `需求 ${need.id} 已取消 / Need ${need.id} is already cancelled`);
  const told = await Promise.all(result.cancelledClaims.map((id) => tellClaimCancelled(deps, id)));
  return { need: (await needById(deps.prisma, need.id))!, obligationsNotified: told.every(Boolean) };
}

/** Which member a claim is for: the member themselves, or (the community, an admin) the one named. */
async function claimantOf(deps: Deps, caller: Caller, need: NeedWithClaims, memberId: string | undefined) {
  if (caller.role === 'member') {
    if (memberId && memberId !== caller.servingMemberId)
      throw forbidden('在职党员只能为本人认领 / A member claims for themselves only');
    memberId = caller.servingMemberId ?? undefined;
  } else {
    const unit = await unitInScope(deps.prisma, caller, need.communityId, {
      mode: 'write',
      forbidden: WRITE_FORBIDDEN,
    });
    void unit;
    if (!memberId)
      throw ServiceError.badRequest('memberId', '请指明为哪位在职党员认领 / Name the member the claim is for');
  }
  const member = memberId ? await liveMemberById(deps.prisma, memberId) : null;
  if (!member)
    throw ServiceError.badRequest(
      'memberId',
      `在职党员 ${memberId ?? '(none)'} 不存在 / Member ${memberId ?? '(none)'} does not exist`,
    );
  if (member.communityId !== need.communityId)
    throw ServiceError.badRequest(
      'memberId',
      `在职党员只能认领本人报到社区的需求 / A member claims only needs of their home community (${member.name}'s is another)`,
    );
  return member;
}

/**
 * Claim a need: 409 when it is cancelled, past its claim day, full, or claimed by the member
 * already (naming that claim); 400 when the member is of another community. Starts
 * `need-claim:<claimId>`.
 */
export async function claimNeed(
  deps: ServiceDeps,
  caller: Caller,
  input: { needId: string; memberId?: string },
): Promise<{ claim: NeedClaim; obligationNotified: boolean }> {
  const need = await needById(deps.prisma, input.needId);
  if (!need) throw ServiceError.notFound(`Need ${input.needId}`);
  if (caller.role !== 'member') await needInScope(deps, caller, input.needId);
  const member = await claimantOf(deps, caller, need, input.memberId);
  const result = await saveClaim(
    deps.prisma,
    { needId: need.id, memberId: member.id, today: todayOf(deps) },
    by(deps, caller),
  );
  if ('refused' in result) {
    const at = `需求 ${need.id}（${need.title}） / Need ${need.id} (${need.title})`;
    switch (result.refused) {
      case 'cancelled':
        throw ServiceError.conflict('item_state', `${at}: 已取消 / cancelled`);
      case 'past':
        throw ServiceError.conflict(
          'item_state',
          `${at}: 认领已于 ${result.claimBy} 截止 / claims closed on ${result.claimBy}`,
        );
      case 'full':
        throw ServiceError.conflict(
          'item_state',
          `${at}: 已满（${result.slots} 人） / full (${result.slots} places taken)`,
        );
      case 'duplicate':
        throw ServiceError.conflict(
          'duplicate',
          `${member.name} 已认领该需求（认领 ${result.claim.id}，${result.claim.status}） / ${member.name} has claimed it already (claim ${result.claim.id}, ${result.claim.status})`,
        );
    }
  }
  const obligationNotified = await startNeedClaims(deps, [result.id]);
  return { claim: result, obligationNotified };
}

/** A claim the caller may act on: the member's own, or one on a need of the community they write. */
async function claimInScope(deps: Deps, caller: Caller, claimId: string, write: 'member-or-community' | 'community') {
  const claim = await claimById(deps.prisma, claimId);
  if (!claim) throw ServiceError.notFound(`Claim ${claimId}`);
  const own = caller.role === 'member' && caller.servingMemberId === claim.memberId;
  if (own && write === 'member-or-community') return claim;
  if (caller.role === 'member') {
    if (own) throw forbidden('服务完成由社区确认 / The community confirms a service done');
    throw ServiceError.notFound(`Claim ${claimId}`);
  }
  const unit = await deps.prisma.unit.findUnique({ where: { id: claim.need.communityId } });
  if (!unit || !(await canRead(deps.prisma, caller, unit))) throw ServiceError.notFound(`Claim ${claimId}`);
  if (!canWrite(caller, unit)) throw forbidden(WRITE_FORBIDDEN(unit));
  return claim;
}

/** Cancel a claim (the member, or the community): 409 when it is done or cancelled already. */
export async function cancelClaim(
  deps: ServiceDeps,
  caller: Caller,
  claimId: string,
): Promise<{ claim: NeedClaim; obligationNotified: boolean }> {
  const claim = await claimInScope(deps, caller, claimId, 'member-or-community');
  const cancelled = await saveClaimCancelled(deps.prisma, claim.id, by(deps, caller));
  if (!cancelled) throw claimNotOpen(claim);
  return { claim: cancelled, obligationNotified: await tellClaimCancelled(deps, claim.id) };
}

function claimNotOpen(claim: ClaimWithNeed): ServiceError {
  if (claim.status === 'done')
    return ServiceError.conflict(
      'item_state',
      `认领 ${claim.id} 已完成（服务记录 ${claim.service?.id ?? '?'}） / Claim ${claim.id} is done (service record ${claim.service?.id ?? '?'})`,
    );
  return ServiceError.conflict('item_state', `认领 ${claim.id} 已取消 / Claim ${claim.id} is cancelled`);
}

/** What the community confirms of a service: its day, time, what was done, who confirmed it. */
export interface ServiceDone {
  servedOn: string;
  minutes: number;
  what: string;
  confirmedBy: string;
}

/** Confirm a claim done (the community): the service record on the member's card. */
export async function confirmClaimDone(
  deps: ServiceDeps,
  caller: Caller,
  input: { claimId: string; done: ServiceDone },
): Promise<{ service: ServiceRecord; obligationNotified: boolean }> {
  const claim = await claimInScope(deps, caller, input.claimId, 'community');
  if (claim.status !== 'claimed') throw claimNotOpen(claim);
  return writeService(deps, caller, {
    memberId: claim.memberId,
    communityId: claim.need.communityId,
    claim,
    ...input.done,
  });
}

/**
 * Record a service on a member's card (the member's community): without a need, or on a claim of
 * that member (400 claimId when the member did not claim it; 409 when it is done already).
 */
export async function recordService(
  deps: ServiceDeps,
  caller: Caller,
  input: ServiceDone & { memberId: string; claimId?: string },
): Promise<{ service: ServiceRecord; obligationNotified: boolean }> {
  const member = await liveMemberById(deps.prisma, input.memberId);
  if (!member) throw ServiceError.badRequest('memberId', `Member ${input.memberId} does not exist`);
  if (caller.role === 'member') throw forbidden('服务记录由社区填写 / The community records services');
  await unitInScope(deps.prisma, caller, member.communityId, { mode: 'write', forbidden: WRITE_FORBIDDEN });
  let claim: ClaimWithNeed | null = null;
  if (input.claimId) {
    claim = await claimById(deps.prisma, input.claimId);
    if (!claim || claim.memberId !== member.id || claim.status === 'cancelled')
      throw ServiceError.badRequest(
        'claimId',
        `${member.name} 未认领该需求（认领 ${input.claimId}） / ${member.name} did not claim this need (claim ${input.claimId})`,
      );
    if (claim.status === 'done') throw claimNotOpen(claim);
  }
  const { claimId: _claimId, ...done } = input;
  void _claimId;
  return writeService(deps, caller, { ...done, communityId: member.communityId, claim });
}

async function writeService(
  deps: ServiceDeps,
  caller: Caller,
  r: ServiceDone & { memberId: string; communityId: string; claim: ClaimWithNeed | null },
): Promise<{ service: ServiceRecord; obligationNotified: boolean }> {
  const today = todayOf(deps);
  if (r.servedOn > today)
    throw ServiceError.badRequest(
      'servedOn',
      `服务完成后才能记录（今天是 ${today}） / A service is recorded after it took place (today is ${today})`,
    );
  const { claim, ...fields } = r;
  const service = await saveServiceRecord(deps.prisma, { ...fields, claimId: claim?.id }, by(deps, caller));
  if (!service) throw claimNotOpen((await claimById(deps.prisma, claim!.id))!);
  const rule = await loadServingRule(deps.prisma);
  const periodKey = periodOfDate(r.servedOn, rule.participationPeriod).key;
  const told = await Promise.all([
    claim ? tellClaimDone(deps, claim.id) : true,
    tellServiceRecorded(deps, { memberId: r.memberId, serviceId: service.id, periodKey, servedOn: r.servedOn }),
  ]);
  return { service, obligationNotified: told.every(Boolean) };
}

/** A member's service card: the member themselves, their community's readers, the office. */
export async function serviceCard(deps: Deps, caller: Caller, memberId: string) {
  const member = await memberById(deps.prisma, memberId);
  const unit = member ? await deps.prisma.unit.findUnique({ where: { id: member.communityId } }) : null;
  const visible =
    member &&
    unit &&
    (caller.role === 'member' ? caller.servingMemberId === member.id : await canRead(deps.prisma, caller, unit));
  if (!member || !unit || !visible) throw ServiceError.notFound(`Member ${memberId}`);
  const { services, openClaims } = await cardOf(deps.prisma, member.id);
  const year = todayOf(deps).slice(0, 4);
  const thisYear = services.filter((s) => dateOf(s.servedOn).startsWith(year));
  const sum = (rows: { minutes: number }[]) => rows.reduce((m, s) => m + s.minutes, 0);
  return {
    member: { ...member, phone: maskTail(member.phone) ?? '' },
    community: unit,
    services,
    openClaims,
    totals: { services: services.length, minutes: sum(services) },
    year: { year: Number(year), services: thisYear.length, minutes: sum(thisYear) },
  };
}
