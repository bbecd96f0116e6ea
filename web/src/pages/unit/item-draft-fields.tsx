import { useI18n } from '../../i18n';
import { TextField } from './text-field';
import type { ItemDraft } from './use-meeting-draft';

/** One agenda item of the meeting form: title, who raised it, its resolution, and its removal. */
export function ItemDraftFields(props: {
  index: number;
  item: ItemDraft;
  onChange: (change: Partial<ItemDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { index: i, item, onChange } = props;
  return (
    <fieldset class="item-draft">
      <legend>{t('meeting.itemN', { n: i + 1 })}</legend>
      <div class="form-row">
        <TextField
          id={`item-${i}-title`}
          label={t('meeting.itemTitle')}
          required
          value={item.title}
          onInput={(v) => onChange({ title: v })}
        />
        <TextField
          id={`item-${i}-raisedBy`}
          label={t('meeting.itemRaisedBy')}
          value={item.raisedBy}
          onInput={(v) => onChange({ raisedBy: v })}
        />
      </div>
      <TextField
        id={`item-${i}-resolution`}
        label={t('meeting.itemResolution')}
        multiline
        value={item.resolution}
        onInput={(v) => onChange({ resolution: v })}
      />
      <button type="button" class="button ghost small" onClick={props.onRemove}>
        {t('meeting.removeItem', { n: i + 1 })}
      </button>
    </fieldset>
  );
}
