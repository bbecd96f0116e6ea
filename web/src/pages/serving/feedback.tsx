/**
 * The third entry's page of a community: the quarterly feedback to employers (sent, confirmed,
 * reminded, office told, per employer) and the year-end evaluation grid (proposed grades from the
 * year's services; the community's own convener, or an admin, enters grades).
 */
import { useState } from 'preact/hooks';
import { api, qs, type Unit } from '../../api';
import type { components } from '../../api-types';
import { type I18n, useI18n } from '../../i18n';
import { periodChoices, previousQuarter, quarterOf, todayShanghai } from '../../periods';
import { useSession } from '../../session';
import { Chip, Loaded, RowsTable, useAsync } from '../../ui';
import { FormStatus } from '../unit/form-status';
import { useSubmit } from '../unit/use-submit';

type Schemas = components['schemas'];
type FeedbackStatus = Schemas['ServingFeedbackStatus'];
type FeedbackLine = FeedbackStatus['items'][number];
type Grid = Schemas['ServingEvaluationGrid'];
type GridLine = Grid['items'][number];
type Grade = GridLine['grade'];
const GRADES: readonly Grade[] = ['excellent', 'competent', 'basically_competent', 'incompetent'];

export function FeedbackSection({ community }: { community: Unit }) {
  return (
    <>
      <FeedbackStatusCard community={community} />
      <EvaluationCard community={community} />
    </>
  );
}

function receiptStatus(line: FeedbackLine, i18n: I18n) {
  const { t, dateTime } = i18n;
  if (line.confirmedAt) {
    return (
      <Chip tone="good">
        {t('sfb.status.confirmed', { by: line.confirmedBy ?? '', at: dateTime(line.confirmedAt) })}
      </Chip>
    );
  }
  if (!line.sentAt) return <Chip>{t('sfb.status.notSent')}</Chip>;
  return (
    <>
      <Chip tone="info">{t('sfb.status.sent', { at: dateTime(line.sentAt) })}</Chip>{' '}
      {line.remindedAt && <Chip tone="warn">{t('sfb.status.reminded', { at: dateTime(line.remindedAt) })}</Chip>}{' '}
      {line.officeToldAt && <Chip tone="bad">{t('sfb.status.office', { at: dateTime(line.officeToldAt) })}</Chip>}
    </>
  );
}

function FeedbackStatusCard({ community }: { community: Unit }) {
  const i18n = useI18n();
  const { t, period } = i18n;
  const quarters = periodChoices().filter((p) => p.includes('-Q'));
  const [quarter, setQuarter] = useState(previousQuarter(quarterOf(todayShanghai())));
  const state = useAsync(
    () => api<FeedbackStatus>(`/api/serving/feedback${qs({ communityId: community.id, periodKey: quarter })}`),
    [community.id, quarter],
  );
  return (
    <section class="card" aria-labelledby="sfb-heading">
      <h2 id="sfb-heading">{t('sfb.heading')}</h2>
      <p class="muted">{t('sfb.lead')}</p>
      <div class="filter-row">
        <div class="field">
          <label for="sfb-quarter">{t('sfb.quarter')}</label>
          <select id="sfb-quarter" value={quarter} onChange={(e) => setQuarter(e.currentTarget.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {period(q)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded state={state}>
        {(s) => (
          <RowsTable<FeedbackLine>
            rows={s.items}
            rowKey={(l) => l.employerId}
            empty={t('sfb.empty')}
            columns={[
              { label: t('sfb.col.employer'), cell: (l) => l.name },
              { label: t('sfb.col.partyOrg'), cell: (l) => l.partyOrgName },
              { label: t('sfb.col.members'), cell: (l) => l.members, class: 'num' },
              { label: t('sfb.col.services'), cell: (l) => l.services, class: 'num' },
              { label: t('sfb.col.hours'), cell: (l) => l.hours, class: 'num' },
              { label: t('sfb.col.status'), cell: (l) => receiptStatus(l, i18n) },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}

function EvaluationCard({ community }: { community: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const state = useAsync(
    () => api<Grid>(`/api/serving/evaluations${qs({ communityId: community.id, year })}`),
    [community.id, year],
  );
  const canEnter = user.role === 'admin' || (user.role === 'convener' && user.unitId === community.id);
  return (
    <section class="card" aria-labelledby="sev-heading">
      <h2 id="sev-heading">{t('sev.heading')}</h2>
      <p class="muted">{t('sev.lead')}</p>
      <div class="filter-row">
        <div class="field">
          <label for="sev-year">{t('sev.year')}</label>
          <select id="sev-year" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {[thisYear, thisYear - 1].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded state={state}>
        {(grid) => (
          <EvaluationTable grid={grid} canEnter={canEnter} communityId={community.id} onSaved={state.reload} />
        )}
      </Loaded>
    </section>
  );
}

function EvaluationTable({
  grid,
  canEnter,
  communityId,
  onSaved,
}: {
  grid: Grid;
  canEnter: boolean;
  communityId: string;
  onSaved: () => void;
}) {
  const { t, tx } = useI18n();
  const submit = useSubmit();
  const gradeLabel = (g: Grade) => tx(`sev.grade.${g}`, g);
  const save = (line: GridLine, grade: Grade) =>
    void submit.run(async () => {
      await api(`/api/serving/evaluations`, {
        method: 'PUT',
        body: { communityId, year: grid.year, subjectKind: line.subjectKind, subjectId: line.subjectId, grade },
      });
      onSaved();
      return t('sev.saved', { name: line.name });
    });
  return (
    <>
      <RowsTable<GridLine>
        rows={grid.items}
        rowKey={(l) => `${l.subjectKind}-${l.subjectId}`}
        empty={t('sev.empty')}
        columns={[
          {
            label: t('sev.col.subject'),
            cell: (l) => (l.subjectKind === 'employer' ? <strong>{l.name}</strong> : `${l.name} ${l.phone ?? ''}`),
          },
          {
            label: t('sev.col.kind'),
            cell: (l) =>
              l.subjectKind === 'employer'
                ? `${t('sev.kind.employer')} · ${t('sev.met', { met: l.membersMeetingMinimum ?? 0, members: l.members ?? 0 })}`
                : t('sev.kind.member'),
          },
          { label: t('sev.col.services'), cell: (l) => l.services, class: 'num' },
          { label: t('sev.col.proposed'), cell: (l) => gradeLabel(l.proposed) },
          {
            label: t('sev.col.grade'),
            cell: (l) =>
              canEnter ? (
                <select
                  aria-label={`${t('sev.col.grade')} ${l.name}`}
                  value={l.grade}
                  disabled={submit.busy}
                  onChange={(e) => save(l, e.currentTarget.value as Grade)}
                >
                  {GRADES.map((g) => (
                    <option key={g} value={g}>
                      {gradeLabel(g)}
                    </option>
                  ))}
                </select>
              ) : (
                <Chip tone={l.entered ? 'info' : 'neutral'}>{gradeLabel(l.grade)}</Chip>
              ),
          },
          { label: t('sev.col.comment'), cell: (l) => l.comment ?? '' },
        ]}
      />
      <FormStatus error={submit.error} done={submit.done} />
    </>
  );
}
