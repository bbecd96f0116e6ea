/**
 * The API client: JSON over fetch with the login token, the API's error shape
 * ({error: {code, message, field}}) as an ApiFailure, and the response types the pages use: names
 * for the OpenAPI document's schemas, whose types are GENERATED into ./api-types.ts
 * (`npm run contract:types`; never written by hand).
 */
import type { components } from './api-types';

type Schemas = components['schemas'];

export type Role = Schemas['User']['role'];
export type Level = Schemas['Unit']['level'];
export const LEVELS: readonly Level[] = ['city', 'street', 'community', 'compound', 'building'];

export type User = Schemas['User'];
export type UserList = Schemas['UserList'];
export type LoginResult = Schemas['LoginResult'];
export type UiConfig = Schemas['UiConfig'];
export type Unit = Schemas['Unit'];
/** GET /api/units (the schema is named UnitPage; the unit's page is a component of that name). */
export type UnitsPage = Schemas['UnitPage'];
export type DirectoryPage = Schemas['DirectoryPage'];

export type Obligation = Schemas['ObligationStatus'];
export type History = Schemas['UnitHistory'];
export type ClosedPeriod = History['periods'][number];
export type Notice = ClosedPeriod['notices'][number];
export type Meeting = Schemas['Meeting'];
export type MeetingList = Schemas['MeetingList'];
export type EscalationHop = Schemas['EscalationHop'];
export type Answer = Schemas['AgendaAnswer'];
export type AgendaItem = Schemas['AgendaItem'];
export type AgendaItemPage = Schemas['AgendaItemPage'];
export type ItemState = AgendaItem['state'];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type FigureRow = Schemas['FigureRow'];
export type Figures = Schemas['Figures'];
export type OverduePage = Schemas['OverduePage'];
export type OverdueUnit = OverduePage['items'][number];
export type VisitsPage = Schemas['VisitsPage'];
export type VisitRow = VisitsPage['items'][number];
export type EscalationPage = Schemas['EscalationPage'];
export type EscalationRow = EscalationPage['items'][number];
export type AttendanceTable = Schemas['AttendanceTable'];
export type AttendanceRow = AttendanceTable['items'][number];
export type Campaign = Schemas['EvaluationCampaign'];
export type CampaignPage = Schemas['EvaluationCampaignPage'];

// --- Working-day calendar (the State Council's yearly holiday notice) ------------------------

export type CalendarYears = Schemas['CalendarCoverage'];
export type CalendarYearRow = CalendarYears['items'][number];
export type CalendarSource = CalendarYearRow['source'];
export type CalendarYear = Schemas['CalendarYear'];
export type NoticeResult = Schemas['CalendarYearAnswer'];
export type NoticeDay = NoticeResult['offDays'][number];
export type CalendarDays = Schemas['CalendarDays'];
export type CalendarDay = CalendarDays['items'][number];
export type DayReason = CalendarDay['reason'];

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

export type DuePage = Schemas['DuePage'];
export type UnitDue = DuePage['items'][number];
export type DueThisWeek = Schemas['DueThisWeek'];
export type DueKind = DueThisWeek['items'][number]['kind'];
export type ChildrenStatus = Schemas['ChildrenStatus'];
