/**
 * Notice texts (issue 14): every link goes to a page of the dashboard, never the API; periods are
 * named as the dashboard names them; the HTML part says the same words, escaped, zh-CN first
 * (English first for locale en), with the link as a button.
 */
import { dashboardLinks } from '../domain/links';
import { composeNotice, escapeHtml, type NoticeInput, noticeUrl } from '../domain/notices';
import { periodLabel } from '../domain/period-labels';

const links = dashboardLinks('https://dg.example/');
const unit = { name: '碧海社区', level: 'community' as const, url: links.unit('u-1') };

/** One notice of every kind. */
const NOTICES: NoticeInput[] = [
  {
    kind: 'cadence',
    step: 'reminder-1',
    unit,
    recipientName: '李书记',
    periodKey: '2026-Q4',
    dueDate: '2026-12-31',
    meetingsHeld: 0,
    minMeetings: 1,
    workingDaysLeft: 3,
  },
  { kind: 'invitation', unit, recipientName: '李书记', when: '2026-12-03 14:30', place: '党群服务中心' },
  { kind: 'minutes-reminder', unit, recipientName: '李书记', when: '2026-12-03 14:30', place: '党群服务中心' },
  {
    kind: 'escalation',
    step: 'received',
    unit,
    recipientName: '李书记',
    item: { title: '停车难', url: links.item('u-1', 'i-1'), raisedBy: '滨江小区' },
    fromUnit: '滨江小区',
    what: '停车位不足',
    ask: '协调增设停车位',
    scheduleBy: '2026-11-16',
    answerBy: '2026-11-23',
    workingDaysLeft: 10,
  },
  {
    kind: 'visit',
    step: 'reminder-1',
    unit,
    recipientName: '王秘书',
    leaderName: '王建国',
    periodKey: '2026-Q4',
    dueDate: '2026-12-31',
    visits: 0,
    minVisits: 1,
    workingDaysLeft: 10,
  },
  {
    kind: 'absence',
    unit,
    recipientName: '张科长',
    departmentName: '市城管局',
    absences: 3,
    meetingDates: ['2026-04-10', '2026-05-08', '2026-06-05'],
  },
  {
    kind: 'evaluation',
    step: 'opened',
    unit,
    recipientName: '李书记',
    year: 2026,
    raters: 0,
    quorum: 50,
    closesOn: '2026-12-25',
    departments: ['市民政局'],
    url: links.evaluation(2026, 'c-1'),
  },
  { kind: 'calendar', recipientName: '联络办', year: 2027, url: links.calendar() },
  {
    kind: 'serving-feedback',
    step: 'feedback',
    unit,
    recipientName: '张主任',
    employerName: '市税务局',
    partyOrgName: '市税务局机关党支部',
    periodKey: '2026-Q4',
    members: 2,
    services: 3,
    hours: '4.5',
    evaluationYear: 2026,
    expiresOn: '2027-02-03',
    url: links.receipt('AbC_123-xyz'),
  },
];

test('period names as the dashboard says them', () => {
  expect(periodLabel('2026-Q4', 'zh')).toBe('2026年第四季度');
  expect(periodLabel('2026-Q1', 'en')).toBe('2026 Q1');
  expect(periodLabel('2026-11', 'zh')).toBe('2026年11月');
  expect(periodLabel('2026-03', 'en')).toBe('Mar 2026');
  expect(periodLabel('2026', 'zh')).toBe('2026年');
  expect(periodLabel('2026', 'en')).toBe('2026');
  expect(periodLabel('hop1', 'zh')).toBe('hop1');
});

test('the dashboard links: unit page, item on a unit page, evaluation progress, calendar', () => {
  expect(links.unit('u-1')).toBe('https://dg.example/units/u-1');
  expect(links.item('u-1', 'i-1')).toBe('https://dg.example/units/u-1?item=i-1');
  expect(links.evaluation(2026, 'c-1')).toBe('https://dg.example/evaluations?year=2026&campaign=c-1');
  expect(links.calendar()).toBe('https://dg.example/calendar');
});

test('cadence and visit subjects name the quarter as the dashboard does, in both languages', () => {
  const zh = composeNotice(NOTICES[0]!, 'zh-CN');
  expect(zh.subject).toBe('【提醒】碧海社区联席会议（2026年第四季度）须于2026-12-31前召开');
  expect(zh.text).toContain('碧海社区（社区）联席会议2026年第四季度须至少召开1次');
  expect(zh.text).toContain('must meet at least 1 time(s) in 2026 Q4');
  expect(`${zh.subject}${zh.text}`).not.toContain('2026-Q4');
  expect(composeNotice(NOTICES[0]!, 'en').subject).toBe(
    '[Reminder] 碧海社区 joint meeting (2026 Q4) is due by 2026-12-31',
  );
  const visit = composeNotice(NOTICES[4]!, 'zh-CN');
  expect(visit.subject).toBe('【提醒】王建国联系碧海社区（2026年第四季度）须于2026-12-31前深入联系点');
  expect(visit.text).not.toContain('2026-Q4');
});

describe.each(NOTICES.map((n) => [n.kind, n] as const))('%s', (_kind, notice) => {
  const url = noticeUrl(notice);

  test('links to a page of the dashboard, never the API, in the text and the HTML', () => {
    for (const locale of ['zh-CN', 'en']) {
      const { subject, text, html } = composeNotice(notice, locale);
      expect(url.startsWith('https://dg.example/')).toBe(true);
      for (const part of [subject, text, html]) expect(part).not.toContain('/api/');
      expect(text).toContain(url);
      // The link as a button-styled <a>.
      expect(html).toMatch(
        new RegExp(
          `<a href="${escapeHtml(url).replace(/[.?]/g, '\\$&')}" style="display:inline-block;[^"]*">[^<]+</a>`,
        ),
      );
    }
  });

  test('the HTML part: the same words, zh-CN first (English first for en), no external resources', () => {
    const zh = composeNotice(notice, 'zh-CN');
    const en = composeNotice(notice, 'en');
    expect(zh.html.indexOf('<div lang="zh-CN"')).toBeLessThan(zh.html.indexOf('<div lang="en"'));
    expect(en.html.indexOf('<div lang="en"')).toBeLessThan(en.html.indexOf('<div lang="zh-CN"'));
    expect(zh.html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(en.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    // Every line of the text is in the HTML (a link line as its label and its address).
    for (const line of zh.text.split('\n').filter((l) => l && l !== '———')) {
      const words = line.endsWith(url) ? line.slice(0, -url.length).replace(/[：:]\s*$/, '') : line;
      expect(zh.html).toContain(escapeHtml(words));
    }
    // Inline styles only; nothing loaded from anywhere.
    expect(zh.html).not.toMatch(/<(style|link|img|script)\b|src=|url\(/i);
    const hrefs = [...zh.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(hrefs)).toEqual(new Set([escapeHtml(url)]));
  });
});

test('the HTML part escapes everything that comes from the record', () => {
  const n: NoticeInput = {
    kind: 'escalation',
    step: 'received',
    unit: { ...unit, name: '碧海<b>社区</b>' },
    recipientName: '李"书记"',
    item: { title: `<script>alert('x')</script>`, url: links.item('u-1', 'i-1'), raisedBy: '滨江小区' },
    fromUnit: '滨江 & 小区',
    what: '<img src=x onerror=alert(1)>',
    ask: "it's <urgent>",
    scheduleBy: '2026-11-16',
    answerBy: '2026-11-23',
    workingDaysLeft: 10,
  };
  const { html, text } = composeNotice(n, 'zh-CN');
  expect(text).toContain(`<script>alert('x')</script>`); // the plain text as written
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<b>');
  expect(html).toContain('&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;');
  expect(html).toContain('滨江 &#38; 小区');
  expect(html).toContain('李&#34;书记&#34;');
});

test('a link that is not http(s) is never made a button', () => {
  const n: NoticeInput = { kind: 'calendar', recipientName: '联络办', year: 2027, url: 'javascript:alert(1)' };
  const { html } = composeNotice(n, 'zh-CN');
  expect(html).not.toContain('<a ');
  expect(html).toContain('javascript:alert(1)'); // shown as text only
});
