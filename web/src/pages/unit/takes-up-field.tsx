import type { AgendaItem } from '../../api';
import { useI18n } from '../../i18n';

/** The escalated items waiting for this unit that the meeting takes up (checkboxes). */
export function TakesUpField(props: { pending: AgendaItem[]; takesUp: string[]; setTakesUp: (ids: string[]) => void }) {
  const { t } = useI18n();
  const { pending, takesUp, setTakesUp } = props;
  return (
    <fieldset class="items">
      <legend>{t('meeting.takesUp')}</legend>
      {pending.map((item) => (
        <label class="check" key={item.id}>
          <input
            type="checkbox"
            checked={takesUp.includes(item.id)}
            onChange={(e) =>
              setTakesUp(e.currentTarget.checked ? [...takesUp, item.id] : takesUp.filter((id) => id !== item.id))
            }
          />
          {item.title} <span class="muted">· {item.unitName}</span>
        </label>
      ))}
    </fieldset>
  );
}
