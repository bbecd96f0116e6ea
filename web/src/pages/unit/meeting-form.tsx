/** The convener's form: record a meeting (attendees, minutes, agenda items, items taken up). */
import type { Unit } from '../../api';
import { useI18n } from '../../i18n';
import { FormStatus } from './form-status';
import { ItemDrafts } from './item-drafts';
import type { UnitRecord } from './record';
import { TakesUpField } from './takes-up-field';
import { TextField } from './text-field';
import { useMeetingDraft } from './use-meeting-draft';

export function MeetingForm({
  unit,
  record,
  onSaved,
}: {
  unit: Unit;
  record: UnitRecord | undefined;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const draft = useMeetingDraft(unit, onSaved);
  const { submit } = draft;
  const pending = (record?.queue ?? []).filter((i) => i.escalations.at(-1)?.state === 'pending');

  return (
    <section class="card" aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">{t('meeting.heading')}</h2>
      <form class="form" onSubmit={draft.save}>
        <div class="form-row">
          <TextField
            id="meeting-heldOn"
            label={t('meeting.heldOn')}
            type="date"
            max={draft.today}
            required
            value={draft.heldOn}
            onInput={draft.setHeldOn}
          />
          <div class="field">
            <label for="meeting-kind">{t('meeting.kind')}</label>
            <select
              id="meeting-kind"
              value={draft.kind}
              onChange={(e) => draft.setKind(e.currentTarget.value === 'adhoc' ? 'adhoc' : 'regular')}
            >
              <option value="regular">{t('meeting.kind.regular')}</option>
              <option value="adhoc">{t('meeting.kind.adhoc')}</option>
            </select>
          </div>
        </div>
        <TextField
          id="meeting-attendees"
          label={t('meeting.attendees')}
          hint={t('meeting.attendeesHint')}
          multiline
          value={draft.attendees}
          onInput={draft.setAttendees}
        />
        <TextField
          id="meeting-minutes"
          label={t('meeting.minutes')}
          hint={t('meeting.minutesHint')}
          multiline
          value={draft.minutes}
          onInput={draft.setMinutes}
        />
        <ItemDrafts items={draft.items} setItems={draft.setItems} />
        {pending.length > 0 && <TakesUpField pending={pending} takesUp={draft.takesUp} setTakesUp={draft.setTakesUp} />}
        <FormStatus error={submit.error} done={submit.done} />
        <button type="submit" class="button primary" disabled={submit.busy}>
          {submit.busy ? t('common.saving') : t('meeting.submit')}
        </button>
      </form>
    </section>
  );
}
