import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  type CalendarYearData,
  isOverdueOn,
  overdueCutoff,
  overdueFrom,
  packageCalendar,
  WorkingCalendar,
  yearDataProblem,
} from '../domain/calendar';
import { addDays, periodFromKey } from '../domain/period';

const cal = packageCalendar();

// Expected values are from the State Council notices (国办发明电〔2024〕12号 for 2025,
// 国办发明电〔2025〕7号 for 2026) and agree with chinese-days' dist/years/<year>.json.
describe('isWorkingDay', () => {
  test.each([
    // 2025 Spring Festival: off Tue Jan 28 – Tue Feb 4; make-up Sun Jan 26, Sat Feb 8.
    ['2025-01-25', 'Sat', false],
    ['2025-01-26', 'Sun make-up', true],
    ['2025-01-27', 'Mon', true],
    ['2025-01-28', 'Tue holiday', false],
    ['2025-01-31', 'Fri holiday', false],
    ['2025-02-03', 'Mon holiday', false],
    ['2025-02-04', 'Tue holiday', false],
    ['2025-02-05', 'Wed', true],
    ['2025-02-08', 'Sat make-up', true],
    ['2025-02-09', 'Sun', false],
    // 2025 National Day + Mid-autumn: off Wed Oct 1 – Wed Oct 8; make-up Sun Sep 28, Sat Oct 11.
    ['2025-09-27', 'Sat', false],
    ['2025-09-28', 'Sun make-up', true],
    ['2025-09-30', 'Tue', true],
    ['2025-10-01', 'Wed holiday', false],
    ['2025-10-06', 'Mon Mid-autumn', false],
    ['2025-10-08', 'Wed holiday', false],
    ['2025-10-09', 'Thu', true],
    ['2025-10-11', 'Sat make-up', true],
    ['2025-10-12', 'Sun', false],
    // Other 2025 days.
    ['2025-01-01', "Wed New Year's Day", false],
    ['2025-04-27', 'Sun make-up (Labour Day)', true],
    ['2025-05-05', 'Mon Labour Day', false],
    ['2025-06-02', 'Mon Dragon Boat', false],
    ['2025-03-01', 'ordinary Sat', false],
    ['2025-03-05', 'ordinary Wed', true],
    // 2026 New Year: off Thu Jan 1 – Sat Jan 3; make-up Sun Jan 4.
    ['2026-01-01', 'Thu holiday', false],
    ['2026-01-02', 'Fri holiday', false],
    ['2026-01-04', 'Sun make-up', true],
    // 2026 Spring Festival: off Sun Feb 15 – Mon Feb 23; make-up Sat Feb 14, Sat Feb 28.
    ['2026-02-13', 'Fri', true],
    ['2026-02-14', 'Sat make-up', true],
    ['2026-02-15', 'Sun holiday', false],
    ['2026-02-16', 'Mon holiday', false],
    ['2026-02-20', 'Fri holiday', false],
    ['2026-02-23', 'Mon holiday', false],
    ['2026-02-24', 'Tue', true],
    ['2026-02-28', 'Sat make-up', true],
    ['2026-03-01', 'Sun', false],
    // 2026 Mid-autumn Fri Sep 25 – Sun Sep 27; National Day Thu Oct 1 – Wed Oct 7; make-up Sun Sep 20, Sat Oct 10.
    ['2026-09-20', 'Sun make-up', true],
    ['2026-09-25', 'Fri Mid-autumn', false],
    ['2026-09-30', 'Wed', true],
    ['2026-10-01', 'Thu holiday', false],
    ['2026-10-07', 'Wed holiday', false],
    ['2026-10-08', 'Thu', true],
    ['2026-10-10', 'Sat make-up', true],
    ['2026-10-11', 'Sun', false],
    ['2026-05-05', 'Tue Labour Day', false],
    ['2026-05-09', 'Sat make-up (Labour Day)', true],
  ])('%s (%s) → %s', (date, _what, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  test.each(['2025-02-30', '2025-2-01', '', 'today'])('rejects %j', (date) => {
    expect(() => cal.isWorkingDay(date)).toThrow(RangeError);
  });
});

describe('lastWorkingDayOf (due date of a period)', () => {
  test.each([
    ['2025-Q3', '2025-09-30'], // Tue, stays
    ['2026-Q1', '2026-03-31'], // Tue, stays
    ['2026-Q3', '2026-09-30'], // Wed, stays
    ['2025', '2025-12-31'],
    ['2025-01', '2025-01-27'], // Jan 28–31 are Spring Festival
    ['2023-Q3', '2023-09-28'], // Sat Sep 30 National Day, Fri Sep 29 Mid-autumn
    ['2020-01', '2020-01-23'], // the extended 2020 Spring Festival (Jan 24 – Feb 2)
    ['2025-05', '2025-05-30'], // Sat May 31 (Dragon Boat) → Fri
    ['2026-05', '2026-05-29'], // Sun → Fri
    ['2026-02', '2026-02-28'], // Sat Feb 28 is a make-up working day
  ])('%s is due %s', (key, due) => {
    expect(cal.lastWorkingDayOf(periodFromKey(key))).toBe(due);
  });

  test('a span without working days throws', () => {
    expect(() => cal.lastWorkingDayOf({ firstDay: '2025-10-01', lastDay: '2025-10-08' })).toThrow(RangeError);
    expect(() => cal.lastWorkingDayOf({ firstDay: '2025-10-02', lastDay: '2025-10-01' })).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  test.each([
    // N working days before a due date, across a holiday
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-09', -2, '2025-09-29'],
    ['2025-10-09', -3, '2025-09-28'], // Sun make-up day counts
    ['2025-10-09', -4, '2025-09-26'],
    ['2025-02-05', -1, '2025-01-27'],
    ['2025-02-05', -2, '2025-01-26'], // Sun make-up day
    ['2025-02-05', -3, '2025-01-24'],
    ['2026-02-24', -1, '2026-02-14'], // Sat make-up day
    ['2026-02-24', -5, '2026-02-10'],
    ['2026-01-05', -1, '2026-01-04'], // Sun make-up day
    ['2026-01-05', -2, '2025-12-31'], // back across the year boundary
    // Forward
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-10-01', 1, '2025-10-09'], // the start day itself is not counted
    ['2025-10-09', 2, '2025-10-11'], // Sat make-up day
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2025-03-05', 5, '2025-03-12'], // an ordinary week
    // n = 0 on a working day
    ['2025-01-26', 0, '2025-01-26'],
  ])('cal.addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });

  test('n = 0 on a day off, or a non-integer n, throws', () => {
    expect(() => cal.addWorkingDays('2025-10-01', 0)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-10-09', Number.NaN)).toThrow(RangeError);
  });

  test('going n forward then n back returns to a working day (2025–2026)', () => {
    for (let day = '2025-01-01'; day <= '2026-12-20'; day = addDays(day, 1)) {
      if (!cal.isWorkingDay(day)) continue;
      for (const n of [1, 3, 7]) expect(cal.addWorkingDays(cal.addWorkingDays(day, n), -n)).toBe(day);
    }
  });
});

describe('firstWorkingDayAfter', () => {
  test.each([
    ['2025-09-30', '2025-10-09'], // 2025-Q3 ends, National Day follows
    ['2026-09-30', '2026-10-08'],
    ['2025-01-27', '2025-02-05'],
    ['2025-12-31', '2026-01-04'], // Jan 1–3 off, Sun Jan 4 make-up
    ['2026-02-13', '2026-02-14'],
    ['2026-02-27', '2026-02-28'],
    ['2026-03-31', '2026-04-01'],
    ['2025-10-01', '2025-10-09'],
  ])('after %s comes %s', (date, expected) => {
    expect(cal.firstWorkingDayAfter(date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  test.each([
    ['2025-09-30', '2025-10-09', 1],
    ['2025-10-09', '2025-09-30', -1],
    ['2025-09-26', '2025-10-11', 6], // Sep 28, 29, 30, Oct 9, 10, 11
    ['2025-03-05', '2025-03-12', 5],
    ['2025-03-05', '2025-03-05', 0],
    ['2026-02-01', '2026-02-28', 16], // 5 + 5 + Sat 14 + 24–27 + Sat 28
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });

  test('agrees with addWorkingDays when `to` is a working day', () => {
    const from = '2025-09-20';
    for (let to = '2025-09-01'; to <= '2025-10-31'; to = addDays(to, 1)) {
      if (!cal.isWorkingDay(to) || to === from) continue;
      expect(cal.addWorkingDays(from, cal.workingDaysBetween(from, to))).toBe(to);
    }
  });
});

describe('coverage and the Monday–Friday fallback', () => {
  test('the package covers 2004–2026; other years fall back', () => {
    for (let year = 2004; year <= 2026; year += 1) expect(cal.coverage(year)).toBe('official');
    expect(cal.coverage(2003)).toBe('weekday-fallback');
    expect(cal.coverage(2040)).toBe('weekday-fallback');
    expect(cal.missing([2026, 2027, 2027, 2028])).toEqual([2027, 2028]);
  });

  test('2040 uses Monday–Friday, and says so', () => {
    expect(cal.isWorkingDay('2040-01-01')).toBe(false); // Sun (New Year's Day not known)
    expect(cal.isWorkingDay('2040-01-02')).toBe(true); // Mon
    expect(cal.lastWorkingDayOf(periodFromKey('2040-Q1'))).toBe('2040-03-30'); // Sat 31 → Fri 30
    expect(cal.firstWorkingDayAfter('2040-09-30')).toBe('2040-10-01'); // no National Day data
    expect(cal.explain('2040-10-01')).toEqual({
      date: '2040-10-01',
      working: true,
      reason: 'workday',
      holiday: null,
      source: 'missing',
    });
  });
});

describe('an entered year', () => {
  // 2027 as published in the State Council's notice of November 2026 would be entered here; these
  // are made-up dates for the test (a Friday New Year's Day off, a Sunday make-up day).
  const y2027: CalendarYearData = {
    year: 2027,
    offDays: ['2027-01-01', '2027-01-02', '2027-01-03'],
    makeupWorkdays: ['2027-01-10'],
    names: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦', '2027-01-10': '元旦' },
    source: 'notice',
  };
  const entered = cal.with([y2027]);

  test('overrides Monday–Friday for its year and leaves the others alone', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // Fri, unknown
    expect(entered.isWorkingDay('2027-01-01')).toBe(false);
    expect(entered.isWorkingDay('2027-01-10')).toBe(true); // Sun make-up
    expect(entered.coverage(2027)).toBe('official');
    expect(entered.isWorkingDay('2026-10-01')).toBe(false); // the package's 2026 still holds
    expect(entered.explain('2027-01-01')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: '元旦',
      source: 'notice',
    });
    expect(entered.explain('2027-01-10')).toMatchObject({ working: true, reason: 'makeup-workday', source: 'notice' });
    expect(entered.explain('2026-10-01')).toMatchObject({ reason: 'holiday', source: 'package' });
  });

  test('replaces the package year of the same number', () => {
    const plain2026 = new WorkingCalendar([]).with([
      { ...y2027, year: 2026, offDays: [], makeupWorkdays: [], names: {} },
    ]);
    const over = cal.with([{ year: 2026, offDays: [], makeupWorkdays: [], names: {}, source: 'admin' }]);
    expect(over.isWorkingDay('2026-10-01')).toBe(true); // Thu: no holiday any more
    expect(plain2026.isWorkingDay('2026-10-10')).toBe(false); // Sat, no make-up day
  });

  test.each([
    [{ offDays: ['2027-01-01', '2027-01-01'] }, 'offDays', 'listed twice'],
    [{ offDays: ['2027-01-01'], makeupWorkdays: ['2027-01-01'] }, 'makeupWorkdays', 'both'],
    [{ makeupWorkdays: ['2027-01-04'] }, 'makeupWorkdays', 'not a weekend'],
    [{ offDays: ['2027-02-30'] }, 'offDays', 'not a YYYY-MM-DD'],
    [{ offDays: ['2025-05-01'] }, 'offDays', 'not in 2027'],
  ])('%j is refused naming %s', (lists, field, words) => {
    const problem = yearDataProblem({ year: 2027, offDays: [], makeupWorkdays: [], ...lists });
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(words);
  });

  test('the last days of the year before may stand in a notice (2018: 2017-12-30 to 2018-01-01)', () => {
    expect(
      yearDataProblem({ year: 2018, offDays: ['2017-12-30', '2017-12-31', '2018-01-01'], makeupWorkdays: [] }),
    ).toBeNull();
  });
});

describe('overdue: one rule', () => {
  test.each([
    // due, today, overdue? — overdue from the first working day after the due date
    ['2026-09-30', '2026-10-01', false], // National Day
    ['2026-09-30', '2026-10-02', false],
    ['2026-09-30', '2026-10-07', false],
    ['2026-09-30', '2026-10-08', true], // first working day after
    ['2026-12-31', '2027-01-01', true], // 2027 unknown: Friday counts as working
    ['2026-03-31', '2026-03-31', false],
    ['2026-03-31', '2026-04-01', true],
  ])('due %s, on %s: %s', (due, today, expected) => {
    expect(isOverdueOn(cal, due, today)).toBe(expected);
    // The query cut-off agrees: due dates before it are overdue.
    expect(due < overdueCutoff(cal, today)).toBe(expected);
  });

  test('the cut-off agrees with overdueFrom on every due date and day of 2025–2026', () => {
    for (let today = '2025-01-01'; today <= '2026-12-31'; today = addDays(today, 1)) {
      const cutoff = overdueCutoff(cal, today);
      for (const due of [addDays(today, -1), addDays(today, -3), addDays(today, -9), today]) {
        expect([due, today, due < cutoff]).toEqual([due, today, today >= overdueFrom(cal, due)]);
      }
    }
  });
});

describe('independent of the machine time zone', () => {
  // Run the module in child processes with other TZ settings (TZ is never changed in this
  // process) and compare a fingerprint of many answers with the in-process one.
  const root = path.resolve(__dirname, '..');
  const script = `
    const c = require('./domain/calendar').packageCalendar();
    const { addDays } = require('./domain/period');
    const bits = [];
    const moves = [];
    for (let d = '2024-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      bits.push(c.isWorkingDay(d) ? 1 : 0);
      if (d.endsWith('-01')) moves.push(c.addWorkingDays(d, -3), c.firstWorkingDayAfter(d));
    }
    process.stdout.write(JSON.stringify({ offset: new Date(2025, 0, 1).getTimezoneOffset(), bits: bits.join(''), moves }));
  `;

  function fingerprint(): { bits: string; moves: string[] } {
    const bits: number[] = [];
    const moves: string[] = [];
    for (let d = '2024-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      bits.push(cal.isWorkingDay(d) ? 1 : 0);
      if (d.endsWith('-01')) moves.push(cal.addWorkingDays(d, -3), cal.firstWorkingDayAfter(d));
    }
    return { bits: bits.join(''), moves };
  }

  test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])('TZ=%s gives the same answers', (tz) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: root,
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    const child = JSON.parse(out) as { offset: number; bits: string; moves: string[] };
    // The child really ran in that zone (UTC-8, UTC+14, UTC+8 on 2025-01-01)…
    expect(child.offset).toBe({ 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840 }[tz] ?? -480);
    // …and answered exactly as this process does.
    expect({ bits: child.bits, moves: child.moves }).toEqual(fingerprint());
  });
});
