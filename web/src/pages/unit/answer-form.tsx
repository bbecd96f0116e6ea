import { useState } from 'preact/hooks';
import { type AgendaItem, api } from '../../api';
import { useI18n } from '../../i18n';
import { todayShanghai } from '../../periods';
import { FormStatus } from './form-status';
import { TextField } from './text-field';
import { useSubmit } from './use-submit';

/** Answer an item taken up: resolved, scheduled (by a date) or declined (with a reason). */
export function AnswerForm({ item, onChanged }: { item: AgendaItem; onChanged: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'resolved' | 'scheduled' | 'declined'>('resolved');
  const [text, setText] = useState('');
  const [handleBy, setHandleBy] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const id = `answer-${item.id}`;
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/feedback`, {
            method: 'POST',
            body: {
              outcome,
              text: text.trim(),
              ...(outcome === 'scheduled' ? { handleBy } : {}),
              ...(outcome === 'declined' ? { reason: reason.trim() } : {}),
            },
          });
          onChanged();
          return t('queue.done');
        });
      }}
    >
      <fieldset class="radios">
        <legend>{t('queue.outcome')}</legend>
        {(['resolved', 'scheduled', 'declined'] as const).map((o) => (
          <label class="check" key={o}>
            <input
              type="radio"
              name={`${id}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextField id={`${id}-text`} label={t('queue.text')} multiline required value={text} onInput={setText} />
      {outcome === 'scheduled' && (
        <TextField
          id={`${id}-handleBy`}
          label={t('queue.handleBy')}
          type="date"
          min={todayShanghai()}
          required
          value={handleBy}
          onInput={setHandleBy}
        />
      )}
      {outcome === 'declined' && (
        <TextField
          id={`${id}-reason`}
          label={t('queue.reason')}
          multiline
          required
          value={reason}
          onInput={setReason}
        />
      )}
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('queue.answer')}
      </button>
    </form>
  );
}
