import type { AgendaItem } from '../../api';
import { useI18n } from '../../i18n';
import { Chip, type Tone } from '../../ui';

/** An item's state as a chip, and "overdue" beside it when it is. */
export function StateChip({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const tone: Tone =
    item.overdue || item.state === 'disputed'
      ? 'bad'
      : item.state === 'resolved' || item.state === 'confirmed'
        ? 'good'
        : item.state === 'open'
          ? 'neutral'
          : 'warn';
  return (
    <span class="chips">
      <Chip tone={tone}>{t(`state.${item.state}`)}</Chip>
      {item.overdue && <Chip tone="bad">{t('common.overdue')}</Chip>}
    </span>
  );
}
