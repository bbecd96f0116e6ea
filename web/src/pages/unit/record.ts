/** What a unit's page shows below its obligation: everything read for the unit in one load. */
import {
  type AgendaItem,
  type AgendaItemPage,
  api,
  type History,
  type MeetingList,
  type Meeting,
  type Notification,
  type NotificationPage,
  qs,
  type Unit,
} from '../../api';

export interface UnitRecord {
  history: History;
  meetings: Meeting[];
  register: AgendaItem[];
  queue: AgendaItem[];
  /** Items escalated to this unit earlier and no longer waiting for it (answered, sent further). */
  handled: AgendaItem[];
  notices: Notification[];
  /** Names of the units items went up to (those the caller may read). */
  names: Map<string, string>;
}

async function loadNotices(unitId: string): Promise<Notification[]> {
  const first = await api<NotificationPage>(`/api/notifications${qs({ unitId, limit: 500 })}`);
  if (first.total <= first.items.length) return first.items;
  // Oldest first: the newest 500 are on the last page.
  const last = await api<NotificationPage>(
    `/api/notifications${qs({ unitId, limit: 500, offset: first.total - 500 })}`,
  );
  return last.items;
}

/** The items escalated to this unit that are no longer in its queue, found through its receipts. */
async function loadHandled(notices: Notification[], known: Set<string>): Promise<AgendaItem[]> {
  // The receipts name every item that was escalated to this unit (escalation:<item id>).
  const handledIds = [
    ...new Set(
      notices
        .filter((n) => n.obligation.startsWith('escalation:'))
        .map((n) => n.obligation.slice('escalation:'.length))
        .filter((id) => !known.has(id)),
    ),
  ].slice(-100);
  return (
    await Promise.all(handledIds.map((id) => api<AgendaItem>(`/api/agenda-items/${id}`).catch(() => null)))
  ).filter((i): i is AgendaItem => i !== null);
}

/** Names of the units the items came from or went up to, as far as the caller may read them. */
async function loadNames(unit: Unit, register: AgendaItem[], from: AgendaItem[]): Promise<Map<string, string>> {
  const names = new Map<string, string>([[unit.id, unit.name]]);
  for (const item of from) names.set(item.unitId, item.unitName);
  const unknown = new Set(register.flatMap((i) => i.escalations.map((h) => h.toUnitId)).filter((id) => !names.has(id)));
  await Promise.all(
    [...unknown].map((id) =>
      api<Unit>(`/api/units/${id}`).then(
        (u) => names.set(id, u.name),
        () => undefined, // above the caller's scope: shown as "the level above"
      ),
    ),
  );
  return names;
}

export async function loadRecord(unit: Unit): Promise<UnitRecord> {
  const [history, meetings, register, queue, notices] = await Promise.all([
    api<History>(`/api/units/${unit.id}/history${qs({ limit: 100 })}`),
    api<MeetingList>(`/api/units/${unit.id}/meetings`),
    api<AgendaItemPage>(`/api/agenda-items${qs({ unitId: unit.id, limit: 500 })}`),
    api<AgendaItemPage>(`/api/agenda-items${qs({ currentUnitId: unit.id, limit: 500 })}`),
    loadNotices(unit.id),
  ]);
  const known = new Set([...register.items, ...queue.items].map((i) => i.id));
  const handled = await loadHandled(notices, known);
  const names = await loadNames(unit, register.items, [...queue.items, ...handled]);
  return {
    history,
    meetings: meetings.items,
    register: register.items,
    queue: queue.items.filter((i) => i.unitId !== unit.id),
    handled,
    notices,
    names,
  };
}
