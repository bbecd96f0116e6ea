/** What the community's figures section and the desk's panel share: the figures' type, the KPI list and the period's words. */
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';

export type ServingFigures = components['schemas']['ServingFigures'];
export type ServingFigureCounts = components['schemas']['ServingFigureCounts'];
export type ServingFigureRow = components['schemas']['ServingFigureRow'];

/** "2026" → 2026年, "2026-H1" → 2026年上半年. */
export function useParticipationPeriod(): (key: string) => string {
  const { t } = useI18n();
  return (key) => {
    const half = /^(\d{4})-H([12])$/.exec(key);
    if (half) return t(half[2] === '1' ? 'sfig.period.h1' : 'sfig.period.h2', { year: half[1]! });
    return t('sfig.period.year', { year: key });
  };
}

/** The figures as a row of KPIs (the below-minimum one in red when any). */
export function ServingKpis({ counts, testId }: { counts: ServingFigureCounts; testId: string }) {
  const { t } = useI18n();
  const below = counts.membersBelowMinimum;
  return (
    <ul class="kpis" data-testid={testId}>
      <li class="kpi">
        <span class="kpi-label">{t('sfig.employers')}</span>
        <span class="kpi-value">{counts.employers}</span>
      </li>
      <li class="kpi">
        <span class="kpi-label">{t('sfig.members')}</span>
        <span class="kpi-value">{counts.members}</span>
      </li>
      <li class="kpi">
        <span class="kpi-label">{t('sfig.needs')}</span>
        <span class="kpi-value">
          {counts.needsPublished} / {counts.needsClaimed} / {counts.needsDone}
        </span>
      </li>
      <li class="kpi">
        <span class="kpi-label">{t('sfig.services')}</span>
        <span class="kpi-value">{counts.services}</span>
      </li>
      <li class="kpi">
        <span class="kpi-label">{t('sfig.hours')}</span>
        <span class="kpi-value">{counts.hours.toFixed(1)}</span>
      </li>
      <li class={`kpi ${below > 0 ? 'bad' : ''}`}>
        <span class="kpi-label">{t('sfig.below')}</span>
        <span class="kpi-value">{below}</span>
      </li>
    </ul>
  );
}
