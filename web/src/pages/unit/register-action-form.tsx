import { type AgendaItem, api } from '../../api';
import { useI18n } from '../../i18n';
import { EscalateForm } from './escalate-form';
import { OneFieldForm } from './one-field-form';
import type { Action } from './register-actions';

/** The form an action of the register opens: escalate, resolve, or dispute the answer. */
export function RegisterActionForm({ item, action, onDone }: { item: AgendaItem; action: Action; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {action === 'escalate' && <EscalateForm item={item} onDone={onDone} />}
      {action === 'resolve' && (
        <OneFieldForm
          id={`resolve-${item.id}`}
          label={t('resolve.text')}
          submitLabel={t('resolve.submit')}
          send={(text) =>
            api(`/api/agenda-items/${item.id}/resolution`, { method: 'POST', body: { resolution: text } })
          }
          onDone={onDone}
        />
      )}
      {action === 'dispute' && (
        <OneFieldForm
          id={`dispute-${item.id}`}
          label={t('dispute.reason')}
          submitLabel={t('dispute.submit')}
          send={(text) =>
            api(`/api/agenda-items/${item.id}/response`, {
              method: 'POST',
              body: { response: 'disputed', reason: text },
            })
          }
          onDone={onDone}
        />
      )}
    </>
  );
}
