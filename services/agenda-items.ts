/**
 * Agenda items (议题) of a level: the register as the caller may read it, an item put on a
 * meeting's agenda, an item resolved at its own level. What every act on an item shares lives
 * here too: finding the item in the caller's scope, the convener's right to act, and the result
 * the acts answer with. The escalation (议题上移) acts are in services/escalation.ts.
 */
import { actorOf, canRead, canWrite, type Caller, readableUnitIds, isRecordId } from '../records/scope';
import type { Unit } from '@prisma/client';
import { overdueCutoff } from '../domain/calendar';
import { shanghaiDateOf } from '../domain/period';
import { insertItem, markResolved, type NewItem } from '../records/agenda-item-changes';
import {
  type ItemRecord,
  ItemStateError,
  listItemIds,
  loadItem,
  meetingWithUnit,
  unitOfItem,
} from '../records/agenda-items';
import { loadWorkingCalendar } from '../records/calendar';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

type Reads = Pick<ServiceDeps, 'prisma' | 'clock'>;

/** What an act on an item answers with: the item as it stands now, and what the workflow was told. */
export interface ItemActResult {
  item: ItemRecord;
  /** Today's overdue cut-off (domain/calendar.ts `overdueCutoff`), for the item's `overdue`. */
  overdueBefore: string;
  /** Whether the act wrote something (false: a repeat, answered with what is there). */
  created: boolean;
  /** Whether the item's workflow was told (absent when there was nothing to tell). */
  workflowNotified?: boolean;
  /** An extension: where the workflow stands now (null: it has not confirmed yet). */
  workflow?: unknown;
}

/** The audit trail's "who". */

/** Today's overdue cut-off: deadlines before it are overdue (from the first working day after them). */
export async function overdueBefore({ prisma, clock }: Reads): Promise<string> {
  return overdueCutoff(await loadWorkingCalendar(prisma), shanghaiDateOf(clock()));
}

/** The item as the caller may see it: outside their scope (or no such item) it is not found. */
export async function findItem(
  { prisma }: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  id: string,
): Promise<ItemRecord> {
  const item = isRecordId(id) ? await loadItem(prisma, id) : null;
  if (!item || !(await canRead(prisma, caller, item.unit))) throw ServiceError.notFound(`Agenda item ${id}`);
  return item;
}

/** Only this unit's convener (or an admin) may `what` here. */
export async function mustConvene(
  { prisma }: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  unitId: string,
  what: string,
): Promise<Unit> {
  const unit = await unitOfItem(prisma, unitId);
  if (!canWrite(caller, unit)) {
    throw new ServiceError(403, 'forbidden', `Only the convener of ${unit.name} (or an admin) may ${what}`);
  }
  return unit;
}

/** A transition the record refuses (records' ItemStateError) as the service's error: 409, or 400 naming the field. */
export function refused(err: unknown): never {
  if (err instanceof ItemStateError) {
    if (err.status === 400) throw ServiceError.badRequest(err.field ?? 'body', err.message);
    throw ServiceError.conflict(err.code, err.message, err.field);
  }
  throw err;
}

/** The item as it stands after an act. */
export async function resultOf(
  deps: Reads,
  itemId: string,
  created: boolean,
  told: Pick<ItemActResult, 'workflowNotified' | 'workflow'> = {},
): Promise<ItemActResult> {
  return { item: (await loadItem(deps.prisma, itemId))!, overdueBefore: await overdueBefore(deps), created, ...told };
}

export interface ItemListQuery {
  unitId?: string;
  currentUnitId?: string;
  state?: ItemRecord['state'];
  limit: number;
  offset: number;
}

/**
 * The register (台账): items a unit raised, or its queue (items it must act on now), within the
 * caller's scope (asking for a foreign unit's register finds nothing). A unit's queue holds items
 * from below it, which are in its subtree: readable to its convener.
 */
export async function listItems(
  deps: Reads,
  caller: Caller,
  q: ItemListQuery,
): Promise<{ items: ItemRecord[]; total: number; overdueBefore: string }> {
  const readable = await readableUnitIds(deps.prisma, caller);
  const { ids, total } = await listItemIds(deps.prisma, { ...q, readable });
  const items = await Promise.all(ids.map(async (id) => (await loadItem(deps.prisma, id))!));
  return { items, total, overdueBefore: await overdueBefore(deps) };
}

/** Add an item to a meeting's agenda (the meeting's convener). */
export async function raiseItem(
  deps: Reads,
  caller: Caller,
  input: { meetingId: string; item: NewItem },
): Promise<ItemActResult> {
  const { prisma, clock } = deps;
  const meeting = isRecordId(input.meetingId) ? await meetingWithUnit(prisma, input.meetingId) : null;
  if (!meeting || meeting.unit.removedAt || !(await canRead(prisma, caller, meeting.unit)))
    throw ServiceError.notFound(`Meeting ${input.meetingId}`);
  await mustConvene(deps, caller, meeting.unitId, 'add items to its meetings');
  const now = clock();
  const created = await prisma.$transaction((tx) => insertItem(tx, meeting, input.item, actorOf(caller), now));
  return resultOf(deps, created.id, true);
}

/** Resolved at its own level (an open item only: an escalated one closes with an answer). */
export async function resolveItem(
  deps: Reads,
  caller: Caller,
  input: { itemId: string; resolution: string },
): Promise<ItemActResult> {
  const { prisma, clock } = deps;
  const item = await findItem(deps, caller, input.itemId);
  await mustConvene(deps, caller, item.unitId, 'resolve its items');
  if (item.state === 'resolved' && item.resolution === input.resolution) return resultOf(deps, item.id, false);
  if (item.state !== 'open') {
    throw ServiceError.conflict(
      'item_state',
      `Item ${item.id} is ${item.state}: only an open item is resolved at its own level (an escalated item closes when its answer is confirmed)`,
    );
  }
  const now = clock();
  await prisma.$transaction((tx) => markResolved(tx, item, input.resolution, actorOf(caller), now));
  return resultOf(deps, item.id, true);
}
