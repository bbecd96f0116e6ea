/** One item escalated to this unit: what is asked and by when, and the convener's next step. */
import type { AgendaItem, EscalationHop, Meeting } from '../../api';
import { useI18n } from '../../i18n';
import { shanghaiDay } from '../../periods';
import { scrollIntoView, WorkflowLink } from '../../ui';
import { AnswerForm } from './answer-form';
import { StateChip } from './state-chip';
import { TakeUpForm } from './take-up-form';

function HopLedger({ hop }: { hop: EscalationHop }) {
  const { t } = useI18n();
  return (
    <>
      <dl class="ledger">
        <div>
          <dt>{t('queue.what')}</dt>
          <dd>{hop.what}</dd>
        </div>
        <div>
          <dt>{t('queue.why')}</dt>
          <dd>{hop.whyNotSolvable}</dd>
        </div>
        <div>
          <dt>{t('queue.ask')}</dt>
          <dd>{hop.ask}</dd>
        </div>
        <div>
          <dt>{t('queue.scheduleBy')}</dt>
          <dd>{hop.scheduleBy}</dd>
        </div>
        <div>
          <dt>{t('queue.answerBy')}</dt>
          <dd>{hop.answerBy}</dd>
        </div>
      </dl>
      <details>
        <summary>{t('queue.minutes')}</summary>
        <p class="minutes">{hop.minutes}</p>
      </details>
    </>
  );
}

export function QueueItem({
  item,
  meetings,
  canWrite,
  onChanged,
  selected,
}: {
  item: AgendaItem;
  meetings: Meeting[];
  canWrite: boolean;
  onChanged: () => void;
  selected: boolean;
}) {
  const { t } = useI18n();
  const hop = item.escalations.at(-1);
  const headingId = `queue-${item.id}`;
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
      <p class="muted">{t('queue.from', { unit: item.unitName })}</p>
      {hop && <HopLedger hop={hop} />}
      <p>
        <WorkflowLink id={item.workflowId} />
      </p>
      {canWrite && hop?.state === 'pending' && (
        <TakeUpForm item={item} meetings={meetings} since={shanghaiDay(hop.escalatedAt)} onChanged={onChanged} />
      )}
      {canWrite && hop?.state === 'taken_up' && <AnswerForm item={item} onChanged={onChanged} />}
    </li>
  );
}
