import { useState } from 'preact/hooks';
import { type AgendaItem, api } from '../../api';
import { useI18n } from '../../i18n';
import { FormStatus } from './form-status';
import { TextField } from './text-field';
import { useSubmit } from './use-submit';

/** Escalate an item one level up: what it is, why this level cannot solve it, what is asked. */
export function EscalateForm({ item, onDone }: { item: AgendaItem; onDone: () => void }) {
  const { t } = useI18n();
  const [what, setWhat] = useState(item.title);
  const [why, setWhy] = useState('');
  const [ask, setAsk] = useState('');
  const submit = useSubmit();
  const id = `escalate-${item.id}`;
  return (
    <form
      class="form inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/escalations`, {
            method: 'POST',
            body: { what: what.trim(), whyNotSolvable: why.trim(), ask: ask.trim() },
          });
          onDone();
          return null;
        });
      }}
    >
      <h4 id={`${id}-heading`}>{t('escalate.heading', { title: item.title })}</h4>
      <TextField id={`${id}-what`} label={t('escalate.what')} multiline required value={what} onInput={setWhat} />
      <TextField id={`${id}-why`} label={t('escalate.why')} multiline required value={why} onInput={setWhy} />
      <TextField id={`${id}-ask`} label={t('escalate.ask')} multiline required value={ask} onInput={setAsk} />
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('escalate.submit')}
      </button>
    </form>
  );
}
