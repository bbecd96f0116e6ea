/** A leader's visit obligation: reminders, overdue (to the leader and their secretary), supervisors. */
import type { CadenceStep } from '../cadence';
import { LEVEL_NAMES } from '../org';
import { periodLabel } from '../period-labels';
import type { Bilingual, UnitRef } from './text';

export interface VisitNotice {
  kind: 'visit';
  step: CadenceStep;
  /** The paired community. */
  unit: UnitRef;
  recipientName: string;
  leaderName: string;
  periodKey: string;
  dueDate: string;
  visits: number;
  minVisits: number;
  workingDaysLeft: number;
}

export function visitNoticeText(n: VisitNotice): Bilingual {
  const level = LEVEL_NAMES[n.unit.level];
  const link = { zh: `单位页面：${n.unit.url}`, en: `Unit page: ${n.unit.url}` };
  const period = { zh: periodLabel(n.periodKey, 'zh'), en: periodLabel(n.periodKey, 'en') };
  const what = {
    zh: `${n.leaderName}联系${n.unit.name}（${period.zh}）`,
    en: `${n.leaderName}'s visit to ${n.unit.name} (${period.en})`,
  };
  const tally = {
    zh: `${period.zh}须至少到联系点${n.minVisits}次，截止日期为${n.dueDate}，目前已记录${n.visits}次。`,
    en: `At least ${n.minVisits} visit(s) in ${period.en}, due ${n.dueDate}; ${n.visits} recorded so far.`,
  };
  if (n.step === 'overdue')
    return {
      zh: {
        subject: `【逾期】${what.zh}未按期深入联系点`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.leaderName}联系${n.unit.name}（${level.zh}），${tally.zh}已逾期。请尽快深入联系点并记录。`,
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Overdue] ${what.en} did not take place`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `${n.leaderName} is paired with ${n.unit.name} (${level.en}). ${tally.en} It is overdue: please visit and record it.`,
          '',
          link.en,
        ],
      },
    };
  if (n.step === 'overdue-supervisors')
    return {
      zh: {
        subject: `【督办】${what.zh}逾期未深入联系点`,
        body: [
          `${n.recipientName}：`,
          '',
          `${n.leaderName}联系${n.unit.name}（${level.zh}），${tally.zh}已发出逾期通知，仍未记录。请予督办。`,
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Supervision] ${what.en} is overdue`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `${n.leaderName} is paired with ${n.unit.name} (${level.en}). ${tally.en} The overdue notice went out and no visit has been recorded. Please follow up.`,
          '',
          link.en,
        ],
      },
    };
  return {
    zh: {
      subject: `【提醒】${what.zh}须于${n.dueDate}前深入联系点`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `按照“三进”要求，${n.leaderName}联系${n.unit.name}（${level.zh}），${tally.zh}距截止还有${n.workingDaysLeft}个工作日。`,
        '可调研指导、参加社区联席会议、督促结对部门或协调解决难题。',
        '',
        link.zh,
      ],
    },
    en: {
      subject: `[Reminder] ${what.en} is due by ${n.dueDate}`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.leaderName} is paired with ${n.unit.name} (${level.en}). ${tally.en} ${n.workingDaysLeft} working day(s) remain.`,
        'A visit may be research and guidance, attending the joint meeting, pressing the paired departments or coordinating a problem.',
        '',
        link.en,
      ],
    },
  };
}
