/**
 * The third entry's page of a community: the members below the minimum in the current (or the
 * previous) participation period, for the community's convener and the office; the rule, which
 * the office changes. Also the status of one member's participation (for the member's card).
 */
import { useState } from 'preact/hooks';
import { api, type Unit } from '../../api';
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';
import { isOffice, useSession } from '../../session';
import { Chip, Loaded, RowsTable, type Tone, useAsync } from '../../ui';
import { FormStatus } from '../unit/form-status';
import { useSubmit } from '../unit/use-submit';

type Schemas = components['schemas'];
type ServingRule = Schemas['ServingRule'];
type BelowMinimum = Schemas['ServingBelowMinimum'];
type BelowMinimumRow = BelowMinimum['items'][number];
type MemberParticipation = Schemas['MemberParticipation'];

/** "2026" → 2026年 / 2026; "2026-H2" → 2026年下半年 / 2026 H2. */
function usePeriodLabel() {
  const { t } = useI18n();
  return (key: string) => {
    const half = /^(\d{4})-H([12])$/.exec(key);
    if (half) return t(half[2] === '1' ? 'participation.firstHalf' : 'participation.secondHalf', { year: half[1]! });
    return t('participation.year', { year: key });
  };
}

/** The period before a year or half-year key. */
function previousPeriod(key: string): string {
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (!half) return String(Number(key) - 1);
  return half[2] === '2' ? `${half[1]}-H1` : `${Number(half[1]) - 1}-H2`;
}

export function ParticipationSection({ community }: { community: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  const office = isOffice(user);
  if (!office && user.role !== 'convener') return null;
  return (
    <section class="card" aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('participation.heading')}</h2>
      <p class="meta">{t('participation.lead')}</p>
      <BelowMinimumList communityId={community.id} />
      {office && <RuleForm />}
    </section>
  );
}

function BelowMinimumList({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const label = usePeriodLabel();
  const [period, setPeriod] = useState<string | null>(null);
  const state = useAsync(
    () =>
      api<BelowMinimum>(
        `/api/serving/below-minimum?communityId=${encodeURIComponent(communityId)}${period ? `&period=${period}` : ''}`,
      ),
    [communityId, period],
  );
  return (
    <Loaded state={state}>
      {(list) => (
        <>
          <h3>{t('participation.belowHeading', { period: label(list.periodKey), min: list.minServices })}</h3>
          <p>
            <button
              type="button"
              class="link-button"
              onClick={() => setPeriod(period ? null : previousPeriod(list.periodKey))}
            >
              {period ? t('participation.showCurrent') : t('participation.showPrevious')}
            </button>
          </p>
          <RowsTable<BelowMinimumRow>
            rows={list.items}
            rowKey={(r) => r.memberId}
            empty={t('participation.noneBelow')}
            columns={[
              { label: t('participation.name'), cell: (r) => r.name },
              { label: t('participation.phone'), cell: (r) => r.phone },
              { label: t('participation.employer'), cell: (r) => r.employerName },
              { label: t('participation.services'), cell: (r) => r.services },
              { label: t('participation.missing'), cell: (r) => <Chip tone="warn">{r.missing}</Chip> },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

const NUMBER_FIELDS = [
  'minServices',
  'claimConfirmWithinDays',
  'claimCommunityAfterDays',
  'receiptWithinDays',
  'receiptOfficeAfterDays',
  'receiptValidDays',
] as const;

function RuleForm() {
  const { t } = useI18n();
  const state = useAsync(() => api<ServingRule>('/api/serving/rule'), []);
  return (
    <>
      <h3>{t('participation.ruleHeading')}</h3>
      <Loaded state={state}>{(rule) => <RuleFields rule={rule} onSaved={state.reload} />}</Loaded>
    </>
  );
}

function RuleFields({ rule, onSaved }: { rule: ServingRule; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(rule);
  const [ladder, setLadder] = useState(rule.participationReminderLadder.join(', '));
  const submit = useSubmit();
  const save = () =>
    submit.run(async () => {
      const participationReminderLadder = ladder
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
      await api('/api/serving/rule', { method: 'PUT', body: { ...draft, participationReminderLadder } });
      onSaved();
      return t('participation.saved');
    });
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="field">
        <label for="rule-period">{t('participation.rule.participationPeriod')}</label>
        <select
          id="rule-period"
          value={draft.participationPeriod}
          onChange={(e) =>
            setDraft({ ...draft, participationPeriod: (e.target as HTMLSelectElement).value as 'year' | 'half' })
          }
        >
          <option value="year">{t('participation.rule.periodYear')}</option>
          <option value="half">{t('participation.rule.periodHalf')}</option>
        </select>
      </div>
      <div class="field">
        <label for="rule-ladder">{t('participation.rule.participationReminderLadder')}</label>
        <input id="rule-ladder" value={ladder} onInput={(e) => setLadder((e.target as HTMLInputElement).value)} />
      </div>
      {NUMBER_FIELDS.map((f) => (
        <div class="field" key={f}>
          <label for={`rule-${f}`}>{t(`participation.rule.${f}`)}</label>
          <input
            id={`rule-${f}`}
            type="number"
            min={1}
            required
            value={draft[f]}
            onInput={(e) => setDraft({ ...draft, [f]: Number((e.target as HTMLInputElement).value) })}
          />
        </div>
      ))}
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('participation.save')}
      </button>
    </form>
  );
}

/** One member's participation in the current period (the workflow's status), for their service card. */
export function ParticipationStatus({ memberId }: { memberId: string }) {
  const { t, dateTime, step } = useI18n();
  const label = usePeriodLabel();
  const state = useAsync(
    () => api<MemberParticipation>(`/api/serving/members/${encodeURIComponent(memberId)}/participation`),
    [memberId],
  );
  return (
    <Loaded state={state}>
      {(p) => {
        if (p.state !== 'watching') return <p class="muted">{t('participation.notWatching')}</p>;
        const met = p.outcome === 'met' || p.services >= p.minServices;
        const [tone, text]: [Tone, string] =
          p.outcome === 'overdue'
            ? ['bad', t('participation.overdue')]
            : met
              ? ['good', t('participation.met')]
              : ['warn', t('participation.pending')];
        return (
          <dl class="facts">
            <div>
              <dt>{t('participation.period')}</dt>
              <dd>
                {label(p.periodKey)} <Chip tone={tone}>{text}</Chip>
              </dd>
            </div>
            <div>
              <dt>{t('participation.dueDate')}</dt>
              <dd>{p.dueDate}</dd>
            </div>
            <div>
              <dt>{t('participation.services')}</dt>
              <dd>{t('participation.servicesOf', { services: p.services, min: p.minServices })}</dd>
            </div>
            <div>
              <dt>{t('participation.next')}</dt>
              <dd>
                {p.nextNotice ? `${step(p.nextNotice.step)} · ${dateTime(p.nextNotice.at)}` : t('participation.noNext')}
              </dd>
            </div>
          </dl>
        );
      }}
    </Loaded>
  );
}
