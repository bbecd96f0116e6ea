/** One item this unit raised: where it went, its answer, and what the convener may do next. */
import { useState } from 'preact/hooks';
import type { AgendaItem } from '../../api';
import { useI18n } from '../../i18n';
import { scrollIntoView, WorkflowLink } from '../../ui';
import { FormStatus } from './form-status';
import { type Action, RegisterActions } from './register-actions';
import { RegisterActionForm } from './register-action-form';
import { StateChip } from './state-chip';
import { useSubmit } from './use-submit';

export function RegisterItem({
  item,
  names,
  canWrite,
  onChanged,
  selected,
}: {
  item: AgendaItem;
  names: Map<string, string>;
  canWrite: boolean;
  onChanged: () => void;
  selected: boolean;
}) {
  const { t, day } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const hop = item.escalations.at(-1);
  const answer = item.feedback.at(-1);
  const headingId = `item-${item.id}`;
  const confirm = useSubmit();
  const toggle = (a: Action) => setAction(action === a ? null : a);
  const changed = () => {
    setAction(null);
    onChanged();
  };
  return (
    <li
      class={selected ? 'item selected' : 'item'}
      aria-labelledby={headingId}
      aria-current={selected ? 'true' : undefined}
      data-item-id={item.id}
      ref={selected ? scrollIntoView : undefined}
    >
      <div class="item-head">
        <h3 id={headingId}>{item.title}</h3>
        <StateChip item={item} />
      </div>
      <p class="muted">
        {item.raisedBy} · {day(item.createdAt)}
        {hop && (
          <>
            {' '}
            · → {names.get(hop.toUnitId) ?? t('unit.above')} · {t('queue.answerBy')} {hop.answerBy}
          </>
        )}
      </p>
      {item.resolution && <p>{item.resolution}</p>}
      {answer && (
        <p class="answer">{t('register.answer', { text: `${t(`outcome.${answer.outcome}`)} — ${answer.text}` })}</p>
      )}
      {item.workflowId && (
        <p>
          <WorkflowLink id={item.workflowId} />
        </p>
      )}
      {canWrite && (item.state === 'open' || item.state === 'answered') && (
        <RegisterActions item={item} action={action} toggle={toggle} confirm={confirm} onConfirmed={changed} />
      )}
      <FormStatus error={confirm.error} done={null} />
      <RegisterActionForm item={item} action={action} onDone={changed} />
    </li>
  );
}
