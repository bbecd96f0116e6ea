/**
 * The liaison office's desk: this quarter's and this year's figures with a chart per level, the
 * four follow-up lists (overdue meetings, overdue leader visits, escalations awaiting an answer,
 * departments absent in a row) filtered by level, street and period — every row leads to the
 * unit's page — and the XLSX exports.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  api,
  type AttendanceTable,
  type EscalationPage,
  type Figures,
  type Level,
  LEVELS,
  type OverduePage,
  qs,
  type UnitsPage,
  type VisitRow,
  type VisitsPage,
} from '../api';
import { FIGURE_SERIES, FiguresChart } from '../components/figures-chart';
import { useI18n } from '../i18n';
import { periodChoices, quarterOf, quartersSoFar, shanghaiDay, todayShanghai, within } from '../periods';
import { Link, setQuery, useLocation } from '../router';
import { Chip, ExportButton, Loaded, RowsTable, useAsync, WorkflowLink } from '../ui';
import { DueThisWeekCard, NotYetMet } from './due';
import { ServingDeskPanel } from './serving/desk-panel';

interface Filters {
  level: Level | '';
  streetId: string;
  period: string;
}

export function Desk() {
  const { t } = useI18n();
  const today = todayShanghai();
  const quarter = quarterOf(today);
  const year = today.slice(0, 4);
  const { query } = useLocation();
  const level = query.get('level') ?? '';
  const filters: Filters = {
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : '',
    streetId: query.get('street') ?? '',
    period: query.get('period') ?? '',
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('desk.heading')}</h1>
        <p class="muted">{t('desk.asOf', { date: today })}</p>
      </div>
      <FiguresPanel quarter={quarter} year={year} />
      <section class="lists" aria-labelledby="lists-heading">
        <FilterBar filters={filters} today={today} />
        <NotYetMet level={filters.level} streetId={filters.streetId} />
        <DueThisWeekCard />
        <div class="list-grid">
          <OverdueMeetings filters={filters} />
          <Escalations filters={filters} />
          <OverdueVisits filters={filters} today={today} />
          <Absences filters={filters} />
        </div>
      </section>
      <ServingDeskPanel />
      <section class="card" aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('exports.heading')}</h2>
        <div class="exports">
          <ExportButton
            path={`/api/supervision/figures.xlsx${qs({ period: quarter })}`}
            file={`agenda-ledger-${quarter}.xlsx`}
            label={t('exports.figuresQuarter')}
          />
          <ExportButton
            path={`/api/supervision/figures.xlsx${qs({ period: year })}`}
            file={`agenda-ledger-${year}.xlsx`}
            label={t('exports.figuresYear')}
          />
          <ExportButton
            path={`/api/evaluations/results.xlsx${qs({ year })}`}
            file={`evaluation-${year}.xlsx`}
            label={t('exports.evaluation')}
          />
          <ExportButton
            path={`/api/co-building/summary.xlsx${qs({ year })}`}
            file={`co-building-${year}.xlsx`}
            label={t('exports.coBuilding')}
          />
        </div>
      </section>
    </>
  );
}

// --- Figures --------------------------------------------------------------------------------

function FiguresPanel({ quarter, year }: { quarter: string; year: string }) {
  const { t, period } = useI18n();
  const state = useAsync(
    () =>
      Promise.all([
        api<Figures>(`/api/supervision/figures${qs({ period: quarter })}`),
        api<Figures>(`/api/supervision/figures${qs({ period: year })}`),
      ]),
    [quarter, year],
  );
  return (
    <section class="card figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('figures.quarter', { period: period(quarter) })}</h2>
      <Loaded state={state}>
        {([q, y]) => {
          const total = (f: Figures) => f.rows.find((r) => r.level === 'total');
          const qt = total(q);
          const yt = total(y);
          return (
            <>
              <ul class="kpis">
                {FIGURE_SERIES.map((key) => {
                  const value = qt?.[key] ?? 0;
                  const tone = key === 'overdue' && value > 0 ? 'bad' : '';
                  return (
                    <li key={key} class={`kpi ${tone}`}>
                      <span class="kpi-label">{t(`fig.${key}`)}</span>
                      <span class="kpi-value">{value}</span>
                      <span class="kpi-sub">{t('figures.ofYear', { n: yt?.[key] ?? 0 })}</span>
                    </li>
                  );
                })}
              </ul>
              <div class="charts">
                <FiguresChart
                  id="chart-quarter"
                  figures={q}
                  title={t('figures.quarter', { period: period(quarter) })}
                />
                <FiguresChart id="chart-year" figures={y} title={t('figures.year', { period: period(year) })} />
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

// --- Filters --------------------------------------------------------------------------------

function FilterBar({ filters, today }: { filters: Filters; today: string }) {
  const { t, period } = useI18n();
  const streets = useAsync(() => api<UnitsPage>(`/api/units${qs({ level: 'street', limit: 500 })}`), []);
  const set = (name: string) => (e: Event) => setQuery({ [name]: (e.currentTarget as HTMLSelectElement).value });
  const any = filters.level || filters.streetId || filters.period;
  return (
    <div class="card filters">
      <h2 id="lists-heading">{t('filters.heading')}</h2>
      <div class="filter-row">
        <div class="field">
          <label for="filter-level">{t('filters.level')}</label>
          <select id="filter-level" value={filters.level} onChange={set('level')}>
            <option value="">{t('common.all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-street">{t('filters.street')}</label>
          <select id="filter-street" value={filters.streetId} onChange={set('street')}>
            <option value="">{t('common.all')}</option>
            {streets.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-period">{t('filters.period')}</label>
          <select id="filter-period" value={filters.period} onChange={set('period')}>
            <option value="">{t('filters.current')}</option>
            {periodChoices(today).map((p) => (
              <option key={p} value={p}>
                {period(p)}
              </option>
            ))}
          </select>
        </div>
        {any && (
          <button
            type="button"
            class="button ghost"
            onClick={() => setQuery({ level: null, street: null, period: null })}
          >
            {t('filters.reset')}
          </button>
        )}
      </div>
    </div>
  );
}

function ListCard({
  id,
  title,
  count,
  children,
  extra,
}: {
  id: string;
  title: string;
  count: number | undefined;
  children: ComponentChildren;
  extra?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class="card list" id={id} aria-labelledby={`${id}-heading`}>
      <div class="list-head">
        <h3 id={`${id}-heading`}>
          {title}
          {count !== undefined && (
            <span class={`count ${count > 0 ? 'count-bad' : ''}`} title={t('common.count', { n: count })}>
              {count}
            </span>
          )}
        </h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

// --- The four lists -------------------------------------------------------------------------

function OverdueMeetings({ filters }: { filters: Filters }) {
  const { t, period, day } = useI18n();
  const state = useAsync(
    () =>
      api<OverduePage>(
        `/api/supervision/overdue${qs({ level: filters.level, streetId: filters.streetId, limit: 500 })}`,
      ),
    [filters.level, filters.streetId],
  );
  const rows = state.data?.items.filter((r) => !filters.period || within(filters.period, r.periodKey));
  return (
    <ListCard id="overdue-meetings" title={t('overdue.heading')} count={rows?.length}>
      <Loaded state={state}>
        {() => (
          <RowsTable
            rows={rows!}
            rowKey={(r) => r.id}
            empty={t('overdue.empty')}
            columns={[
              { label: t('col.unit'), cell: (r) => <Link href={`/units/${r.id}`}>{r.name}</Link> },
              { label: t('col.level'), cell: (r) => t(`level.${r.level}`) },
              { label: t('col.period'), cell: (r) => period(r.periodKey) },
              { label: t('col.dueDate'), cell: (r) => day(r.dueAt) },
              { label: t('col.meetingsHeld'), class: 'num', cell: (r) => r.meetingsHeld },
              { label: t('col.convener'), cell: (r) => r.convenerName },
            ]}
          />
        )}
      </Loaded>
    </ListCard>
  );
}

function Escalations({ filters }: { filters: Filters }) {
  const { t, day } = useI18n();
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const state = useAsync(
    () =>
      api<EscalationPage>(
        `/api/supervision/escalations${qs({
          level: filters.level,
          streetId: filters.streetId,
          overdue: onlyOverdue ? 'true' : undefined,
          limit: 500,
        })}`,
      ),
    [filters.level, filters.streetId, onlyOverdue],
  );
  const rows = state.data?.items.filter((r) => !filters.period || within(filters.period, shanghaiDay(r.escalatedAt)));
  return (
    <ListCard
      id="escalations"
      title={t('esc.heading')}
      count={rows?.length}
      extra={
        <label class="check">
          <input type="checkbox" checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.currentTarget.checked)} />
          {t('esc.onlyOverdue')}
        </label>
      }
    >
      <Loaded state={state}>
        {() => (
          <RowsTable
            rows={rows!}
            rowKey={(r) => `${r.agendaItemId}-${r.hop}`}
            empty={t('esc.empty')}
            columns={[
              {
                label: t('col.item'),
                cell: (r) => (
                  <>
                    {r.title}
                    {r.hop > 1 && (
                      <span class="muted">
                        {' '}
                        · {t('col.hop')} {r.hop}
                      </span>
                    )}
                  </>
                ),
              },
              {
                label: t('col.from'),
                cell: (r) => <Link href={`/units/${r.raisedByUnit.id}`}>{r.raisedByUnit.name}</Link>,
              },
              { label: t('col.to'), cell: (r) => <Link href={`/units/${r.toUnit.id}`}>{r.toUnit.name}</Link> },
              { label: t('col.escalatedAt'), cell: (r) => day(r.escalatedAt) },
              { label: t('col.answerBy'), cell: (r) => r.answerBy },
              {
                label: t('col.state'),
                cell: (r) => (
                  <>
                    {r.overdue ? (
                      <Chip tone="bad">{t('common.overdue')}</Chip>
                    ) : (
                      <Chip tone="warn">{t(`state.${r.state}`)}</Chip>
                    )}{' '}
                    <WorkflowLink id={`escalation:${r.agendaItemId}`} />
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </ListCard>
  );
}

function OverdueVisits({ filters, today }: { filters: Filters; today: string }) {
  const { t, period } = useI18n();
  const communityLevel = !filters.level || filters.level === 'community';
  const state = useAsync(async () => {
    if (!communityLevel) return [];
    // A year: each of its quarters so far (visits are counted per visit period).
    const periods = !filters.period
      ? [undefined]
      : /^\d{4}$/.test(filters.period)
        ? quartersSoFar(filters.period, today)
        : [filters.period];
    const pages = await Promise.all(
      periods.map((p) =>
        api<VisitsPage>(
          `/api/supervision/visits${qs({ period: p, status: 'overdue', streetId: filters.streetId, limit: 500 })}`,
        ),
      ),
    );
    const seen = new Set<string>();
    const rows: (VisitRow & { period: string })[] = [];
    for (const page of pages) {
      for (const item of page.items) {
        const key = `${item.leaderId}:${page.period}`;
        if (!seen.has(key)) rows.push({ ...item, period: page.period });
        seen.add(key);
      }
    }
    return rows;
  }, [filters.period, filters.streetId, communityLevel]);
  return (
    <ListCard id="overdue-visits" title={t('visits.heading')} count={state.data?.length}>
      <Loaded state={state}>
        {(rows) => (
          <RowsTable
            rows={rows}
            rowKey={(r) => `${r.leaderId}-${r.period}`}
            empty={t('visits.empty')}
            columns={[
              {
                label: t('col.leader'),
                cell: (r) => (
                  <>
                    {r.name}
                    {r.title && <span class="muted"> · {r.title}</span>}
                  </>
                ),
              },
              {
                label: t('col.community'),
                cell: (r) => <Link href={`/units/${r.community.id}`}>{r.community.name}</Link>,
              },
              { label: t('col.period'), cell: (r) => period(r.period) },
              { label: t('col.visits'), class: 'num', cell: (r) => `${r.visits} / ${r.minVisits}` },
              { label: t('col.lastVisit'), cell: (r) => r.lastVisitOn ?? t('common.none') },
              { label: t('col.workflow'), cell: (r) => <WorkflowLink id={`leader-visit:${r.leaderId}`} /> },
            ]}
          />
        )}
      </Loaded>
    </ListCard>
  );
}

function Absences({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const communityLevel = !filters.level || filters.level === 'community';
  const state = useAsync(async () => {
    const [table, communities] = await Promise.all([
      api<AttendanceTable>(`/api/supervision/attendance${qs({ period: filters.period })}`),
      filters.streetId
        ? api<UnitsPage>(`/api/units${qs({ level: 'community', streetId: filters.streetId, limit: 500 })}`)
        : Promise.resolve(null),
    ]);
    const inStreet = communities && new Set(communities.items.map((c) => c.id));
    return {
      threshold: table.absenceThreshold,
      rows: table.items.filter((r) => r.flagged && (!inStreet || inStreet.has(r.community.id))),
    };
  }, [filters.period, filters.streetId]);
  const rows = communityLevel ? state.data?.rows : [];
  return (
    <ListCard id="absences" title={t('att.heading')} count={rows?.length}>
      <Loaded state={state}>
        {({ threshold }) =>
          !communityLevel ? (
            <p class="empty">{t('att.onlyCommunity')}</p>
          ) : (
            <RowsTable
              rows={rows!}
              rowKey={(r) => `${r.department.id}-${r.community.id}`}
              empty={t('att.empty', { n: threshold })}
              columns={[
                { label: t('col.department'), cell: (r) => r.department.name },
                {
                  label: t('col.community'),
                  cell: (r) => <Link href={`/units/${r.community.id}`}>{r.community.name}</Link>,
                },
                { label: t('col.meetings'), class: 'num', cell: (r) => r.meetings },
                { label: t('col.attended'), class: 'num', cell: (r) => r.attended },
                { label: t('col.absentInARow'), class: 'num', cell: (r) => <Chip tone="bad">{r.absentInARow}</Chip> },
              ]}
            />
          )
        }
      </Loaded>
    </ListCard>
  );
}
