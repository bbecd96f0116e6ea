/**
 * The third entry's page of a community: the needs list (需求清单). The community's convener (and
 * an admin) publishes and cancels needs, claims for a member and confirms a claim done; a member
 * claims and cancels their own claim. A notice's link (?need=) highlights its need.
 */
import { useState } from 'preact/hooks';
import { api, type Unit } from '../../api';
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';
import { useLocation } from '../../router';
import { useSession } from '../../session';
import { Chip, Loaded, RowsTable, type Tone, useAsync } from '../../ui';
import { FormStatus } from '../unit/form-status';
import { useSubmit } from '../unit/use-submit';

type Schemas = components['schemas'];
export type ServiceNeed = Schemas['ServiceNeed'];
type NeedPage = Schemas['ServiceNeedPage'];
type Claim = ServiceNeed['claims'][number];
type Category = ServiceNeed['category'];

const CATEGORIES: readonly Category[] = [
  'elderly_care',
  'children_youth',
  'environment',
  'civility',
  'safety',
  'legal_aid',
  'health',
  'culture',
  'wish',
  'other',
];
const STATE_TONE: Record<ServiceNeed['state'], Tone> = {
  open: 'good',
  full: 'info',
  past: 'neutral',
  cancelled: 'bad',
};

/** On the community's page, and on a member's card (their home community's list: `onChange` reloads the card). */
export function NeedsSection({ community, onChange }: { community: Pick<Unit, 'id'>; onChange?: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const needs = useAsync(
    () => api<NeedPage>(`/api/serving/needs?communityId=${encodeURIComponent(community.id)}&limit=200`),
    [community.id],
  );
  const manages = user.role === 'admin' || (user.role === 'convener' && user.unitId === community.id);
  return (
    <section class="card" aria-labelledby="needs-heading" id="needs">
      <h2 id="needs-heading">{t('needs.heading')}</h2>
      <p class="muted">{t('needs.lead')}</p>
      <Loaded state={needs}>
        {(page) => (
          <NeedsTable
            needs={page.items}
            manages={manages}
            memberId={user.role === 'member' ? (user.servingMemberId ?? null) : null}
            selected={query.get('need')}
            reload={() => {
              needs.reload();
              onChange?.();
            }}
          />
        )}
      </Loaded>
      {manages && <PublishForm communityId={community.id} onDone={needs.reload} />}
    </section>
  );
}

function NeedsTable(props: {
  needs: readonly ServiceNeed[];
  manages: boolean;
  memberId: string | null;
  selected: string | null;
  reload: () => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [confirming, setConfirming] = useState<Claim | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const act = (path: string, note: string, body: unknown = {}) => {
    void submit.run(async () => {
      await api(path, { method: 'POST', body });
      props.reload();
      return note;
    });
  };
  const claimOf = (n: ServiceNeed) => n.claims.find((c) => c.memberId === props.memberId && c.status !== 'cancelled');
  return (
    <>
      <RowsTable
        rows={props.needs}
        rowKey={(n) => n.id}
        selected={props.selected}
        empty={t('needs.empty')}
        columns={[
          { label: t('needs.title'), cell: (n) => n.title },
          { label: t('needs.category'), cell: (n) => t(`needs.cat.${n.category}`) },
          { label: t('needs.neededOn'), cell: (n) => n.neededOn },
          { label: t('needs.claimBy'), cell: (n) => n.claimBy },
          { label: t('needs.places'), cell: (n) => `${n.claimed}/${n.slots}` },
          {
            label: t('needs.state'),
            cell: (n) => <Chip tone={STATE_TONE[n.state]}>{t(`needs.state.${n.state}`)}</Chip>,
          },
          {
            label: t('needs.claims'),
            cell: (n) => (
              <ClaimList
                need={n}
                manages={props.manages}
                busy={submit.busy}
                onConfirm={(c) => {
                  setSaved(null);
                  setConfirming(c);
                }}
                act={act}
              />
            ),
          },
          {
            label: t('needs.actions'),
            cell: (n) => (
              <NeedActions
                need={n}
                mine={claimOf(n)}
                memberId={props.memberId}
                manages={props.manages}
                busy={submit.busy}
                act={act}
              />
            ),
          },
        ]}
      />
      <FormStatus error={submit.error} done={submit.done ?? saved} />
      {confirming && (
        <ConfirmForm
          key={confirming.id}
          claim={confirming}
          onDone={(note) => {
            setConfirming(null);
            setSaved(note);
            props.reload();
          }}
        />
      )}
    </>
  );
}

type Act = (path: string, note: string, body?: unknown) => void;

/** The claims of a need: the community confirms a claim done or cancels it. */
function ClaimList(props: {
  need: ServiceNeed;
  manages: boolean;
  busy: boolean;
  onConfirm: (c: Claim) => void;
  act: Act;
}) {
  const { t } = useI18n();
  return (
    <ul>
      {props.need.claims.map((c) => (
        <li key={c.id}>
          {c.memberName} {c.memberPhone} · {t(`needs.claim.${c.status}`)}
          {c.status === 'claimed' && props.manages && (
            <>
              {' '}
              <button type="button" class="link-button" onClick={() => props.onConfirm(c)}>
                {t('needs.confirm')}
              </button>{' '}
              <button
                type="button"
                class="link-button"
                disabled={props.busy}
                onClick={() => props.act(`/api/serving/claims/${c.id}/cancel`, t('needs.claim.cancelledNote'))}
              >
                {t('needs.cancelClaim')}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What the viewer may do with a need: a member claims or cancels their claim; the community cancels the need. */
function NeedActions(props: {
  need: ServiceNeed;
  mine: Claim | undefined;
  memberId: string | null;
  manages: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  const { need: n, mine, act } = props;
  const button = (cls: string, path: string, note: string, label: string) => (
    <button type="button" class={cls} disabled={props.busy} onClick={() => act(path, note)}>
      {label}
    </button>
  );
  if (props.memberId && mine?.status === 'claimed')
    return button(
      'button small',
      `/api/serving/claims/${mine.id}/cancel`,
      t('needs.claim.cancelledNote'),
      t('needs.cancelClaim'),
    );
  if (props.memberId && !mine && n.state === 'open')
    return button('button small', `/api/serving/needs/${n.id}/claims`, t('needs.claim.saved'), t('needs.claim'));
  if (props.manages && n.state !== 'cancelled')
    return button(
      'button ghost small',
      `/api/serving/needs/${n.id}/cancel`,
      t('needs.cancelled'),
      t('needs.cancelNeed'),
    );
  return <>{mine ? t(`needs.claim.${mine.status}`) : ''}</>;
}

const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function ConfirmForm({ claim, onDone }: { claim: Claim; onDone: (note: string) => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [servedOn, setServedOn] = useState(todayInShanghai());
  const [minutes, setMinutes] = useState('60');
  const [what, setWhat] = useState('');
  const [confirmedBy, setConfirmedBy] = useState('');
  const save = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      await api(`/api/serving/claims/${claim.id}/done`, {
        method: 'POST',
        body: { servedOn, minutes: Number(minutes), what, confirmedBy },
      });
      onDone(t('needs.done.saved'));
      return null;
    });
  };
  return (
    <form class="form" onSubmit={save} aria-labelledby="confirm-heading">
      <h3 id="confirm-heading">{t('needs.confirmHeading', { name: claim.memberName })}</h3>
      <div class="field">
        <label for="done-served-on">{t('needs.servedOn')}</label>
        <input
          id="done-served-on"
          type="date"
          value={servedOn}
          required
          onInput={(e) => setServedOn(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="done-minutes">{t('needs.minutes')}</label>
        <input
          id="done-minutes"
          type="number"
          min={1}
          value={minutes}
          required
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="done-what">{t('needs.what')}</label>
        <input id="done-what" value={what} required onInput={(e) => setWhat(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="done-confirmed-by">{t('needs.confirmedBy')}</label>
        <input
          id="done-confirmed-by"
          value={confirmedBy}
          required
          onInput={(e) => setConfirmedBy(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('needs.save')}
      </button>
      <FormStatus error={submit.error} done={submit.done} />
    </form>
  );
}

function PublishForm({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [f, setF] = useState({
    title: '',
    category: 'elderly_care' as Category,
    neededOn: '',
    slots: '1',
    claimBy: '',
    description: '',
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  const save = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      await api('/api/serving/needs', {
        method: 'POST',
        body: {
          communityId,
          title: f.title,
          category: f.category,
          neededOn: f.neededOn,
          slots: Number(f.slots),
          ...(f.claimBy ? { claimBy: f.claimBy } : {}),
          ...(f.description ? { description: f.description } : {}),
        },
      });
      onDone();
      setF({ ...f, title: '', description: '' });
      return t('needs.published');
    });
  };
  return (
    <form class="form" onSubmit={save} aria-labelledby="publish-heading">
      <h3 id="publish-heading">{t('needs.publish')}</h3>
      <div class="field">
        <label for="need-title">{t('needs.title')}</label>
        <input id="need-title" value={f.title} required maxLength={200} onInput={set('title')} />
      </div>
      <div class="field">
        <label for="need-category">{t('needs.category')}</label>
        <select id="need-category" value={f.category} onChange={set('category')}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`needs.cat.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="need-day">{t('needs.neededOn')}</label>
        <input id="need-day" type="date" value={f.neededOn} required onInput={set('neededOn')} />
      </div>
      <div class="field">
        <label for="need-slots">{t('needs.publish.slots')}</label>
        <input id="need-slots" type="number" min={1} value={f.slots} required onInput={set('slots')} />
      </div>
      <div class="field">
        <label for="need-claim-by">{t('needs.publish.claimBy')}</label>
        <input id="need-claim-by" type="date" value={f.claimBy} onInput={set('claimBy')} />
      </div>
      <div class="field">
        <label for="need-description">{t('needs.publish.description')}</label>
        <textarea id="need-description" value={f.description} onInput={set('description')} />
      </div>
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('needs.publish')}
      </button>
      <FormStatus error={submit.error} done={submit.done} />
    </form>
  );
}
