/**
 * The logged-in user: the token and user from POST /api/auth/login, kept in sessionStorage (the
 * tab's lifetime, never longer than the token's 8 hours), and the deployment's UI settings.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LoginResult, UiConfig, User } from './api';

const STORAGE_KEY = 'donggang.dashboard.session';

export function loadSession(): LoginResult | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as LoginResult;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: LoginResult | null): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage refused: the session lasts for this page only
  }
}

export interface SessionValue {
  user: User;
  /** null until GET /api/ui-config answers, or when it could not. */
  config: UiConfig | null;
  logout: () => void;
  /** A new token and user (after changing one's password: the old token has ended). */
  replace: (result: LoginResult) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The session of a logged-in page (pages are rendered only with one). */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}

/** Supervisors and admins read everything: the liaison office's desk. */
export function isOffice(user: User): boolean {
  return user.role === 'supervisor' || user.role === 'admin';
}
