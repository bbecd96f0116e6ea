/**
 * The explicit model of the third entry's notices (test/support/serving-model.ts) against cases
 * computed by hand from the State Council's 2026 notice: Mid-Autumn 09-25..09-27 off, National Day
 * 10-01..10-07 off, make-up working days Sunday 09-20 and Saturday 10-10.
 */
import { packageCalendar } from '../domain/calendar';
import {
  expectedServingLedger,
  isWorking,
  lastWorkingDay,
  type ModelRule,
  nineOn,
  participationPeriodOf,
  plusDays,
  quarterOf,
  rowKey,
  type ServingScenario,
  workingDaysFrom,
} from './support/serving-model';

const rule: ModelRule = {
  participationPeriod: 'half',
  minServices: 2,
  participationReminderLadder: [75, 55, 5],
  claimConfirmWithinDays: 3,
  claimCommunityAfterDays: 2,
  receiptWithinDays: 5,
  receiptOfficeAfterDays: 3,
};
const at = (day: string, time = '15:00') => Date.parse(`${day}T${time}:00+08:00`);

function scenario(over: Partial<ServingScenario>): ServingScenario {
  return {
    rule,
    communities: [{ id: 'A', convenerEmail: 'li@a' }],
    employers: [
      { id: 'E1', code: 'tax', contactEmail: 'tax@e' },
      { id: 'E2', code: 'power', contactEmail: 'power@e' },
    ],
    members: [],
    claims: [],
    services: [],
    receipts: [],
    supervisors: ['office1@s', 'office2@s'],
    feedbackFrom: at('2026-07-01', '09:30'),
    until: at('2026-10-20', '12:00'),
    ...over,
  };
}
const member = (id: string, email: string | null, employerId = 'E1') => ({
  id,
  email,
  communityId: 'A',
  employerId,
  registeredAt: at('2026-07-01', '10:00'),
});

describe('the working calendar of the model', () => {
  test('agrees with the product calendar on every day of 2026', () => {
    const product = packageCalendar();
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = plusDays(d, 1))
      expect([d, isWorking(d)]).toEqual([d, product.isWorkingDay(d)]);
  });

  test('steps over holidays and counts make-up days (by hand)', () => {
    expect(workingDaysFrom('2026-09-19', 3)).toBe('2026-09-22'); // Sun 09-20 (make-up), Mon 21, Tue 22
    expect(workingDaysFrom('2026-09-24', 3)).toBe('2026-09-30'); // 09-25..27 off; 28, 29, 30
    expect(workingDaysFrom('2026-09-30', 2)).toBe('2026-10-09'); // National Day; 10-08, 10-09
    expect(workingDaysFrom('2026-09-30', 1)).toBe('2026-10-08');
    expect(workingDaysFrom('2026-10-08', 5)).toBe('2026-10-14'); // 09, Sat 10 (make-up), 12, 13, 14
    expect(workingDaysFrom('2026-10-14', 3)).toBe('2026-10-19'); // 15, 16, Mon 19
    expect(workingDaysFrom('2026-07-11', 3)).toBe('2026-07-15'); // a Saturday's need: Mon 13 … Wed 15
    expect(lastWorkingDay('2026-07-01', '2026-12-31')).toBe('2026-12-31');
    expect(lastWorkingDay('2026-07-01', '2026-09-30')).toBe('2026-09-30');
    expect(workingDaysFrom('2026-12-31', -5)).toBe('2026-12-24'); // 30, 29, 28, 25, 24
    // 55 before 12-31: 10-16 (1), 10-19..23 (6), then 9 full weeks to 12-25 (51), 12-28..31 (55).
    expect(workingDaysFrom('2026-12-31', -55)).toBe('2026-10-15');
    // 20 more: 10-15..10-12 (4), Sat 10-10 (5), 10-09, 10-08 (7), 09-30..28 (10), 09-24..21 (14), Sun 09-20 (15), 09-18..14 (20).
    expect(workingDaysFrom('2026-12-31', -75)).toBe('2026-09-11');
  });

  test('periods', () => {
    expect(quarterOf('2026-08-15')).toEqual({ key: '2026-Q3', first: '2026-07-01', last: '2026-09-30' });
    expect(participationPeriodOf('2026-07-01', 'half')).toEqual({
      key: '2026-H2',
      first: '2026-07-01',
      last: '2026-12-31',
    });
    expect(participationPeriodOf('2026-07-01', 'year').key).toBe('2026');
    expect(nineOn('2026-10-08')).toBe(Date.parse('2026-10-08T01:00:00Z'));
  });
});

describe('need claims', () => {
  const needed = '2026-09-19'; // member day 09-22, community day 09-24
  const claim = (id: string, memberId: string, closedAt?: number) => ({
    id,
    memberId,
    neededOn: needed,
    claimedAt: at('2026-09-01'),
    closedAt,
  });

  test('open → member then community; done between → member only; done before → nothing; no email → community only', () => {
    const rows = expectedServingLedger(
      scenario({
        members: [member('m1', 'm1@x'), member('m2', 'm2@x'), member('m3', 'm3@x'), member('m4', null)],
        claims: [
          claim('c1', 'm1'),
          claim('c2', 'm2', at('2026-09-22', '15:00')),
          claim('c3', 'm3', at('2026-09-21')),
          claim('c4', 'm4'),
        ],
        services: ['m1', 'm2', 'm3', 'm4'].flatMap((m) =>
          [0, 1].map(() => ({ memberId: m, servedOn: '2026-07-02', recordedAt: at('2026-07-02') })),
        ),
        until: at('2026-09-30'),
      }),
    ).filter((r) => r.obligation.startsWith('need-claim:'));
    expect(rows.map(rowKey)).toEqual([
      'need-claim:c1 2026-09-19 claim-unconfirmed m1@x 2026-09-22',
      'need-claim:c1 2026-09-19 claim-unconfirmed-community li@a 2026-09-24',
      'need-claim:c2 2026-09-19 claim-unconfirmed m2@x 2026-09-22',
      'need-claim:c4 2026-09-19 claim-unconfirmed-community li@a 2026-09-24',
    ]);
  });

  test('a claim closed inside the notice window is refused (the answer would hang on the offset)', () => {
    const s = scenario({ members: [member('m1', 'm1@x')], claims: [claim('c1', 'm1', at('2026-09-22', '09:05'))] });
    expect(() => expectedServingLedger(s)).toThrow(/inside the notice window/);
  });
});

describe('participation', () => {
  test('reminders while below the minimum in the period; none after removal; none at the close', () => {
    const service = (memberId: string, servedOn: string, recordedOn: string) => ({
      memberId,
      servedOn,
      recordedAt: at(recordedOn),
    });
    const rows = expectedServingLedger(
      scenario({
        members: [
          member('met', 'met@x'),
          member('late', 'late@x'),
          member('none', 'none@x'),
          { ...member('gone', 'gone@x'), removedAt: at('2026-10-09') },
          member('mute', null),
        ],
        services: [
          service('met', '2026-07-10', '2026-07-10'),
          service('met', '2026-08-10', '2026-08-10'),
          service('late', '2026-07-10', '2026-07-10'),
          service('late', '2026-09-12', '2026-09-14'), // after reminder-75 (09-11), before reminder-55 (10-15)
          service('none', '2026-06-30', '2026-07-01'), // dated before the period: does not count
        ],
        until: at('2026-10-20', '12:00'),
      }),
    ).filter((r) => r.obligation.startsWith('serving-participation:'));
    expect(rows.map(rowKey)).toEqual([
      'serving-participation:gone 2026-H2 reminder-75 gone@x 2026-09-11',
      'serving-participation:late 2026-H2 reminder-75 late@x 2026-09-11',
      'serving-participation:none 2026-H2 reminder-55 none@x 2026-10-15',
      'serving-participation:none 2026-H2 reminder-75 none@x 2026-09-11',
    ]);
  });

  test('a member registered after a reminder was due gets the latest past one at once, not the earlier', () => {
    const late = { ...member('m', 'm@x'), registeredAt: at('2026-10-16', '10:00') };
    const rows = expectedServingLedger(scenario({ members: [late], until: at('2026-12-31', '12:00') }));
    expect(rows.filter((r) => r.obligation.startsWith('serving-participation:')).map(rowKey)).toEqual([
      'serving-participation:m 2026-H2 reminder-5 m@x 2026-12-24',
      'serving-participation:m 2026-H2 reminder-55 m@x 2026-10-16',
    ]);
  });
});

describe('quarterly feedback', () => {
  test('one mail per employer with members here; confirmed early → nothing more, late → reminder only, never → the office', () => {
    const members = [
      member('a', 'a@x', 'E1'),
      member('b', 'b@x', 'E2'),
      { ...member('c', 'c@x', 'E3'), removedAt: at('2026-08-10') },
    ];
    const employers = [
      { id: 'E1', code: 'tax', contactEmail: 'tax@e' },
      { id: 'E2', code: 'power', contactEmail: 'power@e' },
      { id: 'E3', code: 'port', contactEmail: 'port@e' },
      { id: 'E4', code: 'court', contactEmail: 'court@e' }, // no members here
    ];
    const receipt = (employerId: string, day: string) => ({
      communityId: 'A',
      employerId,
      periodKey: '2026-Q3',
      confirmedAt: at(day),
    });
    const rows = (receipts: ServingScenario['receipts']) =>
      expectedServingLedger(scenario({ members, employers, receipts }))
        .filter((r) => r.obligation.startsWith('serving-feedback:'))
        .map(rowKey);
    expect(rows([receipt('E1', '2026-10-09')])).toEqual([
      'serving-feedback:A 2026-Q3 feedback:power power@e 2026-10-08',
      'serving-feedback:A 2026-Q3 feedback:tax tax@e 2026-10-08',
      'serving-feedback:A 2026-Q3 receipt-office:power office1@s 2026-10-19',
      'serving-feedback:A 2026-Q3 receipt-office:power office2@s 2026-10-19',
      'serving-feedback:A 2026-Q3 receipt-reminder:power power@e 2026-10-14',
    ]);
    expect(rows([receipt('E1', '2026-10-09'), receipt('E2', '2026-10-15')])).toEqual([
      'serving-feedback:A 2026-Q3 feedback:power power@e 2026-10-08',
      'serving-feedback:A 2026-Q3 feedback:tax tax@e 2026-10-08',
      'serving-feedback:A 2026-Q3 receipt-reminder:power power@e 2026-10-14',
    ]);
  });
});

test('the run stops at `until`', () => {
  const s = scenario({
    members: [member('m', 'm@x')],
    claims: [{ id: 'c', memberId: 'm', neededOn: '2026-09-24', claimedAt: at('2026-09-01') }],
    until: at('2026-10-08', '12:00'),
  });
  expect(expectedServingLedger(s).map(rowKey)).toEqual([
    'need-claim:c 2026-09-24 claim-unconfirmed m@x 2026-09-30',
    'serving-feedback:A 2026-Q3 feedback:tax tax@e 2026-10-08',
    'serving-participation:m 2026-H2 reminder-75 m@x 2026-09-11',
  ]);
});
