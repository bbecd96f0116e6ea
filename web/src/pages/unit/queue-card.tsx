/** The queue: items escalated to this unit. */
import type { AgendaItem, Meeting } from '../../api';
import { useI18n } from '../../i18n';
import { QueueItem } from './queue-item';

export function QueueCard({
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
