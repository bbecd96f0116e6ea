/**
 * 工作日历 / the working-day calendar (issue 13): which years have holiday data and where it came
 * from, a year's twelve months with its days off and make-up workdays, and — for supervisors and
 * admins — the form to paste the State Council's yearly notice: preview what it says (and which
 * due dates it changes), then confirm it.
 */
import { useRef, useState } from 'preact/hooks';
import {
  api,
  ApiFailure,
  type CalendarDay,
  type CalendarDays,
  type CalendarSource,
  type CalendarYearRow,
  type CalendarYears,
  type NoticeResult,
} from '../api';
import { calendarChanged, useCalendarChanged } from '../components/calendar-banner';
import { type Lang, useI18n } from '../i18n';
import { todayShanghai } from '../periods';
import { Link, setQuery, useLocation } from '../router';
import { isOffice, useSession } from '../session';
import { Cell, Chip, ErrorNote, Loaded, type Tone, useAsync } from '../ui';

// --- Dates ------------------------------------------------------------------------------------

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_EN_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The grid's columns: Monday first. */
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

/** 10月1日 / Oct 1 */
function dayName(date: string, lang: Lang): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return lang === 'en' ? `${MONTHS_EN[month - 1]!.slice(0, 3)} ${day}` : `${month}月${day}日`;
}

/** 周五 / Fri */
function weekdayName(weekday: number, lang: Lang): string {
  return lang === 'en' ? WEEKDAYS_EN[weekday]! : `周${WEEKDAYS_ZH[weekday]!}`;
}

/** The weeks of a month as rows of 7 days (Monday first), null outside the month. */
function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: (first.getUTCDay() + 6) % 7 }, () => null);
  for (let day = 1; day <= length; day++) cells.push(iso(new Date(Date.UTC(year, month - 1, day))));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Consecutive dates as ranges: 1月1日–1月3日、1月5日. */
function ranges(dates: readonly string[], lang: Lang): string {
  const out: string[] = [];
  for (let i = 0; i < dates.length;) {
    let j = i;
    while (j + 1 < dates.length && dates[j + 1] === nextDay(dates[j]!)) j++;
    out.push(i === j ? dayName(dates[i]!, lang) : `${dayName(dates[i]!, lang)}–${dayName(dates[j]!, lang)}`);
    i = j + 1;
  }
  return out.join(lang === 'en' ? ', ' : '、');
}

/** The API writes some sentences in both languages, "中文 / English": the one of the UI. */
function inLang(text: string, lang: Lang): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return lang === 'en' ? text.slice(i + 3) : text.slice(0, i);
}

const SOURCE_TONE: Record<CalendarSource, Tone> = {
  notice: 'good',
  admin: 'info',
  package: 'neutral',
  missing: 'bad',
};

// --- The page ---------------------------------------------------------------------------------

export function CalendarPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const years = useAsync(() => api<CalendarYears>('/api/calendar/years'), []);
  useCalendarChanged(years.reload);
  const currentYear = years.data?.currentYear ?? Number(todayShanghai().slice(0, 4));
  const asked = query.get('year') ?? '';
  const gridYear = /^\d{4}$/.test(asked) ? Number(asked) : currentYear;

  return (
    <>
      <div class="page-head">
        <h1>{t('cal.heading')}</h1>
        <p class="muted">{t('cal.intro')}</p>
      </div>
      <div class="calendar-top">
        <section class="card" aria-labelledby="coverage-heading">
          <h2 id="coverage-heading">{t('cal.coverage')}</h2>
          <Loaded state={years}>{(data) => <Coverage data={data} shown={gridYear} />}</Loaded>
        </section>
        {isOffice(user) && years.data && (
          <NoticeForm key={years.data.currentYear} defaultYear={years.data.missing[0] ?? currentYear + 1} />
        )}
      </div>
      <MonthGrid year={gridYear} years={years.data} />
    </>
  );
}

// --- Coverage ---------------------------------------------------------------------------------

function Coverage({ data, shown }: { data: CalendarYears; shown: number }) {
  const { t } = useI18n();
  const rows = [...data.items].sort((a, b) => b.year - a.year);
  const recent = rows.filter((r) => r.year >= data.currentYear - 2);
  const earlier = rows.filter((r) => r.year < data.currentYear - 2);
  return (
    <>
      <CoverageTable rows={recent} data={data} shown={shown} />
      {earlier.length > 0 && (
        <details class="earlier">
          <summary>{t('cal.earlier', { n: earlier.length })}</summary>
          <CoverageTable rows={earlier} data={data} shown={shown} />
        </details>
      )}
    </>
  );
}

/** "<role>:<username>" (the API's actor) as "username（role）". */
function useActorName(): (actor: string) => string {
  const { t, tx } = useI18n();
  return (actor) => {
    const m = /^([a-z]+):(.+)$/.exec(actor);
    if (!m) return actor;
    const role = tx(`role.${m[1]!}`, '');
    return role ? t('auth.signedInAs', { name: m[2]!, role }) : actor;
  };
}

function CoverageTable({ rows, data, shown }: { rows: CalendarYearRow[]; data: CalendarYears; shown: number }) {
  const { t, dateTime } = useI18n();
  const actorName = useActorName();
  return (
    <table class="data rows coverage">
      <thead>
        <tr>
          <th scope="col">{t('cal.col.year')}</th>
          <th scope="col">{t('cal.col.source')}</th>
          <th scope="col" class="num">
            {t('cal.col.offDays')}
          </th>
          <th scope="col" class="num">
            {t('cal.col.makeup')}
          </th>
          <th scope="col">{t('cal.col.entered')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const isCurrent = r.year === data.currentYear;
          const isNext = r.year === data.currentYear + 1;
          const missing = data.missing.includes(r.year);
          return (
            <tr key={r.year} class={missing ? 'row-missing' : undefined} data-year={r.year}>
              <Cell label={t('cal.col.year')}>
                <span class="year-cell">
                  <Link
                    href={`/calendar?year=${r.year}`}
                    title={t('cal.showYear', { year: r.year })}
                    aria-current={r.year === shown ? 'page' : undefined}
                  >
                    {r.year}
                  </Link>
                  {isCurrent && <Chip tone="info">{t('cal.thisYear')}</Chip>}
                  {isNext && <Chip tone="info">{t('cal.nextYear')}</Chip>}
                </span>
              </Cell>
              <Cell label={t('cal.col.source')}>
                <span class="chips">
                  <Chip tone={SOURCE_TONE[r.source]}>
                    {r.source === 'missing' && <span aria-hidden="true">⚠ </span>}
                    {t(`cal.source.${r.source}`)}
                  </Chip>
                  {missing && <span class="missing-note">{t('cal.weekdaysOnly')}</span>}
                </span>
              </Cell>
              <Cell label={t('cal.col.offDays')} class="num">
                {r.source === 'missing' ? '—' : r.offDays}
              </Cell>
              <Cell label={t('cal.col.makeup')} class="num">
                {r.source === 'missing' ? '—' : r.makeupWorkdays}
              </Cell>
              <Cell label={t('cal.col.entered')}>
                {r.enteredBy || r.enteredAt ? (
                  <>
                    {r.enteredBy ? actorName(r.enteredBy) : ''}
                    {r.enteredBy && r.enteredAt ? ' · ' : ''}
                    {r.enteredAt ? dateTime(r.enteredAt) : ''}
                  </>
                ) : (
                  '—'
                )}
              </Cell>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// --- The month grid ---------------------------------------------------------------------------

function MonthGrid({ year, years }: { year: number; years: CalendarYears | undefined }) {
  const { t, lang } = useI18n();
  const days = useAsync(() => api<CalendarDays>(`/api/calendar/days?from=${year}-01-01&to=${year}-12-31`), [year]);
  useCalendarChanged(days.reload);
  const choices = new Set(years?.items.map((r) => r.year) ?? []);
  choices.add(year);
  const source = years?.items.find((r) => r.year === year)?.source ?? days.data?.items[0]?.source;

  return (
    <section class="card" aria-labelledby="grid-heading">
      <div class="list-head">
        <h2 id="grid-heading">{t('cal.grid', { year })}</h2>
        <div class="field grid-year">
          <label for="grid-year">{t('cal.gridYear')}</label>
          <select id="grid-year" value={String(year)} onChange={(e) => setQuery({ year: e.currentTarget.value })}>
            {[...choices]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
          </select>
        </div>
      </div>
      {source && (
        <p class="grid-source">
          <Chip tone={SOURCE_TONE[source]}>{t('cal.gridSource', { source: t(`cal.source.${source}`) })}</Chip>
          {source === 'missing' && <span class="missing-note">{t('cal.weekdaysOnly')}</span>}
        </p>
      )}
      <ul class="legend" aria-label={t('cal.legend')}>
        <li>
          <span class="swatch day-holiday" aria-hidden="true">
            <span class="day-mark">{t('cal.mark.off')}</span>
          </span>
          {t('cal.kind.off')}
        </li>
        <li>
          <span class="swatch day-makeup" aria-hidden="true">
            <span class="day-mark">{t('cal.mark.makeup')}</span>
          </span>
          {t('cal.kind.makeup')}
        </li>
        <li>
          <span class="swatch day-weekend" aria-hidden="true" />
          {t('cal.kind.weekend')}
        </li>
        <li>
          <span class="swatch day-workday" aria-hidden="true" />
          {t('cal.kind.workday')}
        </li>
      </ul>
      <Loaded state={days}>
        {(data) => {
          const byDate = new Map(data.items.map((d) => [d.date, d]));
          return (
            <>
              <div class="months">
                {Array.from({ length: 12 }, (_, i) => (
                  <Month key={i} year={year} month={i + 1} byDate={byDate} lang={lang} />
                ))}
              </div>
              <HolidayList year={year} items={data.items} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function Month({
  year,
  month,
  byDate,
  lang,
}: {
  year: number;
  month: number;
  byDate: Map<string, CalendarDay>;
  lang: Lang;
}) {
  const { t } = useI18n();
  const label = (date: string, day: CalendarDay | undefined): string => {
    const name = dayName(date, lang);
    const holiday = day?.holiday ?? '';
    if (day?.reason === 'holiday') return t('cal.day.off', { date: name, holiday }).replace(/\s+/g, ' ');
    if (day?.reason === 'makeup-workday') return t('cal.day.makeup', { date: name, holiday }).replace(/\s+/g, ' ');
    const weekday = utc(date).getUTCDay();
    const weekend = day ? day.reason === 'weekend' : weekday === 0 || weekday === 6;
    return t(weekend ? 'cal.day.weekend' : 'cal.day.workday', { date: name });
  };
  return (
    <table class="month">
      <caption>{lang === 'en' ? MONTHS_EN[month - 1] : `${month}月`}</caption>
      <thead>
        <tr>
          {MONDAY_FIRST.map((w) => (
            <th key={w} scope="col" class={w === 0 || w === 6 ? 'wkend' : undefined}>
              <span aria-hidden="true">{lang === 'en' ? WEEKDAYS_EN[w]!.slice(0, 2) : WEEKDAYS_ZH[w]}</span>
              <span class="visually-hidden">{lang === 'en' ? WEEKDAYS_EN_LONG[w] : `星期${WEEKDAYS_ZH[w]!}`}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => {
              if (!date) return <td key={j} class="day-blank" />;
              const day = byDate.get(date);
              const weekday = utc(date).getUTCDay();
              const reason = day?.reason ?? (weekday === 0 || weekday === 6 ? 'weekend' : 'workday');
              const text = label(date, day);
              return (
                <td
                  key={j}
                  class={`day day-${reason === 'makeup-workday' ? 'makeup' : reason}`}
                  data-date={date}
                  title={text}
                >
                  <span class="day-num" aria-hidden="true">
                    {Number(date.slice(8, 10))}
                  </span>
                  {reason === 'holiday' && (
                    <span class="day-mark" aria-hidden="true">
                      {t('cal.mark.off')}
                    </span>
                  )}
                  {reason === 'makeup-workday' && (
                    <span class="day-mark" aria-hidden="true">
                      {t('cal.mark.makeup')}
                    </span>
                  )}
                  <span class="visually-hidden">{text}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The year's holidays in words: the same as the grid, for reading rather than looking. */
function HolidayList({ year, items }: { year: number; items: CalendarDay[] }) {
  const { t, lang } = useI18n();
  const byName = new Map<string, { off: string[]; makeup: string[] }>();
  for (const d of items) {
    if (d.reason !== 'holiday' && d.reason !== 'makeup-workday') continue;
    const name = d.holiday ?? '—';
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { off: [], makeup: [] }));
    (d.reason === 'holiday' ? entry.off : entry.makeup).push(d.date);
  }
  return (
    <div class="holiday-list">
      <h3>{t('cal.holidays', { year })}</h3>
      {byName.size === 0 ? (
        <p class="empty">{t('cal.holidays.none')}</p>
      ) : (
        <ul>
          {[...byName]
            .sort(([, a], [, b]) => ((a.off[0] ?? a.makeup[0])! < (b.off[0] ?? b.makeup[0])! ? -1 : 1))
            .map(([name, { off, makeup }]) => (
              <li key={name}>
                <strong>{name}</strong>
                {off.length > 0 && <span> {t('cal.holidays.off', { days: ranges(off, lang) })}</span>}
                {makeup.length > 0 && <span> · {t('cal.holidays.makeup', { days: ranges(makeup, lang) })}</span>}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

// --- The notice form --------------------------------------------------------------------------

/** The preview, and the year and text it was made from. */
interface Preview {
  year: string;
  text: string;
  result: NoticeResult;
}

/** The notice form's state: preview (a dry run), then confirm; focus moves to what came back. */
function useNoticeForm(defaultYear: number) {
  const [year, setYear] = useState(String(defaultYear));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<NoticeResult | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const stale = preview !== null && (preview.year !== year || preview.text !== text);

  const send = (confirm: boolean) =>
    api<NoticeResult>(`/api/calendar/years/${encodeURIComponent(year)}/notice${confirm ? '?confirm=true' : ''}`, {
      method: 'POST',
      body: { text },
    });

  const runPreview = async (e: Event) => {
    e.preventDefault();
    setBusy('preview');
    setError(null);
    setResult(null);
    setPreview(null);
    try {
      const answer = await send(false);
      setPreview({ year, text, result: answer });
      setTimeout(() => previewHeading.current?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const runConfirm = async () => {
    setBusy('confirm');
    setError(null);
    try {
      const answer = await send(true);
      setResult(answer);
      setPreview(null);
      calendarChanged(); // the banner, the coverage and the grid reload
      setQuery({ year: String(answer.year) });
      setTimeout(() => resultHeading.current?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  /** Select line n of the notice in the text box (where a 400 says the problem is). */
  const goToLine = (n: number) => {
    const area = textArea.current;
    if (!area) return;
    const lines = text.split('\n');
    const start = lines.slice(0, n - 1).reduce((sum, l) => sum + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[n - 1]?.length ?? 0));
  };

  return {
    year,
    setYear,
    text,
    setText,
    busy,
    error,
    preview,
    result,
    stale,
    textArea,
    previewHeading,
    resultHeading,
    runPreview,
    runConfirm,
    goToLine,
  };
}

type NoticeFormState = ReturnType<typeof useNoticeForm>;

/** The year and the notice's text, and the button that asks for a preview. */
function NoticeInput({ form }: { form: NoticeFormState }) {
  const { t } = useI18n();
  const { busy } = form;
  return (
    <form class="form" onSubmit={(e) => void form.runPreview(e)}>
      <div class="field notice-year">
        <label for="notice-year">{t('cal.form.year')}</label>
        <input
          id="notice-year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          step={1}
          required
          value={form.year}
          onInput={(e) => form.setYear(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="notice-text">
          {t('cal.form.text')} <span class="required">{t('common.required')}</span>
        </label>
        <textarea
          id="notice-text"
          ref={form.textArea}
          rows={14}
          required
          spellcheck={false}
          aria-describedby="notice-text-hint"
          value={form.text}
          onInput={(e) => form.setText(e.currentTarget.value)}
        />
        <p class="hint" id="notice-text-hint">
          {t('cal.form.textHint')}
        </p>
      </div>
      <button type="submit" class="button secondary" disabled={busy !== null} aria-busy={busy === 'preview'}>
        {busy === 'preview' ? t('cal.form.previewing') : t('cal.form.preview')}
      </button>
    </form>
  );
}

/** What the notice would enter, what it replaces, and the button that confirms it. */
function NoticePreview({ form, preview }: { form: NoticeFormState; preview: Preview }) {
  const { t } = useI18n();
  const { busy, stale } = form;
  return (
    <div class="notice-preview">
      <h3 id="preview-heading" ref={form.previewHeading} tabIndex={-1}>
        {t('cal.preview.heading', { year: preview.result.year })}
      </h3>
      <NoticeSummary result={preview.result} />
      <p class="note">
        {preview.result.replaces === 'missing'
          ? t('cal.preview.new')
          : t('cal.preview.replaces', { source: t(`cal.source.${preview.result.replaces}`) })}
      </p>
      {stale && (
        <p class="note error" role="alert">
          {t('cal.form.stale')}
        </p>
      )}
      <button
        type="button"
        class="button primary"
        disabled={busy !== null || stale}
        aria-busy={busy === 'confirm'}
        onClick={() => void form.runConfirm()}
      >
        {busy === 'confirm' ? t('cal.form.confirming') : t('cal.form.confirm')}
      </button>
    </div>
  );
}

/** The notice entered: the deadlines it moved and the periods it closed. */
function NoticeConfirmed({ form, result }: { form: NoticeFormState; result: NoticeResult }) {
  const { t, lang } = useI18n();
  return (
    <div class="notice-result" role="status">
      <h3 id="result-heading" ref={form.resultHeading} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t('cal.result.heading', { year: result.year })}
      </h3>
      {result.moved && (
        <p class="note good">
          {t('cal.result.moved', {
            meetings: result.moved.meetingObligations,
            visits: result.moved.visitObligations,
            escalations: result.moved.escalations,
          })}
        </p>
      )}
      {result.closedPeriods && <p class="note">{inLang(result.closedPeriods, lang)}</p>}
      <NoticeSummary result={result} />
    </div>
  );
}

function NoticeForm({ defaultYear }: { defaultYear: number }) {
  const { t } = useI18n();
  const form = useNoticeForm(defaultYear);
  return (
    <section class="card notice-form" aria-labelledby="notice-heading" id="notice">
      <h2 id="notice-heading">{t('cal.form')}</h2>
      <p class="hint">{t('cal.form.intro')}</p>
      <NoticeInput form={form} />

      {form.error !== null && <NoticeError error={form.error} goToLine={form.goToLine} />}

      {form.preview && <NoticePreview form={form} preview={form.preview} />}

      {form.result && <NoticeConfirmed form={form} result={form.result} />}
    </section>
  );
}

/** A 400 names the line of the notice it could not read: say so, and offer to go there. */
function NoticeError({ error, goToLine }: { error: unknown; goToLine: (n: number) => void }) {
  const { t, lang } = useI18n();
  if (!(error instanceof ApiFailure) || error.status !== 400) return <ErrorNote error={error} />;
  const message = inLang(error.message, lang);
  const line = /第\s*(\d+)\s*行|line (\d+)/i.exec(error.message);
  const n = line ? Number(line[1] ?? line[2]) : null;
  const field = error.field === 'text' ? t('cal.form.text') : error.field === 'year' ? t('cal.form.year') : error.field;
  return (
    <div class="note error" role="alert">
      <span>
        {t('common.error', { message })}
        {field && t('cal.form.field', { field })}
      </span>
      {n !== null && (
        <button type="button" class="link-button" onClick={() => goToLine(n)}>
          {t('cal.form.goToLine', { n })}
        </button>
      )}
    </div>
  );
}

/** What a notice says (off days, make-up days per holiday) and the due dates it changes. */
function NoticeSummary({ result }: { result: NoticeResult }) {
  const { t, lang, period } = useI18n();
  const weekdays = new Map<string, number>();
  for (const d of [...result.offDays, ...result.makeupWorkdays]) weekdays.set(d.date, d.weekday);
  const days = (dates: string[], kind: 'off' | 'makeup') =>
    dates.length === 0 ? (
      '—'
    ) : (
      <ul class="day-chips">
        {dates.map((date) => (
          <li key={date} class={`day-chip day-chip-${kind}`} data-date={date}>
            {dayName(date, lang)} {weekdayName(weekdays.get(date) ?? utc(date).getUTCDay(), lang)}
          </li>
        ))}
      </ul>
    );
  const offHeading = t('cal.preview.offDays', { n: result.offDays.length });
  const makeupHeading = t('cal.preview.makeup', { n: result.makeupWorkdays.length });
  const offLabel = t('cal.kind.offShort');
  const makeupLabel = t('cal.kind.makeup');
  return (
    <>
      <p>
        {t('cal.preview.summary', {
          holidays: result.holidays.length,
          off: result.offDays.length,
          makeup: result.makeupWorkdays.length,
        })}
      </p>
      <table class="data rows notice-holidays">
        <thead>
          <tr>
            <th scope="col">{t('cal.preview.holiday')}</th>
            <th scope="col">
              <span class="th-mark">
                <span class="swatch day-holiday" aria-hidden="true">
                  <span class="day-mark">{t('cal.mark.off')}</span>
                </span>
                {offHeading}
              </span>
            </th>
            <th scope="col">
              <span class="th-mark">
                <span class="swatch day-makeup" aria-hidden="true">
                  <span class="day-mark">{t('cal.mark.makeup')}</span>
                </span>
                {makeupHeading}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.holidays.map((h) => (
            <tr key={`${h.line}-${h.name}`}>
              <Cell label={t('cal.preview.holiday')}>
                <span>
                  <strong>{h.name}</strong> <span class="muted nowrap">{t('cal.preview.line', { n: h.line })}</span>
                </span>
              </Cell>
              <Cell label={offLabel}>{days(h.offDays, 'off')}</Cell>
              <Cell label={makeupLabel}>{days(h.makeupWorkdays, 'makeup')}</Cell>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('cal.preview.due')}</h4>
      {result.changedDueDates.length === 0 ? (
        <p class="empty">{t('cal.preview.noDue')}</p>
      ) : (
        <table class="data rows due-changes">
          <thead>
            <tr>
              <th scope="col">{t('cal.col.period')}</th>
              <th scope="col">{t('cal.col.weekdaysOnly')}</th>
              <th scope="col">{t('cal.col.withNotice')}</th>
            </tr>
          </thead>
          <tbody>
            {result.changedDueDates.map((c) => (
              <tr key={c.period}>
                <Cell label={t('cal.col.period')}>{period(c.period)}</Cell>
                <Cell label={t('cal.col.weekdaysOnly')}>
                  <del>{c.weekdaysOnly}</del>
                </Cell>
                <Cell label={t('cal.col.withNotice')}>
                  <strong>{c.withNotice}</strong>
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
