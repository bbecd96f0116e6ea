/**
 * A community's co-building body, its members, their commitments and the things done, as the API
 * answers them (api/routes/co-building.ts).
 */
import type { z } from 'zod';
import {
  CO_BUILDING_FUNCTIONS,
  type coBuildingBody,
  type coBuildingCommitment,
  type coBuildingMember,
  type coBuildingSummary,
  type coBuildingThing,
  type MemberKind,
  PLEDGE_KINDS,
} from '../contract/co-building';
import { fenToYuan, knownValues } from '../../domain/co-building';
import type {
  BodyRecord,
  CoBuildingSummaryRecords,
  CommitmentRecord,
  MemberRecord,
  ThingRecord,
} from '../../records/co-building';

const localDate = (d: Date) => d.toISOString().slice(0, 10);

export function memberView(m: MemberRecord): z.infer<typeof coBuildingMember> {
  return {
    id: m.id,
    bodyId: m.bodyId,
    name: m.name,
    kind: m.kind as MemberKind,
    contactName: m.contactName,
    contactPhone: m.contactPhone,
    joinedOn: localDate(m.joinedOn),
    createdAt: m.createdAt.toISOString(),
  };
}

export function commitmentView(c: CommitmentRecord): z.infer<typeof coBuildingCommitment> {
  return {
    id: c.id,
    memberId: c.memberId,
    pledge: c.pledge,
    kinds: knownValues(c.kinds, PLEDGE_KINDS),
    valueYuan: c.valueFen === null ? null : fenToYuan(c.valueFen),
    signedOn: localDate(c.signedOn),
    createdAt: c.createdAt.toISOString(),
  };
}

export function thingView(t: ThingRecord, memberName: string | null): z.infer<typeof coBuildingThing> {
  return {
    id: t.id,
    bodyId: t.bodyId,
    doneOn: localDate(t.doneOn),
    description: t.description,
    valueYuan: fenToYuan(t.valueFen),
    memberId: t.memberId,
    memberName,
    recordedBy: t.recordedBy,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The body with its members, their commitments, the things done and the totals. */
export function bodyView(b: BodyRecord): z.infer<typeof coBuildingBody> {
  const names = new Map(b.members.map((m) => [m.id, m.name]));
  const commitments = b.members.flatMap((m) => m.commitments);
  const sum = (fens: number[]) => fenToYuan(fens.reduce((s, f) => s + f, 0));
  return {
    id: b.id,
    communityId: b.communityId,
    communityCode: b.community.code,
    communityName: b.community.name,
    name: b.name,
    functions: knownValues(b.functions, CO_BUILDING_FUNCTIONS),
    createdAt: b.createdAt.toISOString(),
    members: b.members.map((m) => {
      const own = b.things.filter((t) => t.memberId === m.id);
      return {
        ...memberView(m),
        commitments: m.commitments.map(commitmentView),
        thingsDone: own.length,
        valueYuan: sum(own.map((t) => t.valueFen)),
      };
    }),
    things: b.things.map((t) => thingView(t, t.memberId ? (names.get(t.memberId) ?? null) : null)),
    totals: {
      memberUnits: b.members.length,
      commitments: commitments.length,
      pledgedYuan: sum(commitments.map((c) => c.valueFen ?? 0)),
      thingsDone: b.things.length,
      valueYuan: sum(b.things.map((t) => t.valueFen)),
    },
  };
}

/** The co-building totals over the readable communities, per community, and the things done (for the ledger). */
export function coBuildingSummaryView(
  { bodies, members, commitments, things, streets }: CoBuildingSummaryRecords,
  q: { year?: number; streetId?: string },
  asOf: string,
) {
  const streetNames = new Map(streets.map((s) => [s.id, s.name]));
  const memberNames = new Map(members.map((m) => [m.id, m.name]));
  const communities = bodies.map((b) => {
    const own = commitments.filter((c) => c.member.bodyId === b.id);
    const done = things.filter((t) => t.bodyId === b.id);
    return {
      communityId: b.communityId,
      communityCode: b.community.code,
      communityName: b.community.name,
      streetId: b.community.streetId,
      streetName: b.community.streetId ? (streetNames.get(b.community.streetId) ?? null) : null,
      bodyId: b.id,
      bodyName: b.name,
      memberUnits: members.filter((m) => m.bodyId === b.id).length,
      commitments: own.length,
      pledgedFen: own.reduce((s, c) => s + (c.valueFen ?? 0), 0),
      thingsDone: done.length,
      valueFen: done.reduce((s, t) => s + t.valueFen, 0),
    };
  });
  const total = (pick: (c: (typeof communities)[number]) => number) => communities.reduce((s, c) => s + pick(c), 0);
  const bodiesById = new Map(bodies.map((b) => [b.id, b]));
  const summary: z.infer<typeof coBuildingSummary> = {
    year: q.year ?? null,
    ...(q.streetId ? { streetId: q.streetId } : {}),
    asOf,
    totals: {
      bodies: bodies.length,
      memberUnits: total((c) => c.memberUnits),
      commitments: total((c) => c.commitments),
      pledgedYuan: fenToYuan(total((c) => c.pledgedFen)),
      thingsDone: total((c) => c.thingsDone),
      valueYuan: fenToYuan(total((c) => c.valueFen)),
    },
    communities: communities.map(({ pledgedFen, valueFen, ...c }) => ({
      ...c,
      pledgedYuan: fenToYuan(pledgedFen),
      valueYuan: fenToYuan(valueFen),
    })),
  };
  return {
    summary,
    things: things.map((t) => ({
      ...thingView(t, t.memberId ? (memberNames.get(t.memberId) ?? null) : null),
      body: bodiesById.get(t.bodyId)!,
    })),
  };
}

export type CoBuildingSummaryView = ReturnType<typeof coBuildingSummaryView>;
