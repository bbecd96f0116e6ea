/**
 * The app: language, login session, the header with navigation and the language switch, and
 * which page a path shows. Supervisors (and admins) land on the liaison office's desk; a convener
 * lands on their unit's page; other roles on the evaluation progress.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, configureApi, type LoginResult, type UiConfig, type User } from './api';
import { CalendarBanner } from './components/calendar-banner';
import { type I18n, I18nContext, type Lang, makeI18n, type MessageKey, saveLang, savedLang, useI18n } from './i18n';
import { CalendarPage } from './pages/calendar';
import { Desk } from './pages/desk';
import { Evaluations } from './pages/evaluations';
import { ChangePassword } from './pages/account';
import { Directory } from './pages/due';
import { Login } from './pages/login';
import { Users } from './pages/users';
import { UnitPage } from './pages/unit';
import { ServiceCardPage } from './pages/serving/card';
import { ServingPage } from './pages/serving/page';
import { ReceiptPage } from './pages/serving/receipt';
import { Link, navigate, useLocation } from './router';
import { isOffice, loadSession, saveSession, SessionContext, type SessionValue } from './session';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

/** The language (remembered in the browser) and its texts. */
function useLang(): I18n {
  const [lang, setLangState] = useState<Lang>(savedLang);
  const i18n = useMemo(
    () =>
      makeI18n(lang, (next) => {
        saveLang(next);
        setLangState(next);
      }),
    [lang],
  );
  useEffect(() => saveLang(lang), [lang]);
  return i18n;
}

/** The login session (remembered in the browser), the deployment's UI settings, and log in/out. */
function useAppSession() {
  const [session, setSession] = useState<LoginResult | null>(loadSession);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [config, setConfig] = useState<UiConfig | null>(null);
  // Set before any page's effect calls the API.
  configureApi({
    token: session?.token ?? null,
    onUnauthorized: () => {
      saveSession(null);
      setSession(null);
      setNotice('auth.expired');
    },
  });

  useEffect(() => {
    if (!session) return;
    api<UiConfig>('/api/ui-config').then(setConfig, () => setConfig(null));
  }, [session]);

  const login = (result: LoginResult) => {
    saveSession(result);
    setNotice(null);
    setSession(result);
  };
  const value: SessionValue | null = useMemo(
    () =>
      session && {
        user: session.user,
        config,
        logout: () => {
          saveSession(null);
          setSession(null);
          setConfig(null);
          navigate('/');
        },
        replace: (result: LoginResult) => {
          saveSession(result);
          configureApi({ token: result.token });
          setSession(result);
        },
      },
    [session, config],
  );
  return { value, notice, login };
}

/** After a navigation, move the focus to the new page (screen readers announce it). */
function useFocusOnNavigation(path: string) {
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(true);
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);
  return main;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section class="card">
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}

/** Which page a path shows a signed-in user. */
function pageFor(path: string, user: User): JSX.Element {
  const unitPath = /^\/units\/([^/]+)\/?$/.exec(path);
  const cardPath = /^\/serving\/card\/([^/]+)\/?$/.exec(path);
  const servingPath = /^\/serving\/([^/]+)\/?$/.exec(path);
  // A temporary password (set by an admin) is changed before anything else.
  if (user.mustChangePassword && path !== '/account/password') return <Redirect to="/account/password" />;
  if (path === '/account/password') return <ChangePassword />;
  if (path === '/users' && user.role === 'admin') return <Users />;
  if (path === '/') {
    if (isOffice(user)) return <Desk />;
    if (user.role === 'convener' && user.unitId) return <Redirect to={`/units/${user.unitId}`} />;
    if (user.role === 'member' && user.servingMemberId)
      return <Redirect to={`/serving/card/${user.servingMemberId}`} />;
    return <Redirect to="/evaluations" />;
  }
  if (unitPath) return <UnitPage key={unitPath[1]} unitRef={decodeURIComponent(unitPath[1]!)} />;
  if (cardPath) return <ServiceCardPage key={cardPath[1]} memberId={decodeURIComponent(cardPath[1]!)} />;
  if (servingPath) return <ServingPage key={servingPath[1]} communityRef={decodeURIComponent(servingPath[1]!)} />;
  if (path === '/evaluations') return <Evaluations />;
  if (path === '/calendar') return <CalendarPage />;
  if (path === '/directory') return <Directory />;
  return <NotFound />;
}

interface NavLink {
  href: string;
  label: string;
}

/** The header's links for a user (none before login, only the password while it must change). */
function navLinksFor(user: User | undefined, t: I18n['t']): NavLink[] {
  const navLinks: NavLink[] = [];
  if (user && isOffice(user) && !user.mustChangePassword) navLinks.push({ href: '/', label: t('nav.desk') });
  if (user?.role === 'convener' && user.unitId && !user.mustChangePassword)
    navLinks.push({ href: `/units/${user.unitId}`, label: t('nav.myUnit') });
  if (user && !user.mustChangePassword && (isOffice(user) || user.role === 'convener' || user.role === 'leader'))
    navLinks.push({ href: '/directory', label: t('dir.nav') });
  if (user?.role === 'member' && user.servingMemberId && !user.mustChangePassword)
    navLinks.push({ href: `/serving/card/${user.servingMemberId}`, label: t('serving.myCard') });
  if (user && user.role !== 'member' && !user.mustChangePassword)
    navLinks.push({ href: '/evaluations', label: t('nav.evaluations') });
  // The working-day calendar (issue 13): the liaison office enters the holiday notice.
  if (user && isOffice(user) && !user.mustChangePassword)
    navLinks.push({ href: '/calendar', label: t('nav.calendar') });
  if (user?.role === 'admin' && !user.mustChangePassword) navLinks.push({ href: '/users', label: t('nav.users') });
  if (user) navLinks.push({ href: '/account/password', label: t('nav.password') });
  return navLinks;
}

function MainNav({ links, path }: { links: NavLink[]; path: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('nav.main')} class="mainnav">
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={path === l.href || (l.href !== '/' && path.startsWith(l.href)) ? 'page' : undefined}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who is signed in, the language switch and the logout button. */
function SessionBar({ value }: { value: SessionValue | null }) {
  const { t, lang, setLang } = useI18n();
  const user = value?.user;
  return (
    <div class="session">
      {user && (
        <span class="who">{t('auth.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}</span>
      )}
      <button
        type="button"
        class="button ghost lang-switch"
        lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
        title={t('lang.switchTo')}
        onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('lang.other')}
      </button>
      {value && (
        <button type="button" class="button ghost" onClick={value.logout}>
          {t('auth.logout')}
        </button>
      )}
    </div>
  );
}

function Header({ value, path }: { value: SessionValue | null; path: string }) {
  const { t } = useI18n();
  const navLinks = navLinksFor(value?.user, t);
  return (
    <header class="topbar">
      <div class="topbar-inner">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">
            联
          </span>
          <span>
            <span class="brand-name">{t('app.brand')}</span>
            <span class="brand-place">{t('app.place')}</span>
          </span>
        </div>
        {navLinks.length > 0 && <MainNav links={navLinks} path={path} />}
        <SessionBar value={value} />
      </div>
    </header>
  );
}

export function App() {
  const i18n = useLang();
  const { value, notice, login } = useAppSession();
  const { path } = useLocation();
  const main = useFocusOnNavigation(path);

  const { t } = i18n;
  const user = value?.user;
  // An employer's receipt link opens without a login (its single-use token).
  const receiptPath = /^\/receipts\/([^/]+)\/?$/.exec(path);
  const page = receiptPath ? (
    <ReceiptPage token={decodeURIComponent(receiptPath[1]!)} />
  ) : !value || !user ? (
    <Login onLogin={login} notice={notice} />
  ) : (
    pageFor(path, user)
  );

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={value}>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <Header value={value} path={path} />
        <main id="main" ref={main} tabIndex={-1}>
          {user && isOffice(user) && !user.mustChangePassword && <CalendarBanner />}
          {page}
        </main>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
