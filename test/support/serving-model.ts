/**
 * An explicit model of the third entry's notices (在职党员双报到): from the rule (data), the working
 * calendar and what happened (registrations, claims, services, receipts, removals), the ledger rows
 * the rules promise — (obligation, periodKey, step, recipient) and the Shanghai day each falls due.
 *
 * Deliberately independent of the product's code: working days come straight from the
 * `chinese-days` package's lists (weekends off, listed holidays off, listed make-up days on), the
 * periods are spelled out here, and the rules are read from the brief's ledger table:
 *
 * - need-claim:<claimId> — periodKey = neededOn; `claim-unconfirmed` to the member (skipped when the
 *   member has no email) at 09:00 of the `claimConfirmWithinDays`-th working day after neededOn if
 *   the claim is still open then; `claim-unconfirmed-community` to the community's convener
 *   `claimCommunityAfterDays` working days after that, if still open.
 * - serving-participation:<memberId> — periodKey "2026" / "2026-H2"; `reminder-<n>` to the member at
 *   09:00 of the n-th working day before the period's last working day while the member has fewer
 *   than `minServices` services dated in the period (a reminder whose time was past at registration
 *   is sent then only if no later reminder is also past); nothing after the member is removed;
 *   nothing at the close (members below the minimum are a list, not a notice).
 * - serving-feedback:<communityId> — periodKey "2026-Q3"; on the first working day after the
 *   quarter, `feedback:<employerCode>` to the contact of each employer with members of this
 *   community registered before the quarter ended and not removed before it ended; unconfirmed
 *   `receiptWithinDays` working days later → `receipt-reminder:<employerCode>` to the contact;
 *   `receiptOfficeAfterDays` working days after the reminder, still unconfirmed →
 *   `receipt-office:<employerCode>` to every active supervisor.
 *
 * Notices go at 09:00 Asia/Shanghai plus a subject's offset inside the first ten minutes
 * (domain/cadence.ts NOTICE_SPREAD_SECONDS): an event inside that window would make the answer
 * depend on the offset, so the model refuses such a scenario rather than guess.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';

export type Day = string; // YYYY-MM-DD, Asia/Shanghai

export interface ModelRule {
  participationPeriod: 'year' | 'half';
  minServices: number;
  participationReminderLadder: number[];
  claimConfirmWithinDays: number;
  claimCommunityAfterDays: number;
  receiptWithinDays: number;
  receiptOfficeAfterDays: number;
}

export interface ModelCommunity {
  id: string;
  convenerEmail: string;
}
export interface ModelEmployer {
  id: string;
  code: string;
  contactEmail: string;
}
export interface ModelMember {
  id: string;
  email: string | null;
  communityId: string;
  employerId: string;
  /** Epoch ms of the registration (the participation obligation starts then). */
  registeredAt: number;
  removedAt?: number;
}
export interface ModelClaim {
  id: string;
  memberId: string;
  neededOn: Day;
  claimedAt: number;
  /** Done or cancelled at (epoch ms); open until the end otherwise. */
  closedAt?: number;
}
export interface ModelService {
  memberId: string;
  servedOn: Day;
  recordedAt: number;
}
export interface ModelReceipt {
  communityId: string;
  employerId: string;
  periodKey: string;
  confirmedAt: number;
}

export interface ServingScenario {
  rule: ModelRule;
  communities: ModelCommunity[];
  employers: ModelEmployer[];
  members: ModelMember[];
  claims: ModelClaim[];
  services: ModelService[];
  receipts: ModelReceipt[];
  /** Active supervisors' emails (the office). */
  supervisors: string[];
  /** When each community's feedback workflow runs from (epoch ms). */
  feedbackFrom: number;
  /** The rows due up to this instant (epoch ms). */
  until: number;
}

export interface LedgerRow {
  obligation: string;
  periodKey: string;
  step: string;
  recipient: string;
  /** The Shanghai day the notice falls due (09:00 plus the subject's offset). */
  day: Day;
}

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const SPREAD_MS = 600_000;

/* ---- calendar, straight from the package's lists ---- */

const holidays = chineseDays.holidays as Record<string, string>;
const workdays = chineseDays.workdays as Record<string, string>;

function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function plusDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWorking(day: Day): boolean {
  if (!day.startsWith('2026')) throw new RangeError(`The model knows 2026 only: ${day}`);
  if (workdays[day] !== undefined) return true;
  if (holidays[day] !== undefined) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The n-th working day after (n > 0) or before (n < 0) `day`, not counting `day` itself. */
export function workingDaysFrom(day: Day, n: number): Day {
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`workingDaysFrom(${day}, ${n})`);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = day;
  while (left > 0) {
    d = plusDays(d, step);
    if (isWorking(d)) left -= 1;
  }
  return d;
}

export function lastWorkingDay(first: Day, last: Day): Day {
  for (let d = last; d >= first; d = plusDays(d, -1)) if (isWorking(d)) return d;
  throw new RangeError(`No working day in ${first}…${last}`);
}

/** 09:00 Asia/Shanghai of a day (epoch ms). */
export function nineOn(day: Day): number {
  return Date.parse(`${day}T09:00:00+08:00`);
}

export function dayOf(ms: number): Day {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
}

/* ---- periods (only what the scenario needs) ---- */

interface ModelPeriod {
  key: string;
  first: Day;
  last: Day;
}

const pad = (n: number) => String(n).padStart(2, '0');
function monthEnd(year: number, month: number): Day {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function participationPeriodOf(day: Day, unit: 'year' | 'half'): ModelPeriod {
  const year = Number(day.slice(0, 4));
  if (unit === 'year') return { key: String(year), first: `${year}-01-01`, last: `${year}-12-31` };
  const second = Number(day.slice(5, 7)) > 6;
  return second
    ? { key: `${year}-H2`, first: `${year}-07-01`, last: `${year}-12-31` }
    : { key: `${year}-H1`, first: `${year}-01-01`, last: `${year}-06-30` };
}

export function quarterOf(day: Day): ModelPeriod {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return { key: `${year}-Q${q}`, first: `${year}-${pad(q * 3 - 2)}-01`, last: monthEnd(year, q * 3) };
}

/* ---- the model ---- */

/** Refuse a scenario where an event falls inside the notice window of a decision it decides. */
function decide(event: number | undefined, notice: number, what: string): boolean {
  if (event === undefined) return false;
  if (event >= notice && event < notice + SPREAD_MS)
    throw new Error(`Model: ${what} at ${new Date(event).toISOString()} is inside the notice window`);
  return event < notice;
}

function needClaimRows(s: ServingScenario, byId: Map<string, ModelMember>): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const c of s.claims) {
    const member = byId.get(c.memberId);
    if (!member) throw new Error(`Model: claim ${c.id} of an unknown member`);
    const community = s.communities.find((x) => x.id === member.communityId)!;
    const obligation = `need-claim:${c.id}`;
    const memberDay = workingDaysFrom(c.neededOn, s.rule.claimConfirmWithinDays);
    const communityDay = workingDaysFrom(memberDay, s.rule.claimCommunityAfterDays);
    for (const [day, step, recipient] of [
      [memberDay, 'claim-unconfirmed', member.email],
      [communityDay, 'claim-unconfirmed-community', community.convenerEmail],
    ] as const) {
      const at = nineOn(day);
      if (at > s.until) continue;
      if (decide(c.closedAt, at, `claim ${c.id} closed`)) continue;
      if (recipient) rows.push({ obligation, periodKey: c.neededOn, step, recipient, day });
    }
  }
  return rows;
}

function participationRows(s: ServingScenario): LedgerRow[] {
  const rows: LedgerRow[] = [];
  const ladder = [...new Set(s.rule.participationReminderLadder)].filter((n) => n > 0).sort((a, b) => b - a);
  for (const m of s.members) {
    let period = participationPeriodOf(dayOf(m.registeredAt), s.rule.participationPeriod);
    for (;;) {
      const due = lastWorkingDay(period.first, period.last);
      const steps = ladder.map((n) => ({ n, at: nineOn(workingDaysFrom(due, -n)) }));
      for (const [i, { n, at }] of steps.entries()) {
        if (at > s.until) break;
        const later = steps[i + 1];
        if (later && later.at <= m.registeredAt) continue; // overtaken by a later reminder
        const sentAt = Math.max(at, m.registeredAt);
        if (decide(m.removedAt, sentAt, `member ${m.id} removed`)) break;
        const counted = s.services.filter(
          (x) =>
            x.memberId === m.id &&
            x.servedOn >= period.first &&
            x.servedOn <= period.last &&
            decide(x.recordedAt, sentAt, `service of ${m.id} recorded`),
        ).length;
        if (counted >= s.rule.minServices || !m.email) continue;
        rows.push({
          obligation: `serving-participation:${m.id}`,
          periodKey: period.key,
          step: `reminder-${n}`,
          recipient: m.email,
          day: dayOf(sentAt),
        });
      }
      const next = plusDays(period.last, 1);
      if (nineOn(next) > s.until) break;
      period = participationPeriodOf(next, s.rule.participationPeriod);
    }
  }
  return rows;
}

function feedbackRows(s: ServingScenario): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const community of s.communities) {
    const obligation = `serving-feedback:${community.id}`;
    for (let q = quarterOf(dayOf(s.feedbackFrom)); ; q = quarterOf(plusDays(q.last, 1))) {
      if (nineOn(plusDays(q.last, 1)) > s.until) break;
      const sendDay = workingDaysFrom(q.last, 1);
      if (nineOn(sendDay) > s.until) break;
      const endsAt = Date.parse(`${plusDays(q.last, 1)}T00:00:00+08:00`);
      const employerIds = new Set(
        s.members
          .filter(
            (m) =>
              m.communityId === community.id &&
              m.registeredAt < endsAt &&
              (m.removedAt === undefined || m.removedAt >= endsAt),
          )
          .map((m) => m.employerId),
      );
      const reminderDay = workingDaysFrom(sendDay, s.rule.receiptWithinDays);
      const officeDay = workingDaysFrom(reminderDay, s.rule.receiptOfficeAfterDays);
      for (const employer of s.employers.filter((e) => employerIds.has(e.id))) {
        const row = (step: string, recipient: string, day: Day): LedgerRow => ({
          obligation,
          periodKey: q.key,
          step: `${step}:${employer.code}`,
          recipient,
          day,
        });
        rows.push(row('feedback', employer.contactEmail, sendDay));
        const confirmedAt = s.receipts.find(
          (r) => r.communityId === community.id && r.employerId === employer.id && r.periodKey === q.key,
        )?.confirmedAt;
        const what = `receipt of ${employer.code} in ${community.id}`;
        if (nineOn(reminderDay) > s.until || decide(confirmedAt, nineOn(reminderDay), what)) continue;
        rows.push(row('receipt-reminder', employer.contactEmail, reminderDay));
        if (nineOn(officeDay) > s.until || decide(confirmedAt, nineOn(officeDay), what)) continue;
        for (const supervisor of s.supervisors) rows.push(row('receipt-office', supervisor, officeDay));
      }
    }
  }
  return rows;
}

/** Every ledger row the rules promise for the scenario, due by `until`, sorted. */
export function expectedServingLedger(s: ServingScenario): LedgerRow[] {
  const byId = new Map(s.members.map((m) => [m.id, m]));
  return [...needClaimRows(s, byId), ...participationRows(s), ...feedbackRows(s)].sort((a, b) =>
    rowKey(a).localeCompare(rowKey(b)),
  );
}

/** One row as a line, for comparing lists. */
export function rowKey(r: Omit<LedgerRow, 'day'> & { day?: Day }): string {
  return `${r.obligation} ${r.periodKey} ${r.step} ${r.recipient}${r.day ? ` ${r.day}` : ''}`;
}
