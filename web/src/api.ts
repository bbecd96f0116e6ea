/**
 * The API client: JSON over fetch with the login token, the API's error shape
 * ({error: {code, message, field}}) as an ApiFailure, and the response types the pages use
 * (a subset of the OpenAPI document's schemas, /openapi.json).
 */

export type Role = 'admin' | 'supervisor' | 'convener' | 'leader' | 'department' | 'rater';
export type Level = 'city' | 'street' | 'community' | 'compound' | 'building';
export const LEVELS: readonly Level[] = ['city', 'street', 'community', 'compound', 'building'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  disabled?: boolean;
  /** A temporary password set by an admin: the change-password form comes first. */
  mustChangePassword?: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export interface UiConfig {
  temporalUiUrl: string | null;
  namespace: string;
  /** The workflows carry the search attributes (UnitCode, …): a unit's workflows can be listed. */
  searchAttributes?: boolean;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  level: Level;
  parentId: string | null;
  streetId: string | null;
  convenerName: string;
  convenerEmail: string;
  convenerPhone: string | null;
  obligationWorkflowId: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Obligation {
  workflowId: string;
  state: 'starting' | 'watching' | 'ended';
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  minMeetings: number;
  outcome: 'met' | 'overdue' | null;
  nextNotice: { step: string; at: string } | null;
}

export interface Notice {
  step: string;
  recipient: string;
  channel: string;
  status: string;
  sentAt: string | null;
}

export interface ClosedPeriod {
  /** The unit's meeting obligation, or a paired leader's visits. */
  obligation: 'meeting' | 'leader-visit';
  leader: { id: string; name: string } | null;
  periodKey: string;
  dueDate: string;
  status: 'met' | 'overdue';
  meetingsHeld: number;
  closedAt: string;
  correctedAt: string | null;
  notices: Notice[];
}

export interface History {
  unit: Unit;
  periods: ClosedPeriod[];
}

export interface Meeting {
  id: string;
  unitId: string;
  heldOn: string;
  kind: 'regular' | 'adhoc';
  periodKey: string;
  attendees: string[];
  minutes: string | null;
}

export interface EscalationHop {
  id: string;
  hop: number;
  fromUnitId: string;
  toUnitId: string;
  what: string;
  whyNotSolvable: string;
  ask: string;
  minutes: string;
  escalatedAt: string;
  escalatedBy: string;
  scheduleBy: string;
  answerBy: string;
  takenUpMeetingId: string | null;
  takenUpAt: string | null;
  state: 'pending' | 'taken_up' | 'answered' | 'escalated_further';
}

export interface Answer {
  id: string;
  outcome: 'resolved' | 'scheduled' | 'declined';
  text: string;
  handleBy: string | null;
  reason: string | null;
  answeredBy: string;
  answeredAt: string;
  response: 'confirmed' | 'disputed' | null;
  responseReason: string | null;
  respondedAt: string | null;
}

export type ItemState = 'open' | 'resolved' | 'escalated' | 'taken_up' | 'answered' | 'disputed' | 'confirmed';

export interface AgendaItem {
  id: string;
  meetingId: string;
  unitId: string;
  unitName: string;
  title: string;
  description: string | null;
  raisedBy: string;
  state: ItemState;
  currentUnitId: string;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
  overdue: boolean;
  workflowId: string | null;
  escalations: EscalationHop[];
  feedback: Answer[];
}

export interface Notification {
  id: string;
  unitId: string;
  obligation: string;
  periodKey: string;
  step: string;
  audience: string;
  recipient: string;
  subject: string;
  channel: string;
  channelNote: string | null;
  status: string;
  scheduledFor: string;
  sentAt: string | null;
  createdAt: string;
}

export interface FigureRow {
  level: Level | 'total';
  meetingsHeld: number;
  itemsRaised: number;
  resolvedAtOwnLevel: number;
  open: number;
  escalated: number;
  escalatedAnswered: number;
  escalatedResolved: number;
  pending: number;
  overdue: number;
}

export interface Figures {
  period: string;
  from: string;
  to: string;
  asOf: string;
  rows: FigureRow[];
}

export interface OverdueUnit {
  id: string;
  code: string;
  name: string;
  level: Level;
  streetId: string | null;
  convenerName: string;
  periodKey: string;
  dueAt: string;
  meetingsHeld: number;
}

export interface VisitRow {
  leaderId: string;
  code: string;
  name: string;
  title: string | null;
  community: { id: string; name: string };
  visits: number;
  minVisits: number;
  lastVisitOn: string | null;
  status: 'visited' | 'pending' | 'overdue';
}

export interface VisitsPage extends Page<VisitRow> {
  period: string;
  dueDate: string;
}

export interface EscalationRow {
  agendaItemId: string;
  title: string;
  raisedByUnit: { id: string; name: string };
  hop: number;
  toUnit: { id: string; name: string; level: Level | null };
  state: 'pending' | 'taken_up';
  escalatedAt: string;
  scheduleBy: string;
  answerBy: string;
  overdue: boolean;
}

export interface AttendanceRow {
  department: { id: string; code: string; name: string };
  community: { id: string; name: string };
  meetings: number;
  attended: number;
  absentInARow: number;
  flagged: boolean;
}

export interface AttendanceTable {
  period: string;
  absenceThreshold: number;
  items: AttendanceRow[];
}

export interface Campaign {
  id: string;
  communityId: string;
  communityName: string;
  streetId: string | null;
  year: number;
  status: 'scheduled' | 'open' | 'closed' | 'cancelled';
  quorum: number;
  raters: number;
  quorumMet: boolean;
  opensOn: string;
  closesOn: string;
  workflowId: string;
}

// --- Working-day calendar (the State Council's yearly holiday notice) ------------------------

export type CalendarSource = 'package' | 'notice' | 'admin' | 'missing';

export interface CalendarYearRow {
  year: number;
  source: CalendarSource;
  offDays: number;
  makeupWorkdays: number;
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface CalendarYears {
  currentYear: number;
  /** Of currentYear and currentYear + 1, those without data (working days: Monday to Friday). */
  missing: number[];
  items: CalendarYearRow[];
}

export interface CalendarYear {
  year: number;
  source: CalendarSource;
  offDays: string[];
  makeupWorkdays: string[];
  names: Record<string, string>;
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface NoticeDay {
  date: string;
  /** 0..6, 0 = Sunday */
  weekday: number;
  holiday: string;
}

export interface NoticeResult {
  year: number;
  confirmed: boolean;
  holidays: { name: string; line: number; offDays: string[]; makeupWorkdays: string[] }[];
  offDays: NoticeDay[];
  makeupWorkdays: NoticeDay[];
  /** Due dates that differ from Monday-to-Friday counting: period '2027-01' | '2027-Q1' | '2027'. */
  changedDueDates: { period: string; weekdaysOnly: string; withNotice: string }[];
  replaces: CalendarSource;
  /** "zh / en": closed periods are not changed. */
  closedPeriods: string | null;
  /** Confirm only: the open obligations and escalations whose dates moved. */
  moved: { meetingObligations: number; visitObligations: number; escalations: number } | null;
}

export type DayReason = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface CalendarDay {
  date: string;
  working: boolean;
  reason: DayReason;
  holiday: string | null;
  source: CalendarSource;
}

// --- The client -----------------------------------------------------------------------------

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => undefined;

/** The login token every call sends, and what to do when it is no longer accepted. */
export function configureApi(next: { token: string | null; onUnauthorized?: () => void }): void {
  token = next.token;
  if (next.onUnauthorized) onUnauthorized = next.onUnauthorized;
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

async function failure(res: Response): Promise<ApiFailure> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // not JSON: keep the status
  }
  return new ApiFailure(
    res.status,
    body.error?.code ?? 'http_' + String(res.status),
    body.error?.message ?? res.statusText,
    body.error?.field,
  );
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Makes a retried POST harmless (the API answers the first result again). */
  idempotencyKey?: string;
  /** No token (login). */
  anonymous?: boolean;
}

/** Call the API; resolves with the JSON body, rejects with ApiFailure. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token && !options.anonymous) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const f = await failure(res);
    if (res.status === 401 && !options.anonymous) onUnauthorized();
    throw f;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Download a file the API makes (an XLSX ledger) with the token, under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const f = await failure(res);
    if (res.status === 401) onUnauthorized();
    throw f;
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A fresh Idempotency-Key (getRandomValues: randomUUID needs HTTPS, an intranet may serve HTTP). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Temporal Web UI page of a workflow, when the deployment knows its address. */
/** The Temporal Web UI's list of a unit's workflows (`UnitCode="<code>"`), where they are indexed. */
export function unitWorkflowsUrl(config: UiConfig | null, unitCode: string): string | null {
  if (!config?.temporalUiUrl || !config.searchAttributes) return null;
  const base = config.temporalUiUrl.replace(/\/+$/, '');
  const query = encodeURIComponent(`UnitCode="${unitCode}"`);
  return `${base}/namespaces/${encodeURIComponent(config.namespace)}/workflows?query=${query}`;
}

export function workflowUrl(config: UiConfig | null, workflowId: string | null | undefined): string | null {
  if (!config?.temporalUiUrl || !workflowId) return null;
  const base = config.temporalUiUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

// --- Before the deadline (api/contract/due.ts) -------------------------------------------------

export interface UnitDue {
  unit: { id: string; code: string; name: string; level: Level; streetId: string | null; parentId: string | null };
  streetName: string | null;
  convenerName: string;
  convenerEmail: string;
  periodKey: string;
  dueOn: string;
  minMeetings: number;
  meetingsHeld: number;
  met: boolean;
  workingDaysLeft: number;
  daysLeft: number;
  lastReminder: { step: string; sentAt: string; recipient: string } | null;
}

export interface DuePage extends Page<UnitDue> {
  today: string;
}

export type DueKind = 'meeting' | 'visit' | 'escalation_schedule' | 'escalation_answer' | 'evaluation';

export interface DueThisWeek {
  from: string;
  to: string;
  isoWeek: string;
  items: {
    kind: DueKind;
    dueOn: string;
    workingDaysLeft: number;
    daysLeft: number;
    subject: string;
    unit: { id: string; code: string; name: string; level: Level };
    progress: { done: number; required: number } | null;
    refId: string;
  }[];
}

export interface ChildrenStatus {
  today: string;
  unit: { id: string; code: string; name: string; level: Level };
  items: UnitDue[];
}
