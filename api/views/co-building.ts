/**
 * A community's co-building body, its members, their commitments and the things done, as the API
 * answers them (api/routes/co-building.ts).
 */
import type { Prisma } from '@prisma/client';
import type { z } from 'zod';
import {
  CO_BUILDING_FUNCTIONS,
  type coBuildingBody,
  type coBuildingCommitment,
  type coBuildingMember,
  type coBuildingThing,
  type MemberKind,
  PLEDGE_KINDS,
} from '../contract/co-building';
import { fenToYuan } from '../../domain/co-building';

const localDate = (d: Date) => d.toISOString().slice(0, 10);

export const bodyInclude = {
  community: true,
  members: {
    orderBy: [{ joinedOn: 'asc' }, { name: 'asc' }],
    include: { commitments: { orderBy: [{ signedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
  },
  things: { orderBy: [{ doneOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.CoBuildingBodyInclude;

export type BodyRecord = Prisma.CoBuildingBodyGetPayload<{ include: typeof bodyInclude }>;

export type MemberRecord = Prisma.CoBuildingMemberGetPayload<object>;

export type CommitmentRecord = Prisma.CommitmentGetPayload<object>;

export type ThingRecord = Prisma.PracticalThingGetPayload<object>;

/** A Json array of known values, in their canonical order. */
export function knownValues<T extends string>(stored: unknown, values: readonly T[]): T[] {
  const given = new Set(Array.isArray(stored) ? stored : []);
  return values.filter((v) => given.has(v));
}

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
