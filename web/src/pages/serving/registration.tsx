/**
 * The third entry's page of a community: its registered members (个人报到) and the employers that
 * concern it (单位报到) — phones and ID numbers masked — and, for the community's own convener or
 * an admin, the forms to register either.
 */
import { useState } from 'preact/hooks';
import { api, type Unit } from '../../api';
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { Loaded, RowsTable, useAsync } from '../../ui';
import { FormStatus } from '../unit/form-status';
import { TextField } from '../unit/text-field';
import { useSubmit } from '../unit/use-submit';

type Schemas = components['schemas'];
type MemberPage = Schemas['ServingMemberPage'];
type Member = MemberPage['items'][number];
type EmployerPage = Schemas['ServingEmployerPage'];
type Employer = EmployerPage['items'][number];
type Post = Member['posts'][number];

const POSTS: readonly Post[] = [
  'policy_promotion',
  'neighbourhood_help',
  'environment_keeping',
  'safety_patrol',
  'conflict_mediation',
  'professional_service',
  'culture_sport',
];

export function RegistrationSection({ community }: { community: Unit }) {
  const { t } = useI18n();
  const { user } = useSession();
  const q = `communityId=${encodeURIComponent(community.id)}&limit=500`;
  const members = useAsync(() => api<MemberPage>(`/api/serving/members?${q}`), [community.id]);
  const employers = useAsync(() => api<EmployerPage>(`/api/serving/employers?${q}`), [community.id]);
  const writes = user.role === 'admin' || (user.role === 'convener' && user.unitId === community.id);
  const reload = () => {
    members.reload();
    employers.reload();
  };
  return (
    <section class="card" aria-labelledby="serving-registration-heading">
      <h2 id="serving-registration-heading">{t('servingReg.members')}</h2>
      <p class="meta">{t('servingReg.masked')}</p>
      <Loaded state={members}>{(page) => <MemberTable members={page.items} />}</Loaded>
      <h3>{t('servingReg.employers')}</h3>
      <Loaded state={employers}>{(page) => <EmployerTable employers={page.items} />}</Loaded>
      {writes && (
        <>
          <MemberForm community={community} onDone={reload} />
          <EmployerForm community={community} onDone={reload} />
          <p class="hint">{t('servingReg.importHint')}</p>
        </>
      )}
    </section>
  );
}

function MemberTable({ members }: { members: Member[] }) {
  const { t, tx, day } = useI18n();
  return (
    <RowsTable
      rows={members}
      rowKey={(m) => m.id}
      empty={t('servingReg.membersEmpty')}
      columns={[
        { label: t('servingReg.name'), cell: (m) => m.name },
        { label: t('servingReg.employer'), cell: (m) => m.employer.name },
        { label: t('servingReg.phone'), cell: (m) => m.phone },
        {
          label: t('servingReg.posts'),
          cell: (m) => m.posts.map((p) => tx(`servingReg.post.${p}`, p)).join('、'),
        },
        { label: t('servingReg.registeredOn'), cell: (m) => day(m.registeredOn) },
      ]}
    />
  );
}

function EmployerTable({ employers }: { employers: Employer[] }) {
  const { t } = useI18n();
  return (
    <RowsTable
      rows={employers}
      rowKey={(e) => e.id}
      empty={t('servingReg.employersEmpty')}
      columns={[
        { label: t('servingReg.code'), cell: (e) => e.code },
        { label: t('servingReg.employerName'), cell: (e) => e.name },
        { label: t('servingReg.partyOrg'), cell: (e) => e.partyOrgName },
        { label: t('servingReg.contact'), cell: (e) => e.contactName },
        { label: t('servingReg.memberCount'), cell: (e) => String(e.memberCount) },
      ]}
    />
  );
}

const splitSkills = (text: string) =>
  text
    .split(/[、,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function MemberForm({ community, onDone }: { community: Unit; onDone: () => void }) {
  const { t, tx } = useI18n();
  const [f, setF] = useState({ name: '', phone: '', idNumber: '', email: '', employer: '', skills: '' });
  const [posts, setPosts] = useState<Post[]>([]);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const submit = useSubmit();
  return (
    <form
      class="form"
      aria-labelledby="serving-member-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const m = await api<Member>('/api/serving/members', {
            method: 'POST',
            body: {
              name: f.name.trim(),
              phone: f.phone.trim(),
              ...(f.idNumber.trim() ? { idNumber: f.idNumber.trim() } : {}),
              ...(f.email.trim() ? { email: f.email.trim() } : {}),
              communityId: community.id,
              employerId: f.employer.trim(),
              skills: splitSkills(f.skills),
              posts,
            },
          });
          setF({ name: '', phone: '', idNumber: '', email: '', employer: '', skills: '' });
          setPosts([]);
          onDone();
          return t('servingReg.memberSaved', { name: m.name });
        });
      }}
    >
      <h3 id="serving-member-form">{t('servingReg.addMember')}</h3>
      <TextField id="sm-name" label={t('servingReg.name')} required value={f.name} onInput={set('name')} />
      <TextField id="sm-phone" label={t('servingReg.mobile')} required value={f.phone} onInput={set('phone')} />
      <TextField id="sm-id" label={t('servingReg.idNumber')} value={f.idNumber} onInput={set('idNumber')} />
      <TextField id="sm-email" label={t('servingReg.email')} value={f.email} onInput={set('email')} />
      <TextField
        id="sm-employer"
        label={t('servingReg.employerCode')}
        required
        value={f.employer}
        onInput={set('employer')}
      />
      <TextField id="sm-skills" label={t('servingReg.skills')} value={f.skills} onInput={set('skills')} />
      <fieldset class="field">
        <legend>{t('servingReg.posts')}</legend>
        {POSTS.map((p) => (
          <label key={p} class="check">
            <input
              type="checkbox"
              checked={posts.includes(p)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setPosts((old) => (on ? [...old, p] : old.filter((x) => x !== p)));
              }}
            />{' '}
            {tx(`servingReg.post.${p}`, p)}
          </label>
        ))}
      </fieldset>
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('servingReg.saveMember')}
      </button>
    </form>
  );
}

function EmployerForm({ community, onDone }: { community: Unit; onDone: () => void }) {
  const { t } = useI18n();
  const empty = { code: '', name: '', partyOrgName: '', contactName: '', contactEmail: '' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const submit = useSubmit();
  return (
    <form
      class="form"
      aria-labelledby="serving-employer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const body = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim()]));
          const saved = await api<Employer>('/api/serving/employers', {
            method: 'POST',
            body: { ...body, communityId: community.id },
          });
          setF(empty);
          onDone();
          return t('servingReg.employerSaved', { name: saved.name });
        });
      }}
    >
      <h3 id="serving-employer-form">{t('servingReg.addEmployer')}</h3>
      <TextField id="se-code" label={t('servingReg.code')} required value={f.code} onInput={set('code')} />
      <TextField id="se-name" label={t('servingReg.employerName')} required value={f.name} onInput={set('name')} />
      <TextField
        id="se-party"
        label={t('servingReg.partyOrg')}
        required
        value={f.partyOrgName}
        onInput={set('partyOrgName')}
      />
      <TextField
        id="se-contact"
        label={t('servingReg.contact')}
        required
        value={f.contactName}
        onInput={set('contactName')}
      />
      <TextField
        id="se-email"
        label={t('servingReg.contactEmail')}
        required
        value={f.contactEmail}
        onInput={set('contactEmail')}
      />
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {t('servingReg.saveEmployer')}
      </button>
    </form>
  );
}
