/** What is due next: the unit's meeting obligation this period, from its workflow. */
import type { Obligation } from '../../api';
import { useI18n } from '../../i18n';
import { type AsyncState, Chip, Loaded, type Tone, WorkflowLink } from '../../ui';

function ObligationStatus({ o, unitCode }: { o: Obligation; unitCode: string }) {
  const { t, period, dateTime, step } = useI18n();
  if (o.state === 'ended') return <p>{t('ob.ended')}</p>;
  if (o.state === 'starting') return <p class="muted">{t('ob.starting')}</p>;
  const met = o.outcome === 'met' || o.meetingsHeld >= o.minMeetings;
  const [tone, label]: [Tone, string] =
    o.outcome === 'overdue' ? ['bad', t('ob.overdue')] : met ? ['good', t('ob.met')] : ['warn', t('ob.pending')];
  return (
    <>
      <p class="status-line">
        <Chip tone={tone}>{label}</Chip>
      </p>
      <dl class="facts">
        <div>
          <dt>{t('ob.period')}</dt>
          <dd>{period(o.periodKey)}</dd>
        </div>
        <div>
          <dt>{t('ob.dueDate')}</dt>
          <dd>{o.dueDate}</dd>
        </div>
        <div>
          <dt>{t('ob.held')}</dt>
          <dd>{t('ob.heldOf', { held: o.meetingsHeld, min: o.minMeetings })}</dd>
        </div>
        <div>
          <dt>{t('ob.next')}</dt>
          <dd>{o.nextNotice ? `${step(o.nextNotice.step)} · ${dateTime(o.nextNotice.at)}` : t('ob.noNext')}</dd>
        </div>
      </dl>
      <p>
        <WorkflowLink id={o.workflowId} unitCode={unitCode} />
      </p>
    </>
  );
}

export function ObligationCard({ state, unitCode }: { state: AsyncState<Obligation>; unitCode: string }) {
  const { t } = useI18n();
  return (
    <section class="card obligation" aria-labelledby="obligation-heading">
      <h2 id="obligation-heading">{t('unit.obligation')}</h2>
      <Loaded state={state}>{(o) => <ObligationStatus o={o} unitCode={unitCode} />}</Loaded>
    </section>
  );
}
