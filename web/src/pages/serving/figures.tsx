/** The third entry's page of a community: its own figures of this year (GET /api/serving/figures?communityId). */
import { api, qs, type Unit } from '../../api';
import { useI18n } from '../../i18n';
import { todayShanghai } from '../../periods';
import { ExportButton, Loaded, useAsync } from '../../ui';
import { type ServingFigures, ServingKpis, useParticipationPeriod } from './figures-shared';

export function ServingFiguresSection({ community }: { community: Unit }) {
  const { t } = useI18n();
  const periodOf = useParticipationPeriod();
  const year = todayShanghai().slice(0, 4);
  const state = useAsync(
    () => api<ServingFigures>(`/api/serving/figures${qs({ year, communityId: community.id })}`),
    [community.id, year],
  );
  return (
    <section class="card figures" aria-labelledby="serving-figures-heading">
      <h2 id="serving-figures-heading">{t('sfig.heading', { year })}</h2>
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
            <ServingKpis counts={f.total} testId="serving-community-figures" />
            <div class="exports">
              <ExportButton
                path={`/api/serving/figures.xlsx${qs({ year, communityId: community.id })}`}
                file={`serving-figures-${community.code}-${year}.xlsx`}
                label={t('sfig.exportCommunity')}
              />
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
