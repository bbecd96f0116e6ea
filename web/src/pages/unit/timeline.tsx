/** The timeline: what happened at and around the unit, newest first. */
import type { Unit } from '../../api';
import { useI18n } from '../../i18n';
import { Chip } from '../../ui';
import type { UnitRecord } from './record';
import { timelineEvents } from './timeline-events';

export function Timeline({ unit, record }: { unit: Unit; record: UnitRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  const events = timelineEvents(unit, record, i18n);

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
