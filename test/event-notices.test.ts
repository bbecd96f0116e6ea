/**
 * Every notice at a working hour, none lost to a late record (pure parts): the instant an event
 * notice goes (on a working day at once; on a day off at the next working day's notice hour plus
 * the subject's offset, unless the rule says at once), the evaluation's instants with the
 * community's offset and its closing notices on the first working day after the closing day, the
 * escalation's event steps, and absence runs counted by date whatever order meetings come in.
 */
import { packageCalendar } from '../domain/calendar';
import { eventNoticeInstant, noticeInstant, noticeOffsetMs } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { DEFAULT_ESCALATION_RULES, escalationSteps, type HopSnapshot } from '../domain/escalation';
import { shanghaiInstant } from '../domain/period';
import { absenceMilestone, absenceRuns } from '../domain/attendance';
import { evaluationSchedule } from '../domain/evaluation';

const cal = packageCalendar();
const iso = (ms: number) => new Date(ms).toISOString();
const at = (date: string, hour: number) => shanghaiInstant(date, hour).getTime();

describe('an event notice goes at once on a working day, else at the next working day’s notice hour', () => {
  const subject = 'community-1';
  const offset = noticeOffsetMs(subject);

  test('on a working day: at the event', () => {
    expect(eventNoticeInstant(at('2026-10-20', 15), cal, subject)).toBe(at('2026-10-20', 15));
    // Early or late on a working day too: the day is a working day.
    expect(eventNoticeInstant(at('2026-10-20', 23), cal, subject)).toBe(at('2026-10-20', 23));
  });

  test('on a Saturday: Monday 09:00 plus the subject’s offset', () => {
    expect(iso(eventNoticeInstant(at('2026-11-28', 16), cal, subject))).toBe(iso(at('2026-11-30', 9) + offset));
    expect(eventNoticeInstant(at('2026-11-28', 16), cal, subject)).toBe(noticeInstant('2026-11-30', subject));
  });

  test('on National Day 2026-10-02: the first working day after the holiday, 2026-10-08 (Thu)', () => {
    expect(cal.firstWorkingDayAfter('2026-10-02')).toBe('2026-10-08');
    expect(iso(eventNoticeInstant(at('2026-10-02', 10), cal, subject))).toBe(iso(at('2026-10-08', 9) + offset));
  });

  test('a Saturday make-up working day is a working day', () => {
    expect(eventNoticeInstant(at('2026-10-10', 10), cal, subject)).toBe(at('2026-10-10', 10));
  });

  test('the rule says at once: at the event, day off or not', () => {
    expect(eventNoticeInstant(at('2026-10-02', 10), cal, subject, 'at-once')).toBe(at('2026-10-02', 10));
  });

  test('the rules default to wait', () => {
    expect(DEFAULT_ENTRIES_RULE.attendanceNotices).toBe('wait');
    expect(DEFAULT_ESCALATION_RULES.community.eventNotices).toBe('wait');
  });
});

describe('the evaluation’s notices: the notice hour plus the community’s offset', () => {
  const id = 'a1b2c3d4-community';
  const offset = noticeOffsetMs(id);
  const schedule = evaluationSchedule(2026, DEFAULT_ENTRIES_RULE, cal, id);

  test('opening and reminders at 09:0x with the offset', () => {
    expect(offset).toBeGreaterThan(0);
    expect(iso(schedule.opensAt)).toBe(iso(at('2026-12-01', 9) + offset));
    expect(schedule.reminders.map(iso)).toEqual(
      ['2026-12-08', '2026-12-15', '2026-12-22'].map((d) => iso(at(d, 9) + offset)),
    );
  });

  test('closes at the end of its closing day (Fri 12-25); its notices on Mon 12-28 at 09:0x', () => {
    expect(iso(schedule.closesAt)).toBe(iso(at('2026-12-26', 0)));
    expect(iso(schedule.closingNoticeAt)).toBe(iso(at('2026-12-28', 9) + offset));
  });

  test('another community has another second in the ten minutes', () => {
    const other = evaluationSchedule(2026, DEFAULT_ENTRIES_RULE, cal, 'another-community');
    expect(other.opensAt).not.toBe(schedule.opensAt);
    expect(other.opensAt - at('2026-12-01', 9)).toBeLessThan(600_000);
  });
});

describe('escalation event steps on a day off wait for the next working day (rule: wait)', () => {
  const rule = DEFAULT_ESCALATION_RULES.community;
  const saturday = at('2026-11-28', 16);
  const hop: HopSnapshot = {
    hop: 1,
    state: 'pending',
    escalatedAt: saturday,
    scheduleBy: '2026-12-11',
    answerBy: '2026-12-18',
    round: 0,
    roundStartedAt: saturday,
    extendedAt: null,
    answeredAt: null,
    responded: false,
    canClimb: true,
  };
  const received = (r = rule) => escalationSteps(hop, r, cal, 'item-1').find((s) => s.step === 'received')!;

  test('received on a Saturday: Monday 09:00 plus the item’s offset', () => {
    expect(iso(received().at)).toBe(iso(at('2026-11-30', 9) + noticeOffsetMs('item-1')));
  });

  test('eventNotices: at-once keeps it at the escalation', () => {
    expect(received({ ...rule, eventNotices: 'at-once' }).at).toBe(saturday);
  });

  test('answered on National Day, disputed and extended on a Sunday: the next working day', () => {
    const answered = escalationSteps(
      { ...hop, state: 'answered', answeredAt: at('2026-10-02', 11) },
      rule,
      cal,
      'item-1',
    ).find((s) => s.step === 'answered')!;
    expect(iso(answered.at)).toBe(iso(noticeInstant('2026-10-08', 'item-1')));
    const sunday = at('2026-11-29', 20);
    const round1 = escalationSteps(
      { ...hop, state: 'taken_up', round: 1, roundStartedAt: sunday, extendedAt: sunday },
      rule,
      cal,
      'item-1',
    );
    for (const step of ['disputed', 'extended']) {
      expect(iso(round1.find((s) => s.step === step)!.at)).toBe(iso(noticeInstant('2026-11-30', 'item-1')));
    }
  });

  test('on a working day: at the event', () => {
    const monday = at('2026-11-30', 15);
    expect(
      escalationSteps({ ...hop, escalatedAt: monday, roundStartedAt: monday }, rule, cal, 'item-1').find(
        (s) => s.step === 'received',
      )!.at,
    ).toBe(monday);
  });
});

describe('absence runs by date, whatever order the meetings were recorded in', () => {
  test('runs of consecutive absences', () => {
    expect(absenceRuns([false, false, true, false, true, false, false, false])).toEqual([
      { start: 0, end: 1, length: 2 },
      { start: 3, end: 3, length: 1 },
      { start: 5, end: 7, length: 3 },
    ]);
    expect(absenceRuns([])).toEqual([]);
    expect(absenceRuns([true, true])).toEqual([]);
  });

  // By date: 10-06, 10-13, 10-20 missed, 10-27 attended; 10-20 recorded last (on 10-29).
  const byDate = [
    { id: '10-06', attended: false },
    { id: '10-13', attended: false },
    { id: '10-20', attended: false },
    { id: '10-27', attended: true },
  ];

  test('the meeting recorded late completes the run: its check tells it', () => {
    expect(absenceMilestone(byDate, '10-20', 3)).toEqual({
      run: { start: 0, end: 2, length: 3 },
      milestone: 3,
      meetingIds: ['10-06', '10-13', '10-20'],
    });
  });

  test('the attended meeting recorded before it told nothing; nor did the run of two', () => {
    const before = byDate.filter((m) => m.id !== '10-20');
    expect(absenceMilestone(before, '10-27', 3)).toBeNull();
    expect(absenceMilestone(before, '10-13', 3)).toBeNull();
  });

  test('a run extended past N keeps milestone N until 2N; a meeting in the middle finds the run', () => {
    const missed = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, attended: false }));
    expect(absenceMilestone(missed.slice(0, 4), 'b', 3)?.milestone).toBe(3);
    expect(absenceMilestone(missed.slice(0, 6), 'a', 3)?.milestone).toBe(6);
    expect(absenceMilestone(missed, 'g', 3)?.milestone).toBe(6);
    expect(absenceMilestone(missed, 'unknown', 3)).toBeNull();
  });
});
