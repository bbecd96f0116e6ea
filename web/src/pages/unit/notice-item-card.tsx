import { type AgendaItem, api } from '../../api';
import { useI18n } from '../../i18n';
import { scrollIntoView, useAsync } from '../../ui';
import { StateChip } from './state-chip';

/**
 * The item a notice's link names when it is neither in the queue nor in the register: one this
 * unit passed on or answered earlier (from its receipts), else read by its ID.
 */
export function NoticeItemCard({ id, handled }: { id: string; handled: AgendaItem[] }) {
  const { t } = useI18n();
  const state = useAsync(
    () => Promise.resolve(handled.find((i) => i.id === id) ?? api<AgendaItem>(`/api/agenda-items/${id}`)),
    [id, handled],
  );
  const answer = state.data?.feedback.at(-1);
  return (
    <section class="card" aria-labelledby="notice-item-heading">
      <h2 id="notice-item-heading">{t('unit.noticeItem')}</h2>
      {state.error ? (
        <p class="empty">{t('unit.noticeItemMissing')}</p>
      ) : (
        state.data && (
          <div class="item selected" aria-current="true" data-item-id={state.data.id} ref={scrollIntoView}>
            <div class="item-head">
              <h3>{state.data.title}</h3>
              <StateChip item={state.data} />
            </div>
            <p class="muted">{t('queue.from', { unit: state.data.unitName })}</p>
            {answer && (
              <p class="answer">
                {t('register.answer', { text: `${t(`outcome.${answer.outcome}`)} — ${answer.text}` })}
              </p>
            )}
          </div>
        )
      )}
    </section>
  );
}
