/**
 * The admin's users page: every user with their role and state; disable or enable an account
 * (its sessions end at once), or set a temporary password that must be changed at the next login.
 */
import { useState } from 'preact/hooks';
import { api, type User, type UserList } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Chip, errorText, Loaded, RowsTable, useAsync } from '../ui';

/** The page's state: which user's temporary password is being set, and the last act's outcome. */
function useUserActs(reload: () => void) {
  const [editing, setEditing] = useState<string | null>(null);
  const [temporary, setTemporary] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (path: string, body?: unknown, done?: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await api<User>(path, { method: 'POST', body });
      if (done) setMessage(done);
      setEditing(null);
      setTemporary('');
      reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { editing, setEditing, temporary, setTemporary, message, error, busy, act };
}

type UserActs = ReturnType<typeof useUserActs>;

function UserStatus({ u }: { u: User }) {
  const { t } = useI18n();
  return (
    <>
      {u.disabled ? <Chip tone="bad">{t('users.disabled')}</Chip> : <Chip tone="good">{t('users.active')}</Chip>}
      {u.mustChangePassword && <Chip tone="warn">{t('users.mustChange')}</Chip>}
    </>
  );
}

function TemporaryPasswordForm({ u, acts }: { u: User; acts: UserActs }) {
  const { t } = useI18n();
  return (
    <form
      class="form inline"
      onSubmit={(e) => {
        e.preventDefault();
        void acts.act(
          `/api/users/${u.id}/temporary-password`,
          { temporaryPassword: acts.temporary },
          t('users.temporarySet', { name: u.displayName }),
        );
      }}
    >
      <label for={`temporary-${u.id}`}>{t('users.temporaryFor', { name: u.displayName })}</label>
      <input
        id={`temporary-${u.id}`}
        type="password"
        autocomplete="new-password"
        minLength={12}
        required
        value={acts.temporary}
        onInput={(e) => acts.setTemporary(e.currentTarget.value)}
      />
      <button type="submit" class="button primary" disabled={acts.busy}>
        {t('users.save')}
      </button>
      <button type="button" class="button ghost" onClick={() => acts.setEditing(null)}>
        {t('users.cancel')}
      </button>
    </form>
  );
}

function UserActions({ u, acts }: { u: User; acts: UserActs }) {
  const { t } = useI18n();
  if (acts.editing === u.id) return <TemporaryPasswordForm u={u} acts={acts} />;
  return (
    <>
      <button
        type="button"
        class="button ghost"
        disabled={acts.busy}
        onClick={() => void acts.act(`/api/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`)}
      >
        {u.disabled ? t('users.enable') : t('users.disable')}
      </button>{' '}
      <button
        type="button"
        class="button ghost"
        onClick={() => {
          acts.setTemporary('');
          acts.setEditing(u.id);
        }}
      >
        {t('users.setTemporary')}
      </button>
    </>
  );
}

export function Users() {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useAsync(() => api<UserList>('/api/users'), []);
  const acts = useUserActs(users.reload);

  return (
    <section class="card" aria-labelledby="users-heading">
      <h1 id="users-heading">{t('users.heading')}</h1>
      <p class="muted">{t('users.intro')}</p>
      {acts.message && (
        <p class="note info" role="status">
          {acts.message}
        </p>
      )}
      {acts.error && (
        <p class="error-text" role="alert">
          {acts.error}
        </p>
      )}
      <Loaded state={users}>
        {(page) => (
          <RowsTable
            rows={page.items}
            rowKey={(u) => u.id}
            empty="—"
            columns={[
              { label: t('users.username'), cell: (u) => u.username },
              { label: t('users.name'), cell: (u) => u.displayName },
              { label: t('users.role'), cell: (u) => t(`role.${u.role}`) },
              { label: t('users.status'), cell: (u) => <UserStatus u={u} /> },
              {
                label: t('users.actions'),
                cell: (u) => (u.id === me.id ? null : <UserActions u={u} acts={acts} />),
              },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
