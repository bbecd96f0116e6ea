/** A unit's meeting obligation: reminders before the due date, overdue (to the convener), supervisors. */
import type { CadenceStep } from '../cadence';
import { LEVEL_NAMES } from '../org';
import { periodLabel } from '../period-labels';
import type { Bilingual, UnitRef } from './text';

export interface CadenceNotice {
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

export function cadenceNoticeText(n: CadenceNotice): Bilingual {
  const level = LEVEL_NAMES[n.unit.level];
  const link = { zh: `单位页面：${n.unit.url}`, en: `Unit page: ${n.unit.url}` };
  const period = { zh: periodLabel(n.periodKey, 'zh'), en: periodLabel(n.periodKey, 'en') };
  const what = { zh: `${n.unit.name}联席会议（${period.zh}）`, en: `${n.unit.name} joint meeting (${period.en})` };
  const tally = {
    zh: `${period.zh}须至少召开${n.minMeetings}次，截止日期为${n.dueDate}，目前已记录${n.meetingsHeld}次。`,
    en: `must meet at least ${n.minMeetings} time(s) in ${period.en}, due ${n.dueDate}; ${n.meetingsHeld} recorded so far.`,
  };
  if (n.step === 'overdue') {
    return {
      zh: {
        subject: `【逾期】${what.zh}未按期召开`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.unit.name}（${level.zh}）联席会议${tally.zh}已逾期。`,
          '请尽快召开会议并录入会议纪要；本通知已记入督办台账。',
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Overdue] ${what.en} was not held in time`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The joint meeting of ${n.unit.name} (${level.en}) ${tally.en} It is overdue.`,
          'Please convene the meeting and record its minutes; this notice is kept in the supervision ledger.',
          '',
          link.en,
        ],
      },
    };
  }
  if (n.step === 'overdue-supervisors') {
    return {
      zh: {
        subject: `【督办】${what.zh}逾期未召开`,
        body: [
          `${n.recipientName}：`,
          '',
          `${n.unit.name}（${level.zh}）联席会议${tally.zh}已向召集人发出逾期通知，仍未召开。请予督办。`,
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Supervision] ${what.en} is overdue`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The joint meeting of ${n.unit.name} (${level.en}) ${tally.en} Its convener was told it is overdue and it has still not met. Please follow up.`,
          '',
          link.en,
        ],
      },
    };
  }
  const days = n.workingDaysLeft;
  return {
    zh: {
      subject: `【提醒】${what.zh}须于${n.dueDate}前召开`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `按照“一轴三联三进”机制，${n.unit.name}（${level.zh}）联席会议${tally.zh}距截止还有${days}个工作日。`,
        '请及时召集会议，并在会后录入会议纪要和议题。',
        '',
        link.zh,
      ],
    },
    en: {
      subject: `[Reminder] ${what.en} is due by ${n.dueDate}`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level.en}) ${tally.en} ${days} working day(s) remain.`,
        'Please convene the meeting and record its minutes and agenda items afterwards.',
        '',
        link.en,
      ],
    },
  };
}
