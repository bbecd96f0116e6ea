/** The meeting form's draft and its save: one POST with an Idempotency-Key, then a fresh form. */
import { useState } from 'preact/hooks';
import { api, type Meeting, newKey, type Unit } from '../../api';
import { useI18n } from '../../i18n';
import { todayShanghai } from '../../periods';
import { useSubmit } from './use-submit';

export interface ItemDraft {
  title: string;
  raisedBy: string;
  resolution: string;
}

export type MeetingKind = 'regular' | 'adhoc';

const splitNames = (text: string) =>
  text
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function useMeetingDraft(unit: Unit, onSaved: () => void) {
  const { t, period } = useI18n();
  const today = todayShanghai();
  const [heldOn, setHeldOn] = useState(today);
  const [kind, setKind] = useState<MeetingKind>('regular');
  const [attendees, setAttendees] = useState('');
  const [minutes, setMinutes] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [takesUp, setTakesUp] = useState<string[]>([]);
  const [key, setKey] = useState(newKey);
  const submit = useSubmit();

  const body = () => ({
    heldOn,
    kind,
    attendees: splitNames(attendees),
    ...(minutes.trim() ? { minutes: minutes.trim() } : {}),
    agendaItems: items
      .filter((i) => i.title.trim())
      .map((i) => ({
        title: i.title.trim(),
        raisedBy: i.raisedBy.trim() || unit.convenerName,
        ...(i.resolution.trim() ? { resolution: i.resolution.trim() } : {}),
      })),
    takesUp,
  });

  const reset = () => {
    setKey(newKey());
    setAttendees('');
    setMinutes('');
    setItems([]);
    setTakesUp([]);
    setHeldOn(today);
    setKind('regular');
  };

  const save = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const meeting = await api<Meeting>(`/api/units/${unit.id}/meetings`, {
        method: 'POST',
        idempotencyKey: key,
        body: body(),
      });
      reset();
      onSaved();
      return t('meeting.saved', { date: meeting.heldOn, period: period(meeting.periodKey) });
    });
  };

  return {
    today,
    heldOn,
    setHeldOn,
    kind,
    setKind,
    attendees,
    setAttendees,
    minutes,
    setMinutes,
    items,
    setItems,
    takesUp,
    setTakesUp,
    submit,
    save,
  };
}
