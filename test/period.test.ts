import {
  cadenceSchedule,
  DEFAULT_CADENCE_RULES,
  minutesDueAt,
  NOTICE_SPREAD_SECONDS,
  noticeInstant,
  noticeOffsetMs,
  ruleFor,
} from '../domain/cadence';
import {
  addDays,
  isLocalDate,
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodOfDate,
  shanghaiDateOf,
  shanghaiDateTimeOf,
  shanghaiInstant,
} from '../domain/period';
import { packageCalendar } from '../domain/calendar';

const cal = packageCalendar();

describe('Asia/Shanghai calendar dates', () => {
  test.each([
    ['2026-03-31T15:59:59.999Z', '2026-03-31'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01'], // midnight in Shanghai
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('%s is %s in Shanghai', (iso, date) => {
    expect(shanghaiDateOf(new Date(iso))).toBe(date);
  });

  test('shanghaiInstant is the inverse, with an hour of day', () => {
    expect(shanghaiInstant('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(shanghaiInstant('2026-04-01', 9).toISOString()).toBe('2026-04-01T01:00:00.000Z');
  });

  test.each([
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-12-31', true],
    ['', false],
  ])('isLocalDate(%j) is %s', (value, ok) => {
    expect(isLocalDate(value)).toBe(ok);
  });

  test('addDays crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('periods', () => {
  test.each([
    ['2026-01-01', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-05-15', 'quarter', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-11-28', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-02-10', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02-10', 'month', '2026-02', '2026-02-01', '2026-02-28'],
    ['2026-07-04', 'year', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('%s in a %s is %s (%s … %s)', (date, unit, key, first, last) => {
    const p = periodOfDate(date, unit);
    expect([p.key, p.firstDay, p.lastDay]).toEqual([key, first, last]);
    expect(periodFromKey(key)).toEqual(p);
  });

  test('a period is bounded by Shanghai midnights, not UTC or the machine zone', () => {
    const q = periodFromKey('2026-Q2');
    expect(q.startsAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(q.endsAt.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    // 23:30 UTC on 30 June is already 1 July in Shanghai: the next quarter.
    expect(periodContaining(new Date('2026-06-30T23:30:00Z'), 'quarter').key).toBe('2026-Q3');
    expect(periodContaining(new Date('2026-06-30T15:59:59Z'), 'quarter').key).toBe('2026-Q2');
  });

  test('nextPeriod rolls over the year', () => {
    expect(nextPeriod(periodFromKey('2026-Q4')).key).toBe('2027-Q1');
    expect(nextPeriod(periodFromKey('2026-12')).key).toBe('2027-01');
    expect(nextPeriod(periodFromKey('2026')).key).toBe('2027');
  });

  test.each(['2026-Q5', '2026-13', 'Q1-2026', ''])('periodFromKey rejects %j', (key) => {
    expect(() => periodFromKey(key)).toThrow(RangeError);
  });
});

describe('cadence rules and notice schedule', () => {
  test('defaults follow the mechanism: street and community quarterly, compound monthly', () => {
    expect(DEFAULT_CADENCE_RULES.street.period).toBe('quarter');
    expect(DEFAULT_CADENCE_RULES.community.period).toBe('quarter');
    expect(DEFAULT_CADENCE_RULES.compound.period).toBe('month');
    expect(DEFAULT_CADENCE_RULES.city.period).toBe('quarter');
  });

  test('a stored rule overrides the default', () => {
    const stored = {
      period: 'month',
      minMeetings: 2,
      reminderLadder: [5, 1],
      supervisorAfterDays: 2,
      countAdhoc: false,
    };
    expect(ruleFor('community', stored)).toEqual({ level: 'community', ...stored });
    expect(ruleFor('community', null)).toBe(DEFAULT_CADENCE_RULES.community);
  });

  const at9 = (date: string) => new Date(`${date}T01:00:00.000Z`).getTime(); // 09:00 Asia/Shanghai
  const community = DEFAULT_CADENCE_RULES.community;

  test.each([
    // period, due date (last working day), reminders 10/3/1 working days before, overdue (first working day after), supervisors (+3)
    ['2025-Q3', '2025-09-30', ['2025-09-17', '2025-09-26', '2025-09-29'], '2025-10-09', '2025-10-13'], // National Day; Sun 09-28 and Sat 10-11 are make-up workdays
    ['2026-Q1', '2026-03-31', ['2026-03-17', '2026-03-26', '2026-03-30'], '2026-04-01', '2026-04-07'], // Mon 04-06 is Qingming
    ['2026-02', '2026-02-28', ['2026-02-09', '2026-02-25', '2026-02-27'], '2026-03-02', '2026-03-05'], // Spring Festival; Sat 02-28 is a make-up workday
    ['2026-01', '2026-01-30', ['2026-01-16', '2026-01-27', '2026-01-29'], '2026-02-02', '2026-02-05'], // Sat 01-31 is a rest day
  ])('%s: due %s, reminders %j, overdue %s, supervisors %s', (key, due, reminders, overdue, supervisors) => {
    const s = cadenceSchedule(periodFromKey(key), community, cal);
    expect(s.dueDate).toBe(due);
    expect(s.steps.map((x) => [x.step, x.at, x.audience])).toEqual([
      ['reminder-10', at9(reminders[0]!), 'convener'],
      ['reminder-3', at9(reminders[1]!), 'convener'],
      ['reminder-1', at9(reminders[2]!), 'convener'],
      ['overdue', at9(overdue), 'convener'],
      ['overdue-supervisors', at9(supervisors), 'supervisors'],
    ]);
    expect(s.closeAt).toBe(at9(overdue));
  });

  test('the ladder is data: duplicates and zeros dropped, sorted, longest first', () => {
    const s = cadenceSchedule(
      periodFromKey('2026-Q1'),
      {
        ...community,
        reminderLadder: [1, 5, 5, 0],
        supervisorAfterDays: 0,
      },
      cal,
    );
    expect(s.steps.map((x) => x.step)).toEqual(['reminder-5', 'reminder-1', 'overdue', 'overdue-supervisors']);
    expect(s.steps[3]!.at).toBe(s.closeAt);
  });
});

describe('the notice hour, spread per subject', () => {
  test.each([
    // Pinned: a change of the hash would move every unit's notices.
    ['meeting', 586],
    ['3f1c2e9a-0000-4000-8000-000000000001', 244],
    ['leader-1', 254],
    ['', 61],
  ])('%j is %i s after the hour', (key, seconds) => {
    expect(noticeOffsetMs(key)).toBe(seconds * 1000);
    expect(noticeInstant('2026-12-01', key)).toBe(Date.parse('2026-12-01T01:00:00Z') + seconds * 1000);
  });

  test('without a subject: the hour itself (dates shown to people)', () => {
    expect(noticeInstant('2026-12-01')).toBe(Date.parse('2026-12-01T01:00:00Z'));
  });

  test('1,000 units fill the ten minutes evenly, each on a whole second', () => {
    const perMinute = new Array<number>(NOTICE_SPREAD_SECONDS / 60).fill(0);
    for (let i = 0; i < 1000; i++) {
      const offset = noticeOffsetMs(`4e0c${i.toString(16).padStart(4, '0')}-7b1a-4c2d-9e3f-0a1b2c3d4e5f`);
      expect(offset % 1000).toBe(0);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(NOTICE_SPREAD_SECONDS * 1000);
      perMinute[Math.floor(offset / 60_000)]! += 1;
    }
    // 100 expected per minute; a bunching hash would leave minutes nearly empty.
    for (const n of perMinute) expect(n).toBeGreaterThan(60);
    for (const n of perMinute) expect(n).toBeLessThan(140);
  });

  test("a unit's whole schedule moves by its offset, the period's close with it; the days stay", () => {
    const period = periodFromKey('2026-Q1');
    const plain = cadenceSchedule(period, DEFAULT_CADENCE_RULES.community, cal);
    const unit = cadenceSchedule(period, DEFAULT_CADENCE_RULES.community, cal, 'meeting');
    expect(unit.dueDate).toBe(plain.dueDate);
    expect(unit.closeAt).toBe(plain.closeAt + 586_000);
    expect(unit.steps).toEqual(plain.steps.map((x) => ({ ...x, at: x.at + 586_000 })));
  });
});

describe('planned meetings', () => {
  test('an instant reads as Shanghai date and time, whatever the machine zone', () => {
    expect(shanghaiDateTimeOf(new Date('2026-12-03T06:30:00Z'))).toBe('2026-12-03 14:30');
    expect(shanghaiDateTimeOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  });

  test.each([
    ['a Thursday afternoon', '2026-12-03T06:30:00Z', '2026-12-07T01:00:00.000Z'], // Mon 09:00
    ['the eve of National Day', '2025-09-30T06:00:00Z', '2025-10-10T01:00:00.000Z'], // holiday skipped
  ])('minutes of a meeting on %s are due at 09:00 on the 2nd working day after', (_when, plannedFor, due) => {
    expect(new Date(minutesDueAt(new Date(plannedFor), cal)).toISOString()).toBe(due);
  });
});
