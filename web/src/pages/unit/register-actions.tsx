import { type AgendaItem, api } from '../../api';
import { useI18n } from '../../i18n';
import type { Submit } from './use-submit';

/** What the convener may do with an item of the register (the open form, if any). */
export type Action = 'escalate' | 'resolve' | 'dispute' | null;

/**
 * The buttons under an item of the register: escalate or resolve an open item; confirm an answer
 * from above (at once) or dispute it (a form).
 */
export function RegisterActions(props: {
  item: AgendaItem;
  action: Action;
  toggle: (action: Action) => void;
  confirm: Submit;
  onConfirmed: () => void;
}) {
  const { t } = useI18n();
  const { item, action, toggle, confirm } = props;
  const sendConfirm = () =>
    void confirm.run(async () => {
      await api(`/api/agenda-items/${item.id}/response`, {
        method: 'POST',
        body: { response: 'confirmed' },
      });
      props.onConfirmed();
      return t('queue.done');
    });
  return (
    <div class="actions">
      {item.state === 'open' && (
        <>
          <button
            type="button"
            class="button secondary small"
            aria-expanded={action === 'escalate'}
            onClick={() => toggle('escalate')}
          >
            {t('register.escalate')}
          </button>
          <button
            type="button"
            class="button ghost small"
            aria-expanded={action === 'resolve'}
            onClick={() => toggle('resolve')}
          >
            {t('register.resolve')}
          </button>
        </>
      )}
      {item.state === 'answered' && (
        <>
          <button type="button" class="button primary small" disabled={confirm.busy} onClick={sendConfirm}>
            {t('register.confirm')}
          </button>
          <button
            type="button"
            class="button ghost small"
            aria-expanded={action === 'dispute'}
            onClick={() => toggle('dispute')}
          >
            {t('register.dispute')}
          </button>
        </>
      )}
    </div>
  );
}
