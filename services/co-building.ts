/**
 * The acts of community co-building (社区联建): a community's convener (or an admin) sets up its
 * co-building body, registers the member units stationed in the community, their commitment letters
 * and the practical things done. Each act is audited; money is yuan in, fen in the record.
 */
import { actorOf, canRead, canWrite, type Caller, isRecordId } from '../records/scope';
import type { PrismaClient, Unit } from '@prisma/client';
import { CO_BUILDING_FUNCTIONS, knownValues, PLEDGE_KINDS, yuanToFen } from '../domain/co-building';
import { shanghaiDateOf } from '../domain/period';
import {
  type BodyRecord,
  bodyOfCommunity,
  bodyWithAll,
  type BodySettings,
  type CommitmentRecord,
  createBody,
  createCommitment,
  createMember,
  createThing,
  type MemberDetails,
  type MemberRecord,
  memberByName,
  memberOfBody,
  memberWithCommunity,
  type ThingRecord,
  updateBody,
} from '../records/co-building';
import { isUniqueViolation } from '../records/errors';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock'>;

/** A community the caller may record co-building for (403 names who may). */
function writableUnit(prisma: PrismaClient, caller: Caller, ref: string): Promise<Unit> {
  return unitInScope(prisma, caller, ref, {
    mode: 'write',
    forbidden: (unit) =>
      `只有 ${unit.name} 的召集人（或管理员）可以登记社区联建 / Only the convener of ${unit.code} (or an admin) may record its co-building`,
  });
}

/** The unit's co-building body (404 when it has none). */
async function bodyOf(prisma: PrismaClient, unit: Unit) {
  const body = await bodyOfCommunity(prisma, unit.id);
  if (!body) throw ServiceError.notFound(`Co-building body of ${unit.code}`);
  return body;
}

/** A date in the record must have come: not after today (Asia/Shanghai). */
function notInFuture(clock: () => Date, field: string, date: string): void {
  const now = shanghaiDateOf(clock());
  if (date > now) {
    throw ServiceError.badRequest(field, `日期不得晚于今天（${now}） / Not in the future (today is ${now})`);
  }
}

/** The community's co-building body as the caller may see it. */
export async function coBuildingBodyOf(deps: Pick<ServiceDeps, 'prisma'>, caller: Caller, unitRef: string) {
  const unit = await unitInScope(deps.prisma, caller, unitRef);
  return bodyWithAll(deps.prisma, (await bodyOf(deps.prisma, unit)).id);
}

/** Create or update the community's co-building body (the same again changes nothing). */
export async function saveCoBuildingBody(
  deps: Deps,
  caller: Caller,
  input: { unitRef: string; name: string; functions: readonly string[] },
): Promise<{ body: BodyRecord; created: boolean }> {
  const { prisma } = deps;
  const unit = await writableUnit(prisma, caller, input.unitRef);
  if (unit.level !== 'community') {
    throw ServiceError.badRequest(
      'path.unitRef',
      `联建共同体以社区为单位组建，${unit.code} 是 ${unit.level} / A co-building body belongs to a community; ${unit.code} is a ${unit.level}`,
    );
  }
  const wanted: BodySettings = { name: input.name, functions: knownValues(input.functions, CO_BUILDING_FUNCTIONS) };
  const by = { actor: actorOf(caller), now: deps.clock() };
  const save = async (): Promise<{ id: string; created: boolean }> => {
    const existing = await bodyOfCommunity(prisma, unit.id);
    if (!existing) return { id: (await createBody(prisma, unit.id, wanted, by)).id, created: true };
    const before = { name: existing.name, functions: knownValues(existing.functions, CO_BUILDING_FUNCTIONS) };
    if (JSON.stringify(before) !== JSON.stringify(wanted)) {
      await updateBody(prisma, existing.id, { before, after: wanted }, by);
    }
    return { id: existing.id, created: false };
  };
  // Two first saves at once: the second finds the first's body and updates it.
  const saved = await save().catch((err: unknown) => {
    if (isUniqueViolation(err)) return save();
    throw err;
  });
  return { body: await bodyWithAll(prisma, saved.id), created: saved.created };
}

/** A unit stationed in the community joins its body; the same name again is the same member (else 409). */
export async function joinCoBuilding(
  deps: Deps,
  caller: Caller,
  input: { unitRef: string } & Omit<MemberDetails, 'contactName' | 'contactPhone'> & {
      contactName?: string;
      contactPhone?: string;
    },
): Promise<{ member: MemberRecord; created: boolean }> {
  const { prisma } = deps;
  const unit = await writableUnit(prisma, caller, input.unitRef);
  const body = await bodyOf(prisma, unit);
  notInFuture(deps.clock, 'joinedOn', input.joinedOn);
  const wanted: MemberDetails = {
    name: input.name,
    kind: input.kind,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    joinedOn: input.joinedOn,
  };
  const same = (m: MemberRecord) => {
    const stored: MemberDetails = {
      name: m.name,
      kind: m.kind,
      contactName: m.contactName,
      contactPhone: m.contactPhone,
      joinedOn: m.joinedOn.toISOString().slice(0, 10),
    };
    if (JSON.stringify(stored) !== JSON.stringify(wanted)) {
      throw ServiceError.conflict(
        'duplicate',
        `${body.name} 已有成员单位“${m.name}”，内容不同 / ${m.name} is already a member with different details`,
        'name',
      );
    }
    return { member: m, created: false };
  };
  const existing = await memberByName(prisma, body.id, input.name);
  if (existing) return same(existing);
  try {
    return {
      member: await createMember(prisma, body, wanted, { actor: actorOf(caller), now: deps.clock() }),
      created: true,
    };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A concurrent twin created it first.
    return same((await memberByName(prisma, body.id, input.name))!);
  }
}

/** A member unit's commitment letter: what it pledged (people, goods, money) and its value. */
export async function signCommitment(
  deps: Deps,
  caller: Caller,
  input: {
    memberId: string;
    /** What was entered, read once the member is found and writable (not found comes before a bad body). */
    entry: () => { pledge: string; kinds: readonly string[]; valueYuan?: number; signedOn: string };
  },
): Promise<CommitmentRecord> {
  const { prisma } = deps;
  const { memberId } = input;
  const member = isRecordId(memberId) ? await memberWithCommunity(prisma, memberId) : null;
  const community = member?.body.community;
  if (!member || !community || community.removedAt || !(await canRead(prisma, caller, community))) {
    throw ServiceError.notFound(`Co-building member ${memberId}`);
  }
  if (!canWrite(caller, community)) {
    throw new ServiceError(
      403,
      'forbidden',
      `只有 ${community.name} 的召集人（或管理员）可以登记承诺书 / Only the convener of ${community.code} (or an admin) may record commitments`,
    );
  }
  const entered = input.entry();
  notInFuture(deps.clock, 'signedOn', entered.signedOn);
  const kinds = knownValues(entered.kinds, PLEDGE_KINDS);
  return createCommitment(
    prisma,
    member,
    {
      pledge: entered.pledge,
      kinds,
      valueFen: entered.valueYuan === undefined ? null : yuanToFen(entered.valueYuan),
      signedOn: entered.signedOn,
    },
    entered,
    { actor: actorOf(caller), now: deps.clock() },
  );
}

/** A practical thing done (办实事) by the body, or by one of its members. */
export async function recordPracticalThing(
  deps: Deps,
  caller: Caller,
  input: { unitRef: string; doneOn: string; description: string; valueYuan: number; memberId?: string },
): Promise<{ thing: ThingRecord; memberName: string | null }> {
  const { prisma } = deps;
  const { unitRef, ...entered } = input;
  const unit = await writableUnit(prisma, caller, unitRef);
  const body = await bodyOf(prisma, unit);
  notInFuture(deps.clock, 'doneOn', input.doneOn);
  let memberName: string | null = null;
  if (input.memberId) {
    const member = await memberOfBody(prisma, input.memberId, body.id);
    if (!member) {
      throw ServiceError.badRequest(
        'memberId',
        `${input.memberId} 不是 ${body.name} 的成员单位 / Not a member unit of this co-building body`,
      );
    }
    memberName = member.name;
  }
  const thing = await createThing(
    prisma,
    body,
    {
      memberId: input.memberId ?? null,
      doneOn: input.doneOn,
      description: input.description,
      valueFen: yuanToFen(input.valueYuan),
    },
    entered,
    { actor: actorOf(caller), now: deps.clock() },
  );
  return { thing, memberName };
}
