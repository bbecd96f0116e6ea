/**
 * The banner on every page for supervisors and admins while this year's or next year's holiday
 * notice has not been entered (GET /api/calendar/years → missing): working days are then counted
 * Monday to Friday. It links to the calendar page, and reloads when a notice is confirmed there.
 */
import { useEffect } from 'preact/hooks';
import { api, type CalendarYears } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useAsync } from '../ui';

/** Dispatched on window when a year's calendar changed (the banner and the page reload). */
export const CALENDAR_CHANGED = 'dg:calendar-changed';

export function calendarChanged(): void {
  window.dispatchEvent(new Event(CALENDAR_CHANGED));
}

/** Reload `reload` whenever a year's calendar changed. */
export function useCalendarChanged(reload: () => void): void {
  useEffect(() => {
    window.addEventListener(CALENDAR_CHANGED, reload);
    return () => window.removeEventListener(CALENDAR_CHANGED, reload);
  }, [reload]);
}

export function CalendarBanner() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api<CalendarYears>('/api/calendar/years'), []);
  useCalendarChanged(state.reload);
  const missing = state.data?.missing ?? [];
  // Nothing while loading or when the API could not answer: the banner is a reminder, not a page.
  if (missing.length === 0) return null;
  const years = missing.map((year) => t('cal.bannerYear', { year })).join(lang === 'en' ? ' and ' : '、');
  return (
    <div class="calendar-banner" role="status">
      <span class="calendar-banner-mark" aria-hidden="true">
        !
      </span>
      <p>
        {t('cal.banner', { years })}
        <Link href="/calendar">{t('cal.bannerLink')}</Link>
      </p>
    </div>
  );
}
