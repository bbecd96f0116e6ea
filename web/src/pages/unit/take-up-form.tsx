import { useState } from 'preact/hooks';
import { type AgendaItem, api, type Meeting } from '../../api';
import { useI18n } from '../../i18n';
import { FormStatus } from './form-status';
import { useSubmit } from './use-submit';

/** Take up an escalated item at a meeting held since it arrived. */
export function TakeUpForm({
  item,
  meetings,
  since,
  onChanged,
}: {
  item: AgendaItem;
  meetings: Meeting[];
  since: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const eligible = meetings.filter((m) => m.heldOn >= since).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const [meetingId, setMeetingId] = useState(eligible[0]?.id ?? '');
  const submit = useSubmit();
  if (eligible.length === 0) return <p class="note info">{t('queue.noMeeting')}</p>;
  const id = `takeup-${item.id}`;
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await api(`/api/agenda-items/${item.id}/take-up`, { method: 'POST', body: { meetingId } });
          onChanged();
          return t('queue.done');
        });
      }}
    >
      <div class="field">
        <label for={id}>{t('queue.meeting')}</label>
        <select id={id} value={meetingId} onChange={(e) => setMeetingId(e.currentTarget.value)}>
          {eligible.map((m) => (
            <option key={m.id} value={m.id}>
              {m.heldOn} · {t(`meeting.kind.${m.kind}`)}
            </option>
          ))}
        </select>
      </div>
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('queue.takeUp')}
      </button>
    </form>
  );
}
