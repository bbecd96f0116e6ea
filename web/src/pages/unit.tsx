/**
 * A unit's page. For everyone who may read the unit: its meeting obligation this period (from the
 * workflow, with a link to it in the Temporal Web UI), the items escalated to it, its own item
 * register and its timeline — meetings, items, escalations, answers, closed periods and every
 * notice sent (the receipts). For the unit's own convener also the forms: record a meeting
 * (attendees, minutes, agenda items, escalated items taken up), escalate or resolve an item,
 * take up and answer an item from below, confirm or dispute an answer from above.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  type AgendaItem,
  api,
  type History,
  type Meeting,
  newKey,
  type Notification,
  type Obligation,
  type Page,
  qs,
  type Unit,
} from '../api';
import { useI18n } from '../i18n';
import { shanghaiDay, todayShanghai } from '../periods';
import { Link, useLocation } from '../router';
import { isOffice, useSession } from '../session';
import { type AsyncState, Chip, ErrorNote, Loaded, scrollIntoView, type Tone, useAsync, WorkflowLink } from '../ui';
import { ChildrenStatusCard } from './due';

interface UnitRecord {
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
  const first = await api<Page<Notification>>(`/api/notifications${qs({ unitId, limit: 500 })}`);
  if (first.total <= first.items.length) return first.items;
  // Oldest first: the newest 500 are on the last page.
  const last = await api<Page<Notification>>(
    `/api/notifications${qs({ unitId, limit: 500, offset: first.total - 500 })}`,
  );
  return last.items;
}

async function loadRecord(unit: Unit): Promise<UnitRecord> {
  const [history, meetings, register, queue, notices] = await Promise.all([
    api<History>(`/api/units/${unit.id}/history${qs({ limit: 100 })}`),
    api<{ items: Meeting[] }>(`/api/units/${unit.id}/meetings`),
    api<Page<AgendaItem>>(`/api/agenda-items${qs({ unitId: unit.id, limit: 500 })}`),
    api<Page<AgendaItem>>(`/api/agenda-items${qs({ currentUnitId: unit.id, limit: 500 })}`),
    loadNotices(unit.id),
  ]);
  // The receipts name every item that was escalated to this unit (escalation:<item id>).
  const known = new Set([...register.items, ...queue.items].map((i) => i.id));
  const handledIds = [
    ...new Set(
      notices
        .filter((n) => n.obligation.startsWith('escalation:'))
        .map((n) => n.obligation.slice('escalation:'.length))
        .filter((id) => !known.has(id)),
    ),
  ].slice(-100);
  const handled = (
    await Promise.all(handledIds.map((id) => api<AgendaItem>(`/api/agenda-items/${id}`).catch(() => null)))
  ).filter((i): i is AgendaItem => i !== null);
  const names = new Map<string, string>([[unit.id, unit.name]]);
  for (const item of [...queue.items, ...handled]) names.set(item.unitId, item.unitName);
  const unknown = new Set(
    register.items.flatMap((i) => i.escalations.map((h) => h.toUnitId)).filter((id) => !names.has(id)),
  );
  await Promise.all(
    [...unknown].map((id) =>
      api<Unit>(`/api/units/${id}`).then(
        (u) => names.set(id, u.name),
        () => undefined, // above the caller's scope: shown as "the level above"
      ),
    ),
  );
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

export function UnitPage({ unitRef }: { unitRef: string }) {
  const unit = useAsync(() => api<Unit>(`/api/units/${encodeURIComponent(unitRef)}`), [unitRef]);
  return <Loaded state={unit}>{(u) => <UnitView unit={u} />}</Loaded>;
}

function UnitView({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const obligation = useAsync(() => api<Obligation>(`/api/units/${unit.id}/obligation`), [unit.id, version]);
  const record = useAsync(() => loadRecord(unit), [unit.id, version]);
  const canWrite = user.role === 'admin' || (user.role === 'convener' && user.unitId === unit.id);
  // A notice's link names an item (?item=<id>): it is highlighted and scrolled to.
  const selected = useLocation().query.get('item');

  return (
    <>
      <div class="page-head">
        {isOffice(user) && (
          <p class="crumbs">
            <Link href="/">{t('nav.desk')}</Link> <span aria-hidden="true">›</span>
          </p>
        )}
        <h1>{unit.name}</h1>
        <p class="meta">
          <Chip tone="info">{t(`level.${unit.level}`)}</Chip>
          <span>
            {t('unit.code')}: {unit.code}
          </span>
          <span>
            {t('unit.convener')}: {unit.convenerName}
          </span>
        </p>
      </div>
      <div class="unit-grid">
        <div class="unit-main">
          <ObligationCard state={obligation} unitCode={unit.code} />
          {unit.level !== 'building' && <ChildrenStatusCard unitId={unit.id} />}
          {canWrite ? (
            <MeetingForm unit={unit} record={record.data} onSaved={refresh} />
          ) : (
            <p class="note info">{t('unit.readOnly')}</p>
          )}
          <Loaded state={record}>
            {(r) => (
              <>
                {selected && ![...r.queue, ...r.register].some((i) => i.id === selected) && (
                  <NoticeItemCard id={selected} handled={r.handled} />
                )}
                <QueueCard
                  items={r.queue}
                  meetings={r.meetings}
                  canWrite={canWrite}
                  onChanged={refresh}
                  selected={selected}
                />
                <RegisterCard
                  items={r.register}
                  names={r.names}
                  canWrite={canWrite}
                  onChanged={refresh}
                  selected={selected}
                />
              </>
            )}
          </Loaded>
        </div>
        <div class="unit-side">
          <Loaded state={record}>{(r) => <Timeline unit={unit} record={r} />}</Loaded>
        </div>
      </div>
    </>
  );
}

// --- What is due next -------------------------------------------------------------------------

function ObligationCard({ state, unitCode }: { state: AsyncState<Obligation>; unitCode: string }) {
  const { t, period, dateTime, step } = useI18n();
  return (
    <section class="card obligation" aria-labelledby="obligation-heading">
      <h2 id="obligation-heading">{t('unit.obligation')}</h2>
      <Loaded state={state}>
        {(o) => {
          if (o.state === 'ended') return <p>{t('ob.ended')}</p>;
          if (o.state === 'starting') return <p class="muted">{t('ob.starting')}</p>;
          const met = o.outcome === 'met' || o.meetingsHeld >= o.minMeetings;
          const [tone, label]: [Tone, string] =
            o.outcome === 'overdue'
              ? ['bad', t('ob.overdue')]
              : met
                ? ['good', t('ob.met')]
                : ['warn', t('ob.pending')];
          return (
            <>
              <p class="status-line">
                <Chip tone={tone}>{label}</Chip>
              </p>
              <dl class="facts">
                <div>
                  <dt>{t('ob.period')}</dt>
                  <dd>{period(o.periodKey)}</dd>
                </div>
                <div>
                  <dt>{t('ob.dueDate')}</dt>
                  <dd>{o.dueDate}</dd>
                </div>
                <div>
                  <dt>{t('ob.held')}</dt>
                  <dd>{t('ob.heldOf', { held: o.meetingsHeld, min: o.minMeetings })}</dd>
                </div>
                <div>
                  <dt>{t('ob.next')}</dt>
                  <dd>{o.nextNotice ? `${step(o.nextNotice.step)} · ${dateTime(o.nextNotice.at)}` : t('ob.noNext')}</dd>
                </div>
              </dl>
              <p>
                <WorkflowLink id={o.workflowId} unitCode={unitCode} />
              </p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

// --- Forms ----------------------------------------------------------------------------------

/** One write at a time, with its error and a success message. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (fn: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await fn());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function FormStatus({ error, done }: { error: unknown; done: string | null }) {
  return (
    <>
      {error !== null && <ErrorNote error={error} />}
      <p class={done ? 'note good' : 'visually-hidden'} role="status">
        {done ?? ''}
      </p>
    </>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
  type?: 'text' | 'date';
  max?: string;
  min?: string;
}) {
  const { t } = useI18n();
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const common = {
    id: props.id,
    name: props.id,
    required: props.required,
    value: props.value,
    'aria-describedby': hintId,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> {t('common.required')}</span>}
      </label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : props.type === 'date' ? (
        <input type="date" max={props.max} min={props.min} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

interface ItemDraft {
  title: string;
  raisedBy: string;
  resolution: string;
}

const splitNames = (text: string) =>
  text
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function MeetingForm({ unit, record, onSaved }: { unit: Unit; record: UnitRecord | undefined; onSaved: () => void }) {
  const { t, period } = useI18n();
  const today = todayShanghai();
  const [heldOn, setHeldOn] = useState(today);
  const [kind, setKind] = useState<'regular' | 'adhoc'>('regular');
  const [attendees, setAttendees] = useState('');
  const [minutes, setMinutes] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [takesUp, setTakesUp] = useState<string[]>([]);
  const [key, setKey] = useState(newKey);
  const submit = useSubmit();
  const pending = (record?.queue ?? []).filter((i) => i.escalations.at(-1)?.state === 'pending');

  const setItem = (index: number, change: Partial<ItemDraft>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const save = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const meeting = await api<Meeting>(`/api/units/${unit.id}/meetings`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          heldOn,
          kind,
          attendees: splitNames(attendees),
          ...(minutes.trim() ? { minutes: minutes.trim() } : {}),
          agendaItems: items
            .filter((i) => i.title.trim())
            .map((i) => ({
              title: i.title.trim(),
              raisedBy: i.raisedBy.trim() || unit.convenerName,
              ...(i.resolution.trim() ? { resolution: i.resolution.trim() } : {}),
            })),
          takesUp,
        },
      });
      setKey(newKey());
      setAttendees('');
      setMinutes('');
      setItems([]);
      setTakesUp([]);
      setHeldOn(today);
      setKind('regular');
      onSaved();
      return t('meeting.saved', { date: meeting.heldOn, period: period(meeting.periodKey) });
    });
  };

  return (
    <section class="card" aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">{t('meeting.heading')}</h2>
      <form class="form" onSubmit={save}>
        <div class="form-row">
          <TextField
            id="meeting-heldOn"
            label={t('meeting.heldOn')}
            type="date"
            max={today}
            required
            value={heldOn}
            onInput={setHeldOn}
          />
          <div class="field">
            <label for="meeting-kind">{t('meeting.kind')}</label>
            <select
              id="meeting-kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value === 'adhoc' ? 'adhoc' : 'regular')}
            >
              <option value="regular">{t('meeting.kind.regular')}</option>
              <option value="adhoc">{t('meeting.kind.adhoc')}</option>
            </select>
          </div>
        </div>
        <TextField
          id="meeting-attendees"
          label={t('meeting.attendees')}
          hint={t('meeting.attendeesHint')}
          multiline
          value={attendees}
          onInput={setAttendees}
        />
        <TextField
          id="meeting-minutes"
          label={t('meeting.minutes')}
          hint={t('meeting.minutesHint')}
          multiline
          value={minutes}
          onInput={setMinutes}
        />
        <fieldset class="items">
          <legend>{t('meeting.items')}</legend>
          {items.map((item, i) => (
            <fieldset class="item-draft" key={i}>
              <legend>{t('meeting.itemN', { n: i + 1 })}</legend>
              <div class="form-row">
                <TextField
                  id={`item-${i}-title`}
                  label={t('meeting.itemTitle')}
                  required
                  value={item.title}
                  onInput={(v) => setItem(i, { title: v })}
                />
                <TextField
                  id={`item-${i}-raisedBy`}
                  label={t('meeting.itemRaisedBy')}
                  value={item.raisedBy}
                  onInput={(v) => setItem(i, { raisedBy: v })}
                />
              </div>
              <TextField
                id={`item-${i}-resolution`}
                label={t('meeting.itemResolution')}
                multiline
                value={item.resolution}
                onInput={(v) => setItem(i, { resolution: v })}
              />
              <button
                type="button"
                class="button ghost small"
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                {t('meeting.removeItem', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            class="button secondary small"
            onClick={() => setItems([...items, { title: '', raisedBy: '', resolution: '' }])}
          >
            + {t('meeting.addItem')}
          </button>
        </fieldset>
        {pending.length > 0 && (
          <fieldset class="items">
            <legend>{t('meeting.takesUp')}</legend>
            {pending.map((item) => (
              <label class="check" key={item.id}>
                <input
                  type="checkbox"
                  checked={takesUp.includes(item.id)}
                  onChange={(e) =>
                    setTakesUp(e.currentTarget.checked ? [...takesUp, item.id] : takesUp.filter((id) => id !== item.id))
                  }
                />
                {item.title} <span class="muted">· {item.unitName}</span>
              </label>
            ))}
          </fieldset>
        )}
        <FormStatus error={submit.error} done={submit.done} />
        <button type="submit" class="button primary" disabled={submit.busy}>
          {submit.busy ? t('common.saving') : t('meeting.submit')}
        </button>
      </form>
    </section>
  );
}

// --- The queue: items escalated to this unit --------------------------------------------------

function QueueCard({
  items,
  meetings,
  canWrite,
  onChanged,
  selected,
}: {
  items: AgendaItem[];
  meetings: Meeting[];
  canWrite: boolean;
  onChanged: () => void;
  selected: string | null;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        {t('queue.heading')} <span class={`count ${items.length ? 'count-bad' : ''}`}>{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">{t('queue.empty')}</p>
      ) : (
        <ul class="item-list">
          {items.map((item) => (
            <QueueItem
              key={item.id}
              item={item}
              meetings={meetings}
              canWrite={canWrite}
              onChanged={onChanged}
              selected={item.id === selected}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueItem({
  item,
  meetings,
  canWrite,
  onChanged,
  selected,
}: {
  item: AgendaItem;
  meetings: Meeting[];
  canWrite: boolean;
  onChanged: () => void;
  selected: boolean;
}) {
  const { t } = useI18n();
  const hop = item.escalations.at(-1);
  const headingId = `queue-${item.id}`;
  return (
    <li
      class={selected ? 'item selected' : 'item'}
      aria-labelledby={headingId}
      aria-current={selected ? 'true' : undefined}
      data-item-id={item.id}
      ref={selected ? scrollIntoView : undefined}
    >
      <div class="item-head">
        <h3 id={headingId}>{item.title}</h3>
        <StateChip item={item} />
      </div>
      <p class="muted">{t('queue.from', { unit: item.unitName })}</p>
      {hop && (
        <>
          <dl class="ledger">
            <div>
              <dt>{t('queue.what')}</dt>
              <dd>{hop.what}</dd>
            </div>
            <div>
              <dt>{t('queue.why')}</dt>
              <dd>{hop.whyNotSolvable}</dd>
            </div>
            <div>
              <dt>{t('queue.ask')}</dt>
              <dd>{hop.ask}</dd>
            </div>
            <div>
              <dt>{t('queue.scheduleBy')}</dt>
              <dd>{hop.scheduleBy}</dd>
            </div>
            <div>
              <dt>{t('queue.answerBy')}</dt>
              <dd>{hop.answerBy}</dd>
            </div>
          </dl>
          <details>
            <summary>{t('queue.minutes')}</summary>
            <p class="minutes">{hop.minutes}</p>
          </details>
        </>
      )}
      <p>
        <WorkflowLink id={item.workflowId} />
      </p>
      {canWrite && hop?.state === 'pending' && (
        <TakeUpForm item={item} meetings={meetings} since={shanghaiDay(hop.escalatedAt)} onChanged={onChanged} />
      )}
      {canWrite && hop?.state === 'taken_up' && <AnswerForm item={item} onChanged={onChanged} />}
    </li>
  );
}

function TakeUpForm({
  item,
  meetings,
  since,
  onChanged,
}: {
  item: AgendaItem;
  meetings: Meeting[];
  since: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const eligible = meetings.filter((m) => m.heldOn >= since).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const [meetingId, setMeetingId] = useState(eligible[0]?.id ?? '');
  const submit = useSubmit();
  if (eligible.length === 0) return <p class="note info">{t('queue.noMeeting')}</p>;
  const id = `takeup-${item.id}`;
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/take-up`, { method: 'POST', body: { meetingId } });
          onChanged();
          return t('queue.done');
        });
      }}
    >
      <div class="field">
        <label for={id}>{t('queue.meeting')}</label>
        <select id={id} value={meetingId} onChange={(e) => setMeetingId(e.currentTarget.value)}>
          {eligible.map((m) => (
            <option key={m.id} value={m.id}>
              {m.heldOn} · {t(`meeting.kind.${m.kind}`)}
            </option>
          ))}
        </select>
      </div>
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('queue.takeUp')}
      </button>
    </form>
  );
}

function AnswerForm({ item, onChanged }: { item: AgendaItem; onChanged: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'resolved' | 'scheduled' | 'declined'>('resolved');
  const [text, setText] = useState('');
  const [handleBy, setHandleBy] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const id = `answer-${item.id}`;
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/feedback`, {
            method: 'POST',
            body: {
              outcome,
              text: text.trim(),
              ...(outcome === 'scheduled' ? { handleBy } : {}),
              ...(outcome === 'declined' ? { reason: reason.trim() } : {}),
            },
          });
          onChanged();
          return t('queue.done');
        });
      }}
    >
      <fieldset class="radios">
        <legend>{t('queue.outcome')}</legend>
        {(['resolved', 'scheduled', 'declined'] as const).map((o) => (
          <label class="check" key={o}>
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextField id={`${id}-text`} label={t('queue.text')} multiline required value={text} onInput={setText} />
      {outcome === 'scheduled' && (
        <TextField
          id={`${id}-handleBy`}
          label={t('queue.handleBy')}
          type="date"
          min={todayShanghai()}
          required
          value={handleBy}
          onInput={setHandleBy}
        />
      )}
      {outcome === 'declined' && (
        <TextField
          id={`${id}-reason`}
          label={t('queue.reason')}
          multiline
          required
          value={reason}
          onInput={setReason}
        />
      )}
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('queue.answer')}
      </button>
    </form>
  );
}

// --- The register: items this unit raised ----------------------------------------------------

function StateChip({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const tone: Tone =
    item.overdue || item.state === 'disputed'
      ? 'bad'
      : item.state === 'resolved' || item.state === 'confirmed'
        ? 'good'
        : item.state === 'open'
          ? 'neutral'
          : 'warn';
  return (
    <span class="chips">
      <Chip tone={tone}>{t(`state.${item.state}`)}</Chip>
      {item.overdue && <Chip tone="bad">{t('common.overdue')}</Chip>}
    </span>
  );
}

/**
 * The item a notice's link names when it is neither in the queue nor in the register: one this
 * unit passed on or answered earlier (from its receipts), else read by its ID.
 */
function NoticeItemCard({ id, handled }: { id: string; handled: AgendaItem[] }) {
  const { t } = useI18n();
  const state = useAsync(
    () => Promise.resolve(handled.find((i) => i.id === id) ?? api<AgendaItem>(`/api/agenda-items/${id}`)),
    [id, handled],
  );
  const answer = state.data?.feedback.at(-1);
  return (
    <section class="card" aria-labelledby="notice-item-heading">
      <h2 id="notice-item-heading">{t('unit.noticeItem')}</h2>
      {state.error ? (
        <p class="empty">{t('unit.noticeItemMissing')}</p>
      ) : (
        state.data && (
          <div class="item selected" aria-current="true" data-item-id={state.data.id} ref={scrollIntoView}>
            <div class="item-head">
              <h3>{state.data.title}</h3>
              <StateChip item={state.data} />
            </div>
            <p class="muted">{t('queue.from', { unit: state.data.unitName })}</p>
            {answer && (
              <p class="answer">
                {t('register.answer', { text: `${t(`outcome.${answer.outcome}`)} — ${answer.text}` })}
              </p>
            )}
          </div>
        )
      )}
    </section>
  );
}

function RegisterCard({
  items,
  names,
  canWrite,
  onChanged,
  selected,
}: {
  items: AgendaItem[];
  names: Map<string, string>;
  canWrite: boolean;
  onChanged: () => void;
  selected: string | null;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="register-heading">
      <h2 id="register-heading">
        {t('register.heading')} <span class="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">{t('register.empty')}</p>
      ) : (
        <ul class="item-list">
          {items.map((item) => (
            <RegisterItem
              key={item.id}
              item={item}
              names={names}
              canWrite={canWrite}
              onChanged={onChanged}
              selected={item.id === selected}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type Action = 'escalate' | 'resolve' | 'dispute' | null;

function RegisterItem({
  item,
  names,
  canWrite,
  onChanged,
  selected,
}: {
  item: AgendaItem;
  names: Map<string, string>;
  canWrite: boolean;
  onChanged: () => void;
  selected: boolean;
}) {
  const { t, day } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const hop = item.escalations.at(-1);
  const answer = item.feedback.at(-1);
  const headingId = `item-${item.id}`;
  const confirm = useSubmit();
  const toggle = (a: Action) => setAction(action === a ? null : a);
  const changed = () => {
    setAction(null);
    onChanged();
  };
  return (
    <li
      class={selected ? 'item selected' : 'item'}
      aria-labelledby={headingId}
      aria-current={selected ? 'true' : undefined}
      data-item-id={item.id}
      ref={selected ? scrollIntoView : undefined}
    >
      <div class="item-head">
        <h3 id={headingId}>{item.title}</h3>
        <StateChip item={item} />
      </div>
      <p class="muted">
        {item.raisedBy} · {day(item.createdAt)}
        {hop && (
          <>
            {' '}
            · → {names.get(hop.toUnitId) ?? t('unit.above')} · {t('queue.answerBy')} {hop.answerBy}
          </>
        )}
      </p>
      {item.resolution && <p>{item.resolution}</p>}
      {answer && (
        <p class="answer">{t('register.answer', { text: `${t(`outcome.${answer.outcome}`)} — ${answer.text}` })}</p>
      )}
      {item.workflowId && (
        <p>
          <WorkflowLink id={item.workflowId} />
        </p>
      )}
      {canWrite && (item.state === 'open' || item.state === 'answered') && (
        <div class="actions">
          {item.state === 'open' && (
            <>
              <button
                type="button"
                class="button secondary small"
                aria-expanded={action === 'escalate'}
                onClick={() => toggle('escalate')}
              >
                {t('register.escalate')}
              </button>
              <button
                type="button"
                class="button ghost small"
                aria-expanded={action === 'resolve'}
                onClick={() => toggle('resolve')}
              >
                {t('register.resolve')}
              </button>
            </>
          )}
          {item.state === 'answered' && (
            <>
              <button
                type="button"
                class="button primary small"
                disabled={confirm.busy}
                onClick={() =>
                  void confirm.run(async () => {
                    await api(`/api/agenda-items/${item.id}/response`, {
                      method: 'POST',
                      body: { response: 'confirmed' },
                    });
                    changed();
                    return t('queue.done');
                  })
                }
              >
                {t('register.confirm')}
              </button>
              <button
                type="button"
                class="button ghost small"
                aria-expanded={action === 'dispute'}
                onClick={() => toggle('dispute')}
              >
                {t('register.dispute')}
              </button>
            </>
          )}
        </div>
      )}
      <FormStatus error={confirm.error} done={null} />
      {action === 'escalate' && <EscalateForm item={item} onDone={changed} />}
      {action === 'resolve' && (
        <OneFieldForm
          id={`resolve-${item.id}`}
          label={t('resolve.text')}
          submitLabel={t('resolve.submit')}
          send={(text) =>
            api(`/api/agenda-items/${item.id}/resolution`, { method: 'POST', body: { resolution: text } })
          }
          onDone={changed}
        />
      )}
      {action === 'dispute' && (
        <OneFieldForm
          id={`dispute-${item.id}`}
          label={t('dispute.reason')}
          submitLabel={t('dispute.submit')}
          send={(text) =>
            api(`/api/agenda-items/${item.id}/response`, {
              method: 'POST',
              body: { response: 'disputed', reason: text },
            })
          }
          onDone={changed}
        />
      )}
    </li>
  );
}

function EscalateForm({ item, onDone }: { item: AgendaItem; onDone: () => void }) {
  const { t } = useI18n();
  const [what, setWhat] = useState(item.title);
  const [why, setWhy] = useState('');
  const [ask, setAsk] = useState('');
  const submit = useSubmit();
  const id = `escalate-${item.id}`;
  return (
    <form
      class="form inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/escalations`, {
            method: 'POST',
            body: { what: what.trim(), whyNotSolvable: why.trim(), ask: ask.trim() },
          });
          onDone();
          return null;
        });
      }}
    >
      <h4 id={`${id}-heading`}>{t('escalate.heading', { title: item.title })}</h4>
      <TextField id={`${id}-what`} label={t('escalate.what')} multiline required value={what} onInput={setWhat} />
      <TextField id={`${id}-why`} label={t('escalate.why')} multiline required value={why} onInput={setWhy} />
      <TextField id={`${id}-ask`} label={t('escalate.ask')} multiline required value={ask} onInput={setAsk} />
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('escalate.submit')}
      </button>
    </form>
  );
}

function OneFieldForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  send: (text: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const submit = useSubmit();
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await props.send(text.trim());
          props.onDone();
          return null;
        });
      }}
    >
      <TextField id={props.id} label={props.label} multiline required value={text} onInput={setText} />
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

// --- The timeline ---------------------------------------------------------------------------

interface TimelineEvent {
  key: string;
  /** ISO instant, for the order. */
  at: string;
  /** What the reader sees as the time. */
  when: string;
  kind: 'meeting' | 'item' | 'escalation' | 'answer' | 'period' | 'notice';
  title: string;
  detail?: ComponentChildren;
  tone?: Tone;
}

/** A calendar day's instant in Asia/Shanghai (midnight, UTC+8), for ordering. */
const dayInstant = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

function Timeline({ unit, record }: { unit: Unit; record: UnitRecord }) {
  const { t, tx, period, dateTime, step } = useI18n();
  const events: TimelineEvent[] = [];
  for (const m of record.meetings) {
    events.push({
      key: `m-${m.id}`,
      at: dayInstant(m.heldOn),
      when: m.heldOn,
      kind: 'meeting',
      title: t('tl.meeting', { kind: t(`meeting.kind.${m.kind}`) }),
      detail: (
        <>
          {period(m.periodKey)} · {t('meeting.attendeeCount', { n: m.attendees.length })}
          {m.attendees.length > 0 && <>：{m.attendees.join('、')}</>}
          {m.minutes && <span class="minutes-line">{m.minutes}</span>}
        </>
      ),
    });
  }
  const items = [...record.register, ...record.queue, ...record.handled];
  for (const item of items) {
    if (item.unitId === unit.id) {
      events.push({
        key: `i-${item.id}`,
        at: item.createdAt,
        when: dateTime(item.createdAt),
        kind: 'item',
        title: t('tl.item', { title: item.title }),
        detail: item.raisedBy,
      });
    }
    for (const hop of item.escalations) {
      if (hop.fromUnitId !== unit.id && hop.toUnitId !== unit.id) continue;
      events.push({
        key: `e-${hop.id}`,
        at: hop.escalatedAt,
        when: dateTime(hop.escalatedAt),
        kind: 'escalation',
        title: t('tl.escalated', { title: item.title, hop: hop.hop }),
        detail: `${record.names.get(hop.fromUnitId) ?? item.unitName} → ${record.names.get(hop.toUnitId) ?? t('unit.above')} · ${t('queue.answerBy')} ${hop.answerBy}`,
        tone: 'warn',
      });
      if (hop.takenUpAt && hop.toUnitId === unit.id) {
        events.push({
          key: `t-${hop.id}`,
          at: hop.takenUpAt,
          when: dateTime(hop.takenUpAt),
          kind: 'escalation',
          title: t('tl.takenUp', { title: item.title }),
          detail: `${record.names.get(hop.fromUnitId) ?? item.unitName} → ${unit.name}`,
          tone: 'info',
        });
      }
    }
    for (const a of item.feedback) {
      events.push({
        key: `a-${a.id}`,
        at: a.answeredAt,
        when: dateTime(a.answeredAt),
        kind: 'answer',
        title: t('tl.answered', { title: item.title, outcome: t(`outcome.${a.outcome}`) }),
        detail: a.text,
        tone: 'good',
      });
      if (a.response && a.respondedAt) {
        events.push({
          key: `r-${a.id}`,
          at: a.respondedAt,
          when: dateTime(a.respondedAt),
          kind: 'answer',
          title: t(a.response === 'confirmed' ? 'tl.confirmed' : 'tl.disputed'),
          detail: a.responseReason ?? item.title,
          tone: a.response === 'confirmed' ? 'good' : 'bad',
        });
      }
    }
  }
  for (const p of record.history.periods) {
    const visits = p.obligation === 'leader-visit';
    events.push({
      key: `p-${p.obligation}-${p.leader?.id ?? ''}-${p.periodKey}`,
      at: p.closedAt,
      when: dateTime(p.closedAt),
      kind: 'period',
      title: visits
        ? t(p.status === 'met' ? 'tl.visitPeriodMet' : 'tl.visitPeriodOverdue', {
            period: period(p.periodKey),
            leader: p.leader?.name ?? '',
            n: p.meetingsHeld,
          })
        : t(p.status === 'met' ? 'tl.periodMet' : 'tl.periodOverdue', {
            period: period(p.periodKey),
            n: p.meetingsHeld,
          }),
      detail: p.correctedAt ? t('tl.corrected', { date: dateTime(p.correctedAt) }) : undefined,
      tone: p.status === 'met' ? 'good' : 'bad',
    });
  }
  for (const n of record.notices) {
    const at = n.sentAt ?? n.scheduledFor;
    events.push({
      key: `n-${n.id}`,
      at,
      when: dateTime(at),
      kind: 'notice',
      title: t('tl.notice', { step: step(n.step) }),
      detail: (
        <>
          {t('tl.receipt', {
            recipient: n.recipient,
            channel: tx(`channel.${n.channel}`, n.channel),
            status: tx(`status.${n.status}`, n.status),
          })}
          <span class="minutes-line">{n.subject}</span>
        </>
      ),
      tone: n.step.startsWith('overdue') ? 'bad' : 'info',
    });
  }
  events.sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));

  return (
    <section class="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      {events.length === 0 ? (
        <p class="empty">{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {events.map((e) => (
            <li key={e.key} class={`tl tl-${e.kind}`}>
              <div class="tl-head">
                <Chip tone={e.tone ?? 'neutral'}>{t(`tl.kind.${e.kind}`)}</Chip>
                <time dateTime={e.at}>{e.when}</time>
              </div>
              <p class="tl-title">{e.title}</p>
              {e.detail !== undefined && <p class="tl-detail">{e.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
