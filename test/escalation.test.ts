/**
 * The escalation rules as pure functions: deadlines in working days (with the 2026 National Day
 * swap), the steps an item is owed in each state, which step comes next, and the notice texts.
 */
import {
  DEFAULT_ESCALATION_RULES,
  escalationDeadlines,
  escalationSteps,
  type HopSnapshot,
  nextEscalationStep,
} from '../domain/escalation';
import { composeNotice, type EscalationNotice } from '../domain/notices';
import { shanghaiInstant } from '../domain/period';
import { packageCalendar } from '../domain/calendar';

const cal = packageCalendar();

const at9 = (d: string) => shanghaiInstant(d, 9).getTime();
const community = DEFAULT_ESCALATION_RULES.community; // 10 working days to schedule, 15 to answer

describe('deadlines count Chinese working days from the day of the escalation', () => {
  test.each([
    // Escalated on a plain Monday: two weeks and three weeks of working days.
    ['2026-11-02T10:00:00+08:00', '2026-11-16', '2026-11-23'],
    // Escalated on a Saturday: counting starts on Monday.
    ['2026-11-28T16:00:00+08:00', '2026-12-11', '2026-12-18'],
    // Escalated just before National Day 2026 (Oct 1–7 off; Sep 20 and Oct 10 are make-up working days).
    ['2026-09-29T10:00:00+08:00', '2026-10-19', '2026-10-26'],
  ])('escalated at %s → schedule by %s, answer by %s', (when, scheduleBy, answerBy) => {
    expect(escalationDeadlines(new Date(when), community, cal)).toEqual({ scheduleBy, answerBy });
  });
});

const hop = (over: Partial<HopSnapshot> = {}): HopSnapshot => ({
  hop: 1,
  state: 'pending',
  escalatedAt: shanghaiInstant('2026-11-02', 10).getTime(),
  scheduleBy: '2026-11-16',
  answerBy: '2026-11-23',
  round: 0,
  roundStartedAt: shanghaiInstant('2026-11-02', 10).getTime(),
  extendedAt: null,
  answeredAt: null,
  responded: false,
  canClimb: true,
  ...over,
});
const names = (h: HopSnapshot, rule = community) =>
  escalationSteps(h, rule, cal).map((s) => `${s.series} ${s.step} ${new Date(s.at).toISOString()} ${s.audience}`);

test('a pending item: received, the scheduling ladder, "call a meeting", the answer ladder, overdue, supervisors', () => {
  expect(names(hop())).toEqual([
    `hop1 received ${new Date(shanghaiInstant('2026-11-02', 10)).toISOString()} upper-convener`,
    `hop1 schedule-reminder-3 ${new Date(at9('2026-11-11')).toISOString()} upper-convener`,
    `hop1 schedule-reminder-1 ${new Date(at9('2026-11-13')).toISOString()} upper-convener`,
    `hop1 call-meeting ${new Date(at9('2026-11-17')).toISOString()} upper-convener`,
    `hop1-r0-2026-11-23 answer-reminder-3 ${new Date(at9('2026-11-18')).toISOString()} upper-convener`,
    `hop1-r0-2026-11-23 answer-reminder-1 ${new Date(at9('2026-11-20')).toISOString()} upper-convener`,
    `hop1-r0-2026-11-23 overdue ${new Date(at9('2026-11-24')).toISOString()} upper-convener`,
    `hop1-r0-2026-11-23 overdue-supervisors ${new Date(at9('2026-11-26')).toISOString()} supervisors`,
  ]);
});

test('taken up: the scheduling steps go; an auto-escalation rule adds the climb after the overdue notice', () => {
  const steps = escalationSteps(hop({ state: 'taken_up' }), { ...community, autoEscalateAfterDays: 3 }, cal);
  expect(steps.map((s) => s.step)).toEqual([
    'received',
    'answer-reminder-3',
    'answer-reminder-1',
    'overdue',
    'overdue-supervisors',
    'auto-escalate',
  ]);
  expect(steps.at(-1)).toMatchObject({ action: 'climb', at: at9('2026-11-27') });
  // Nowhere to climb (the city): no climb step.
  const top = escalationSteps(
    hop({ state: 'taken_up', canClimb: false }),
    { ...community, autoEscalateAfterDays: 3 },
    cal,
  );
  expect(top.map((s) => s.step)).not.toContain('auto-escalate');
});

test('an extension starts a new series for the new deadline; reminders before the extension are not owed again', () => {
  const extendedAt = shanghaiInstant('2026-11-19', 15).getTime();
  const steps = escalationSteps(hop({ state: 'taken_up', answerBy: '2026-12-07', extendedAt }), community, cal);
  expect(steps.map((s) => `${s.series} ${s.step}`)).toEqual([
    'hop1 received',
    'hop1-r0-2026-12-07 extended',
    'hop1-r0-2026-12-07 answer-reminder-3',
    'hop1-r0-2026-12-07 answer-reminder-1',
    'hop1-r0-2026-12-07 overdue',
    'hop1-r0-2026-12-07 overdue-supervisors',
  ]);
});

test('answered: the answer goes down, then one reminder to confirm; a dispute opens round 1', () => {
  const answeredAt = shanghaiInstant('2026-11-20', 11).getTime();
  expect(names(hop({ state: 'answered', answeredAt }))).toEqual([
    `hop1 received ${new Date(shanghaiInstant('2026-11-02', 10)).toISOString()} upper-convener`,
    `hop1-r0 answered ${new Date(answeredAt).toISOString()} lower-conveners`,
    `hop1-r0 confirm-reminder ${new Date(at9('2026-11-27')).toISOString()} raising-convener`,
  ]);
  expect(
    escalationSteps(hop({ state: 'answered', answeredAt, responded: true }), community, cal).map((s) => s.step),
  ).toEqual(['received', 'answered']);
  const disputedAt = shanghaiInstant('2026-11-23', 10).getTime();
  const round1 = escalationSteps(
    hop({ state: 'taken_up', round: 1, roundStartedAt: disputedAt, answerBy: '2026-12-14' }),
    community,
    cal,
  );
  expect(round1.map((s) => `${s.series} ${s.step}`).slice(0, 3)).toEqual([
    'hop1 received',
    'hop1-r1 disputed',
    'hop1-r1-2026-12-14 answer-reminder-3',
  ]);
  expect(escalationSteps(hop({ state: 'escalated_further' }), community, cal)).toEqual([]);
});

test("an item's dated steps fall at the notice hour plus its offset; those of an event stay at the event", () => {
  const plain = escalationSteps(hop({ state: 'taken_up' }), community, cal);
  const keyed = escalationSteps(hop({ state: 'taken_up' }), community, cal, 'meeting'); // 586 s after the hour
  expect(keyed.map((s) => s.step)).toEqual(plain.map((s) => s.step));
  for (const [i, s] of keyed.entries()) {
    expect(s.at - plain[i]!.at).toBe(s.step === 'received' ? 0 : 586_000);
  }
});

test('the next step: the earliest not done; a reminder overtaken by a later due one is passed over', () => {
  const steps = escalationSteps(hop(), community, cal);
  const done = (names: string[]) => (s: { step: string }) => names.includes(s.step);
  expect(nextEscalationStep(steps, done([]), 0)?.step).toBe('received');
  expect(nextEscalationStep(steps, done(['received']), at9('2026-11-02'))?.step).toBe('schedule-reminder-3');
  // The worker was down until the 14th: the 3-day scheduling reminder is overtaken by the 1-day one.
  expect(nextEscalationStep(steps, done(['received']), at9('2026-11-14'))?.step).toBe('schedule-reminder-1');
  // Overdue notices are never passed over.
  const late = at9('2026-11-30');
  const order: string[] = [];
  const sent = new Set(['received']);
  for (
    let s = nextEscalationStep(steps, (x) => sent.has(x.step), late);
    s;
    s = nextEscalationStep(steps, (x) => sent.has(x.step), late)
  ) {
    order.push(s.step);
    sent.add(s.step);
  }
  expect(order).toEqual(['schedule-reminder-1', 'call-meeting', 'answer-reminder-1', 'overdue', 'overdue-supervisors']);
});

describe('notice texts: zh-CN first, English after (English first for locale en)', () => {
  const base: EscalationNotice = {
    kind: 'escalation',
    step: 'received',
    unit: { name: '港北社区', level: 'community', url: 'http://localhost:3000/units/x' },
    recipientName: '李书记',
    item: { title: '停车难', url: 'http://localhost:3000/units/x?item=1', raisedBy: '滨江小区' },
    fromUnit: '滨江小区',
    what: '小区停车位不足',
    ask: '协调增设停车位',
    scheduleBy: '2026-11-16',
    answerBy: '2026-11-23',
    workingDaysLeft: 3,
  };
  test.each([
    ['received', '【议题上移】滨江小区上报议题“停车难”', '2026-11-16'],
    ['schedule-reminder-3', '【提醒】上报议题“停车难”须列入会议议程（截止2026-11-16）', '3个工作日'],
    ['call-meeting', '【请召开会议】上报议题“停车难”尚未列入会议', '临时'],
    ['overdue', '【逾期】上报议题“停车难”未按期答复', '2026-11-23'],
    ['overdue-supervisors', '【督办】港北社区逾期未答复上报议题“停车难”', '请予督办'],
    ['extended', '【延期】议题“停车难”答复期限延至2026-11-23', '联络办公室'],
  ] as const)('%s', (step, subject, inBody) => {
    const { subject: s, text } = composeNotice({ ...base, step }, 'zh-CN');
    expect(s).toBe(subject);
    expect(text).toContain(inBody);
    expect(text.indexOf('议题台账')).toBeLessThan(text.indexOf('Item ledger'));
    expect(text).toContain('http://localhost:3000/units/x?item=1');
  });
  test('the answer names its outcome and date; English first for an English reader', () => {
    const n: EscalationNotice = {
      ...base,
      step: 'answered',
      answer: { outcome: 'scheduled', text: '列入明年计划', handleBy: '2027-06-30' },
    };
    expect(composeNotice(n, 'zh-CN').subject).toBe('【答复】议题“停车难”：将于期限内办理');
    expect(composeNotice(n, 'zh-CN').text).toContain('办理期限：2027-06-30');
    const en = composeNotice(n, 'en');
    expect(en.subject).toBe('[Answer] "停车难": will be handled');
    expect(en.text.indexOf('(by 2027-06-30)')).toBeLessThan(en.text.indexOf('办理期限'));
  });
});
