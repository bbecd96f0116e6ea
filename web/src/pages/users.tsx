/**
 * The admin's users page: every user with their role and state; disable or enable an account
 * (its sessions end at once), or set a temporary password that must be changed at the next login.
 */
import { useState } from 'preact/hooks';
import { api, type User, type UserList } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Chip, errorText, Loaded, RowsTable, useAsync } from '../ui';

export function Users() {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useAsync(() => api<UserList>('/api/users'), []);
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
      users.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="users-heading">
      <h1 id="users-heading">{t('users.heading')}</h1>
      <p class="muted">{t('users.intro')}</p>
      {message && (
        <p class="note info" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
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
              {
                label: t('users.status'),
                cell: (u) => (
                  <>
                    {u.disabled ? (
                      <Chip tone="bad">{t('users.disabled')}</Chip>
                    ) : (
                      <Chip tone="good">{t('users.active')}</Chip>
                    )}
                    {u.mustChangePassword && <Chip tone="warn">{t('users.mustChange')}</Chip>}
                  </>
                ),
              },
              {
                label: t('users.actions'),
                cell: (u) =>
                  u.id === me.id ? null : editing === u.id ? (
                    <form
                      class="form inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act(
                          `/api/users/${u.id}/temporary-password`,
                          { temporaryPassword: temporary },
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
                        value={temporary}
                        onInput={(e) => setTemporary(e.currentTarget.value)}
                      />
                      <button type="submit" class="button primary" disabled={busy}>
                        {t('users.save')}
                      </button>
                      <button type="button" class="button ghost" onClick={() => setEditing(null)}>
                        {t('users.cancel')}
                      </button>
                    </form>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="button ghost"
                        disabled={busy}
                        onClick={() => void act(`/api/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`)}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </button>{' '}
                      <button
                        type="button"
                        class="button ghost"
                        onClick={() => {
                          setTemporary('');
                          setEditing(u.id);
                        }}
                      >
                        {t('users.setTemporary')}
                      </button>
                    </>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
