/** Change one's own password (POST /api/me/password): the current one, the new one twice. */
import { useState } from 'preact/hooks';
import { api, type LoginResult } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { errorText } from '../ui';

export function ChangePassword() {
  const { t } = useI18n();
  const { user, replace } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (next !== again) return setError(t('password.mismatch'));
    setBusy(true);
    try {
      const result = await api<LoginResult>('/api/me/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      const wasTemporary = user.mustChangePassword;
      // The old token ended with the change: carry on with the new one.
      replace(result);
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      if (wasTemporary) navigate('/', true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card login" aria-labelledby="password-heading">
      <h1 id="password-heading">{t('password.heading')}</h1>
      {user.mustChangePassword ? (
        <p class="note info" role="status">
          {t('password.mustChange')}
        </p>
      ) : (
        <p class="muted">{t('password.intro')}</p>
      )}
      <form onSubmit={(e) => void submit(e)} class="form">
        <div class="field">
          <label for="password-current">{t('password.current')}</label>
          <input
            id="password-current"
            name="current-password"
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="password-new">{t('password.new')}</label>
          <input
            id="password-new"
            name="new-password"
            type="password"
            autocomplete="new-password"
            minLength={12}
            required
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="password-again">{t('password.confirm')}</label>
          <input
            id="password-again"
            name="new-password-again"
            type="password"
            autocomplete="new-password"
            minLength={12}
            required
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p class="note info" role="status">
            {t('password.done')}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('password.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
