import { useI18n } from '../../i18n';
import { ItemDraftFields } from './item-draft-fields';
import type { ItemDraft } from './use-meeting-draft';

/** The meeting form's agenda items: one set of fields each, and the button that adds one. */
export function ItemDrafts({ items, setItems }: { items: ItemDraft[]; setItems: (items: ItemDraft[]) => void }) {
  const { t } = useI18n();
  const setItem = (index: number, change: Partial<ItemDraft>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <fieldset class="items">
      <legend>{t('meeting.items')}</legend>
      {items.map((item, i) => (
        <ItemDraftFields
          key={i}
          index={i}
          item={item}
          onChange={(change) => setItem(i, change)}
          onRemove={() => setItems(items.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        class="button secondary small"
        onClick={() => setItems([...items, { title: '', raisedBy: '', resolution: '' }])}
      >
        + {t('meeting.addItem')}
      </button>
    </fieldset>
  );
}
