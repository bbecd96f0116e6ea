/**
 * A grouped bar chart of one period's figures per level (ECharts, SVG), with the same numbers as
 * a table behind a disclosure for screen readers and keyboard users.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { FigureRow, Figures } from '../api';
import { useI18n } from '../i18n';

export const FIGURE_SERIES: readonly (keyof Omit<FigureRow, 'level'>)[] = [
  'meetingsHeld',
  'resolvedAtOwnLevel',
  'escalated',
  'escalatedAnswered',
  'overdue',
];
const COLORS = ['#a5231b', '#2e7d32', '#ef6c00', '#1565c0', '#6a1b9a'];

/** The levels worth a bar: the four of the mechanism, and buildings only when they have figures. */
function chartRows(figures: Figures): FigureRow[] {
  return figures.rows.filter(
    (r) => r.level !== 'total' && (r.level !== 'building' || FIGURE_SERIES.some((k) => r[k] > 0)),
  );
}

export function FiguresChart({ figures, title, id }: { figures: Figures; title: string; id: string }) {
  const { t, lang, period } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const rows = chartRows(figures);
  const label = t('figures.chart', { period: period(figures.period) });

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let disposed = false;
    let chart: { setOption(o: unknown): void; resize(): void; dispose(): void } | undefined;
    const observer = new ResizeObserver(() => chart?.resize());
    observer.observe(element);
    void import('../echarts').then(({ init }) => {
      if (disposed) return;
      chart = init(element, null, { renderer: 'svg', locale: lang === 'en' ? 'EN' : 'ZH' });
      chart.setOption({
        animation: false,
        aria: { enabled: true, label: { description: label } },
        color: COLORS,
        grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
        legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: rows.map((r) => t(`level.${r.level}`)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: FIGURE_SERIES.map((key) => ({
          type: 'bar',
          name: t(`fig.${key}`),
          data: rows.map((r) => r[key]),
          barMaxWidth: 18,
        })),
      });
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [figures, lang]);

  return (
    <figure class="chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-title">
        {title}
      </figcaption>
      <div ref={box} class="chart" role="img" aria-label={label} />
      <details class="chart-data">
        <summary>{t('figures.table')}</summary>
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.level')}</th>
                {FIGURE_SERIES.map((key) => (
                  <th scope="col" key={key}>
                    {t(`fig.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((r) => (
                <tr key={r.level}>
                  <th scope="row">{t(`level.${r.level}`)}</th>
                  {FIGURE_SERIES.map((key) => (
                    <td key={key} class="num">
                      {r[key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
