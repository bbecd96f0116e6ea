/**
 * The desk's panel of the third entry: the city's figures of this year (GET /api/serving/figures),
 * each street and each community with a link to its serving page, and the XLSX export.
 */
import { api, qs } from '../../api';
import { useI18n } from '../../i18n';
import { todayShanghai } from '../../periods';
import { Link } from '../../router';
import { type Column, ExportButton, Loaded, RowsTable, useAsync } from '../../ui';
import { type ServingFigureRow, type ServingFigures, ServingKpis, useParticipationPeriod } from './figures-shared';

/** Room above a table's heading and the export button (the tables sit close together otherwise). */
const SPACED = { marginTop: '1rem' };

export function ServingDeskPanel() {
  const { t } = useI18n();
  const periodOf = useParticipationPeriod();
  const year = todayShanghai().slice(0, 4);
  const state = useAsync(() => api<ServingFigures>(`/api/serving/figures${qs({ year })}`), [year]);
  const counts: Column<ServingFigureRow>[] = [
    { label: t('sfig.employers'), cell: (r) => r.employers, class: 'num' },
    { label: t('sfig.members'), cell: (r) => r.members, class: 'num' },
    { label: t('sfig.needsPublished'), cell: (r) => r.needsPublished, class: 'num' },
    { label: t('sfig.needsClaimed'), cell: (r) => r.needsClaimed, class: 'num' },
    { label: t('sfig.needsDone'), cell: (r) => r.needsDone, class: 'num' },
    { label: t('sfig.services'), cell: (r) => r.services, class: 'num' },
    { label: t('sfig.hours'), cell: (r) => r.hours.toFixed(1), class: 'num' },
    { label: t('sfig.below'), cell: (r) => r.membersBelowMinimum, class: 'num' },
  ];
  const communityColumns: Column<ServingFigureRow>[] = [
    {
      label: t('sfig.community'),
      cell: (r) => (
        <Link href={`/serving/${r.unitId}`} aria-label={t('sfig.open', { name: r.name })}>
          {r.name}
        </Link>
      ),
    },
    { label: t('sfig.street'), cell: (r) => r.streetName ?? '' },
    ...counts,
  ];
  const streetColumns: Column<ServingFigureRow>[] = [{ label: t('sfig.street'), cell: (r) => r.name }, ...counts];
  return (
    <section class="card" aria-labelledby="serving-desk-heading" data-testid="serving-desk-panel">
      <h2 id="serving-desk-heading">{t('sfig.deskHeading', { year })}</h2>
      <Loaded state={state}>
        {(f) => (
          <>
            <p class="muted">
              {t('sfig.asOf', {
                date: f.asOf,
                period: periodOf(f.participation.period),
                min: f.participation.minServices,
              })}
            </p>
            <h3>{t('sfig.total')}</h3>
            <ServingKpis counts={f.total} testId="serving-city-figures" />
            {f.employersWithoutCommunity > 0 && (
              <p class="muted">{t('sfig.withoutCommunity', { n: f.employersWithoutCommunity })}</p>
            )}
            {f.streets.length > 0 && (
              <>
                <h3 style={SPACED}>{t('sfig.byStreet')}</h3>
                <RowsTable rows={f.streets} columns={streetColumns} rowKey={(r) => r.unitId} empty="" />
              </>
            )}
            <h3 style={SPACED}>{t('sfig.byCommunity')}</h3>
            <RowsTable
              rows={f.communities}
              columns={communityColumns}
              rowKey={(r) => r.unitId}
              empty={t('sfig.noCommunities')}
            />
            <div class="exports" style={SPACED}>
              <ExportButton
                path={`/api/serving/figures.xlsx${qs({ year })}`}
                file={`serving-figures-${year}.xlsx`}
                label={t('sfig.export')}
              />
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
