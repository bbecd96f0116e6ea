/** Log in with a username and password (POST /api/auth/login). */
import { useState } from 'preact/hooks';
import { api, ApiFailure, type LoginResult } from '../api';
import { type MessageKey, useI18n } from '../i18n';
import { errorText } from '../ui';

export function Login({ onLogin, notice }: { onLogin: (result: LoginResult) => void; notice: MessageKey | null }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<LoginResult>('/api/auth/login', {
        method: 'POST',
        body: { username: username.trim(), password },
        anonymous: true,
      });
      onLogin(result);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) setError(t('auth.failed'));
      else if (err instanceof ApiFailure && err.status === 429) setError(t('auth.rateLimited'));
      else setError(t('common.error', { message: errorText(err) }));
      setBusy(false);
    }
  };

  return (
    <section class="card login" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('auth.heading')}</h1>
      <p class="muted">{t('auth.intro')}</p>
      {window.location.pathname !== '/' && <p class="note info">{t('auth.continue')}</p>}
      {notice && (
        <p class="note info" role="status">
          {t(notice)}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} class="form" noValidate={false}>
        <div class="field">
          <label for="login-username">{t('auth.username')}</label>
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
    </section>
  );
}
