/**
 * Before the deadline, not only after it: on the desk, the units not yet met this period (level
 * and street from the desk's filters in the URL, days left, last reminder, XLSX) and what falls
 * due this week; the unit directory with its search box; on a unit's page, the units below it
 * with their current period.
 */
import { useState } from 'preact/hooks';
import {
  api,
  type ChildrenStatus,
  type DirectoryPage,
  type DuePage,
  type DueThisWeek,
  type Level,
  LEVELS,
  qs,
  type UnitDue,
} from '../api';
import { useI18n } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { Chip, ExportButton, Loaded, RowsTable, useAsync } from '../ui';

function DaysLeft({ d }: { d: Pick<UnitDue, 'workingDaysLeft' | 'daysLeft'> }) {
  const { t } = useI18n();
  if (d.daysLeft === 0) return <Chip tone="bad">{t('due.dueToday')}</Chip>;
  const tone = d.workingDaysLeft <= 3 ? 'bad' : d.workingDaysLeft <= 10 ? 'warn' : 'neutral';
  return <Chip tone={tone}>{t('due.daysLeftValue', { w: d.workingDaysLeft, d: d.daysLeft })}</Chip>;
}

function LastReminder({ d }: { d: UnitDue }) {
  const { t, dateTime } = useI18n();
  if (!d.lastReminder) return <span class="muted">{t('common.none')}</span>;
  const n = /^reminder-(\d+)$/.exec(d.lastReminder.step)?.[1];
  return (
    <>
      {dateTime(d.lastReminder.sentAt)}
      <span class="muted"> · {n ? t('due.reminderStep', { n }) : d.lastReminder.step}</span>
    </>
  );
}

/** The desk's section: units not yet met in their current period. */
export function NotYetMet({ level, streetId }: { level: Level | ''; streetId: string }) {
  const { t, period } = useI18n();
  const filter = { period: 'current', level, streetId };
  const state = useAsync(() => api<DuePage>(`/api/supervision/due${qs({ ...filter, limit: 500 })}`), [level, streetId]);
  return (
    <section class="card list" id="not-yet-met" aria-labelledby="not-yet-met-heading">
      <div class="list-head">
        <h2 id="not-yet-met-heading">
          {t('due.heading')}
          {state.data && (
            <span
              class={`count ${state.data.total > 0 ? 'count-bad' : ''}`}
              title={t('common.count', { n: state.data.total })}
            >
              {state.data.total}
            </span>
          )}
        </h2>
        <ExportButton
          path={`/api/supervision/due.xlsx${qs(filter)}`}
          file={`not-yet-met-${state.data?.today ?? 'current'}.xlsx`}
          label={t('due.export')}
        />
      </div>
      <p class="muted">{t('due.intro')}</p>
      <Loaded state={state}>
        {(page) => (
          <RowsTable
            rows={page.items}
            rowKey={(r) => r.unit.id}
            empty={t('due.empty')}
            columns={[
              { label: t('col.unit'), cell: (r) => <Link href={`/units/${r.unit.id}`}>{r.unit.name}</Link> },
              { label: t('col.level'), cell: (r) => t(`level.${r.unit.level}`) },
              { label: t('filters.street'), cell: (r) => r.streetName ?? '—' },
              { label: t('col.period'), cell: (r) => period(r.periodKey) },
              { label: t('col.dueDate'), cell: (r) => r.dueOn },
              { label: t('due.daysLeft'), cell: (r) => <DaysLeft d={r} /> },
              { label: t('due.held'), class: 'num', cell: (r) => `${r.meetingsHeld} / ${r.minMeetings}` },
              { label: t('due.lastReminder'), cell: (r) => <LastReminder d={r} /> },
              { label: t('col.convener'), cell: (r) => r.convenerName },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}

/** The desk's section: open obligations due from today to Sunday. */
export function DueThisWeekCard() {
  const { t } = useI18n();
  const state = useAsync(() => api<DueThisWeek>('/api/supervision/due-this-week'), []);
  return (
    <section class="card list" id="due-this-week" aria-labelledby="due-this-week-heading">
      <div class="list-head">
        <h2 id="due-this-week-heading">
          {t('week.heading')}
          {state.data && (
            <span class={`count ${state.data.items.length > 0 ? 'count-bad' : ''}`}>{state.data.items.length}</span>
          )}
        </h2>
        {state.data && <span class="muted">{t('week.range', { from: state.data.from, to: state.data.to })}</span>}
      </div>
      <Loaded state={state}>
        {(week) => (
          <RowsTable
            rows={week.items}
            rowKey={(r) => `${r.kind}-${r.refId}`}
            empty={t('week.empty')}
            columns={[
              { label: t('week.kind'), cell: (r) => t(`week.kind.${r.kind}`) },
              { label: t('week.subject'), cell: (r) => r.subject },
              { label: t('col.unit'), cell: (r) => <Link href={`/units/${r.unit.id}`}>{r.unit.name}</Link> },
              { label: t('col.dueDate'), cell: (r) => r.dueOn },
              { label: t('due.daysLeft'), cell: (r) => <DaysLeft d={r} /> },
              {
                label: t('due.held'),
                class: 'num',
                cell: (r) => (r.progress ? `${r.progress.done} / ${r.progress.required}` : '—'),
              },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}

/** The unit directory: a search box (name, code, convener) and a level filter, in the URL. */
export function Directory() {
  const { t } = useI18n();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const levelParam = query.get('level') ?? '';
  const level = (LEVELS as readonly string[]).includes(levelParam) ? levelParam : '';
  const [text, setText] = useState(q);
  const state = useAsync(() => api<DirectoryPage>(`/api/units/directory${qs({ q, level, limit: 200 })}`), [q, level]);
  return (
    <>
      <div class="page-head">
        <h1>{t('dir.heading')}</h1>
      </div>
      <section class="card">
        <form
          role="search"
          class="filter-row"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ q: text.trim() });
          }}
        >
          <div class="field">
            <label for="dir-q">{t('dir.search')}</label>
            <input id="dir-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="dir-level">{t('filters.level')}</label>
            <select id="dir-level" value={level} onChange={(e) => setQuery({ level: e.currentTarget.value })}>
              <option value="">{t('common.all')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {t('dir.submit')}
          </button>
        </form>
      </section>
      <section class="card list" aria-live="polite" aria-busy={state.loading}>
        <Loaded state={state}>
          {(page) => (
            <>
              <p class="muted">{t('dir.total', { n: page.total })}</p>
              <RowsTable
                rows={page.items}
                rowKey={(r) => r.id}
                empty={t('dir.empty')}
                columns={[
                  { label: t('col.unit'), cell: (r) => <Link href={`/units/${r.id}`}>{r.name}</Link> },
                  { label: t('unit.code'), cell: (r) => r.code },
                  { label: t('col.level'), cell: (r) => t(`level.${r.level}`) },
                  { label: t('col.convener'), cell: (r) => r.convenerName },
                ]}
              />
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** On a unit's page: the units directly under it, each with its current period. */
export function ChildrenStatusCard({ unitId }: { unitId: string }) {
  const { t, period } = useI18n();
  const state = useAsync(() => api<ChildrenStatus>(`/api/units/${unitId}/children-status`), [unitId]);
  if (state.data && state.data.items.length === 0) return null;
  return (
    <section class="card list" id="children-status" aria-labelledby="children-heading">
      <h2 id="children-heading">{t('children.heading')}</h2>
      <Loaded state={state}>
        {(s) => (
          <RowsTable
            rows={s.items}
            rowKey={(r) => r.unit.id}
            empty={t('children.empty')}
            columns={[
              { label: t('col.unit'), cell: (r) => <Link href={`/units/${r.unit.id}`}>{r.unit.name}</Link> },
              { label: t('col.period'), cell: (r) => period(r.periodKey) },
              {
                label: t('col.state'),
                cell: (r) =>
                  r.met ? (
                    <Chip tone="good">{t('children.met')}</Chip>
                  ) : (
                    <Chip tone="warn">{t('children.notMet')}</Chip>
                  ),
              },
              { label: t('due.held'), class: 'num', cell: (r) => `${r.meetingsHeld} / ${r.minMeetings}` },
              { label: t('col.dueDate'), cell: (r) => r.dueOn },
              { label: t('due.daysLeft'), cell: (r) => (r.met ? '—' : <DaysLeft d={r} />) },
              { label: t('due.lastReminder'), cell: (r) => <LastReminder d={r} /> },
              { label: t('col.convener'), cell: (r) => r.convenerName },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
