/** The year-end evaluation's progress per community: raters so far against the quorum. */
import { api, type Campaign, type CampaignPage, qs, type UnitsPage } from '../api';
import { useI18n } from '../i18n';
import { todayShanghai } from '../periods';
import { Link, setQuery, useLocation } from '../router';
import { isOffice, useSession } from '../session';
import { Chip, ExportButton, Loaded, RowsTable, type Tone, useAsync, WorkflowLink } from '../ui';

const STATUS_TONE: Record<Campaign['status'], Tone> = {
  scheduled: 'neutral',
  open: 'info',
  closed: 'good',
  cancelled: 'bad',
};

export function Evaluations() {
  const { t } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const year = /^\d{4}$/.test(query.get('year') ?? '') ? Number(query.get('year')) : thisYear;
  const streetId = query.get('street') ?? '';
  // A notice's link names its campaign: that row is highlighted.
  const campaignId = query.get('campaign');
  const office = isOffice(user);
  const streets = useAsync(
    () => (office ? api<UnitsPage>(`/api/units${qs({ level: 'street', limit: 500 })}`) : Promise.resolve(null)),
    [office],
  );
  const state = useAsync(
    () => api<CampaignPage>(`/api/evaluations${qs({ year, streetId, limit: 500 })}`),
    [year, streetId],
  );

  return (
    <>
      <div class="page-head">
        <h1>{t('eval.heading')}</h1>
        <p class="muted">{t('eval.intro')}</p>
      </div>
      <section class="card" aria-labelledby="eval-table-heading">
        <h2 id="eval-table-heading" class="visually-hidden">
          {t('eval.heading')}
        </h2>
        <div class="filter-row">
          <div class="field">
            <label for="eval-year">{t('eval.year')}</label>
            <select id="eval-year" value={String(year)} onChange={(e) => setQuery({ year: e.currentTarget.value })}>
              {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          {office && (
            <div class="field">
              <label for="eval-street">{t('filters.street')}</label>
              <select id="eval-street" value={streetId} onChange={(e) => setQuery({ street: e.currentTarget.value })}>
                <option value="">{t('common.all')}</option>
                {streets.data?.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {office && (
            <ExportButton
              path={`/api/evaluations/results.xlsx${qs({ year })}`}
              file={`evaluation-${year}.xlsx`}
              label={t('exports.evaluation')}
            />
          )}
        </div>
        <Loaded state={state}>
          {(page) => (
            <RowsTable
              rows={page.items}
              rowKey={(c) => c.id}
              selected={campaignId}
              empty={t('eval.empty')}
              columns={[
                {
                  label: t('col.community'),
                  cell: (c) => <Link href={`/units/${c.communityId}`}>{c.communityName}</Link>,
                },
                {
                  label: t('eval.status'),
                  cell: (c) => (
                    <>
                      <Chip tone={STATUS_TONE[c.status]}>{t(`campaign.${c.status}`)}</Chip>
                      {c.quorumMet && <Chip tone="good">{t('eval.quorumMet')}</Chip>}
                    </>
                  ),
                },
                {
                  label: t('eval.progress'),
                  cell: (c) => (
                    <span class="progress">
                      <progress
                        max={Math.max(c.quorum, 1)}
                        value={Math.min(c.raters, c.quorum)}
                        aria-label={t('eval.progressOf', {
                          community: c.communityName,
                          raters: c.raters,
                          quorum: c.quorum,
                        })}
                      />
                      <span class="num">
                        {c.raters} / {c.quorum}
                      </span>
                    </span>
                  ),
                },
                { label: t('eval.window'), cell: (c) => `${c.opensOn} – ${c.closesOn}` },
                { label: t('col.workflow'), cell: (c) => <WorkflowLink id={c.workflowId} /> },
              ]}
            />
          )}
        </Loaded>
      </section>
    </>
  );
}
