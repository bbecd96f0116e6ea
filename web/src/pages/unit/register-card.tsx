/** The register: items this unit raised. */
import type { AgendaItem } from '../../api';
import { useI18n } from '../../i18n';
import { RegisterItem } from './register-item';

export function RegisterCard({
  items,
  names,
  canWrite,
  onChanged,
  selected,
}: {
  items: AgendaItem[];
  names: Map<string, string>;
  canWrite: boolean;
  onChanged: () => void;
  selected: string | null;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="register-heading">
      <h2 id="register-heading">
        {t('register.heading')} <span class="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">{t('register.empty')}</p>
      ) : (
        <ul class="item-list">
          {items.map((item) => (
            <RegisterItem
              key={item.id}
              item={item}
              names={names}
              canWrite={canWrite}
              onChanged={onChanged}
              selected={item.id === selected}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
