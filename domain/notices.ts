/**
 * The text of every notice the service sends. zh-CN first, English after it (English first
 * for a recipient whose locale is "en"). Each names the unit, the period, the due date and
 * what to do, and links to the unit's page.
 */
import type { CadenceStep, UnitLevel } from './cadence';

export const LEVEL_NAMES: Record<UnitLevel, { zh: string; en: string }> = {
  city: { zh: '市', en: 'city' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  compound: { zh: '居民小区', en: 'residential compound' },
  building: { zh: '楼栋', en: 'building' },
};

export interface UnitRef {
  name: string;
  level: UnitLevel;
  url: string;
}

export type NoticeInput =
  | {
      kind: 'cadence';
      step: CadenceStep;
      unit: UnitRef;
      recipientName: string;
      periodKey: string;
      dueDate: string;
      meetingsHeld: number;
      minMeetings: number;
      /** Working days from the day of sending to the due date (reminders). */
      workingDaysLeft: number;
    }
  | {
      kind: 'invitation';
      unit: UnitRef;
      recipientName: string;
      /** "2026-12-03 14:30" Asia/Shanghai */
      when: string;
      place: string;
    }
  | {
      kind: 'minutes-reminder';
      unit: UnitRef;
      recipientName: string;
      when: string;
      place: string;
    };

export interface NoticeText {
  subject: string;
  text: string;
}

type Lang = { subject: string; body: string[] };

function zh(n: NoticeInput): Lang {
  const level = LEVEL_NAMES[n.unit.level].zh;
  const link = `单位页面：${n.unit.url}`;
  if (n.kind === 'invitation') {
    return {
      subject: `【会议通知】${n.unit.name}联席会议 ${n.when}`,
      body: [
        `${n.recipientName}：`,
        '',
        `兹定于${n.when}在${n.place}召开${n.unit.name}（${level}）联席会议，请准时参加。日程文件（.ics）见附件。`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'minutes-reminder') {
    return {
      subject: `【请录入纪要】${n.unit.name}联席会议（${n.when}）`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.unit.name}（${level}）原定于${n.when}在${n.place}召开的联席会议，尚未录入会议纪要。如会议已召开，请录入纪要、参会人员和议题；如未召开，请重新安排。`,
        '',
        link,
      ],
    };
  }
  const what = `${n.unit.name}联席会议（${n.periodKey}）`;
  const tally = `本期须至少召开${n.minMeetings}次，截止日期为${n.dueDate}，目前已记录${n.meetingsHeld}次。`;
  if (n.step === 'overdue') {
    return {
      subject: `【逾期】${what}未按期召开`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.unit.name}（${level}）联席会议${tally}已逾期。`,
        '请尽快召开会议并录入会议纪要；本通知已记入督办台账。',
        '',
        link,
      ],
    };
  }
  if (n.step === 'overdue-supervisors') {
    return {
      subject: `【督办】${what}逾期未召开`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.unit.name}（${level}）联席会议${tally}已向召集人发出逾期通知，仍未召开。请予督办。`,
        '',
        link,
      ],
    };
  }
  const days = n.workingDaysLeft;
  return {
    subject: `【提醒】${what}须于${n.dueDate}前召开`,
    body: [
      `${n.recipientName}同志：`,
      '',
      `按照“一轴三联三进”机制，${n.unit.name}（${level}）联席会议${tally}距截止还有${days}个工作日。`,
      '请及时召集会议，并在会后录入会议纪要和议题。',
      '',
      link,
    ],
  };
}

function en(n: NoticeInput): Lang {
  const level = LEVEL_NAMES[n.unit.level].en;
  const link = `Unit page: ${n.unit.url}`;
  if (n.kind === 'invitation') {
    return {
      subject: `[Meeting] ${n.unit.name} joint meeting, ${n.when}`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `You are invited to the joint meeting of ${n.unit.name} (${level}) at ${n.place}, ${n.when} (Asia/Shanghai). The calendar entry (.ics) is attached.`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'minutes-reminder') {
    return {
      subject: `[Record the minutes] ${n.unit.name} joint meeting (${n.when})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) planned for ${n.when} at ${n.place} has no minutes yet. If it took place, please record its minutes, attendees and agenda items; if not, please plan it again.`,
        '',
        link,
      ],
    };
  }
  const what = `${n.unit.name} joint meeting (${n.periodKey})`;
  const tally = `must meet at least ${n.minMeetings} time(s) in ${n.periodKey}, due ${n.dueDate}; ${n.meetingsHeld} recorded so far.`;
  if (n.step === 'overdue') {
    return {
      subject: `[Overdue] ${what} was not held in time`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) ${tally} It is overdue.`,
        'Please convene the meeting and record its minutes; this notice is kept in the supervision ledger.',
        '',
        link,
      ],
    };
  }
  if (n.step === 'overdue-supervisors') {
    return {
      subject: `[Supervision] ${what} is overdue`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) ${tally} Its convener was told it is overdue and it has still not met. Please follow up.`,
        '',
        link,
      ],
    };
  }
  const days = n.workingDaysLeft;
  return {
    subject: `[Reminder] ${what} is due by ${n.dueDate}`,
    body: [
      `Dear ${n.recipientName},`,
      '',
      `The joint meeting of ${n.unit.name} (${level}) ${tally} ${days} working day(s) remain.`,
      'Please convene the meeting and record its minutes and agenda items afterwards.',
      '',
      link,
    ],
  };
}

export function composeNotice(input: NoticeInput, locale: string): NoticeText {
  const [first, second] = locale === 'en' ? [en(input), zh(input)] : [zh(input), en(input)];
  return {
    subject: first.subject,
    text: `${first.body.join('\n')}\n\n———\n\n${second.body.join('\n')}\n`,
  };
}
