/**
 * The text of the cadence notices conveners receive. zh-CN first, English after it
 * (or English first for a recipient whose locale is "en").
 */
import type { CadenceStep, UnitLevel } from './cadence';

export const LEVEL_NAMES: Record<UnitLevel, { zh: string; en: string }> = {
  city: { zh: '市', en: 'city' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  compound: { zh: '居民小区', en: 'residential compound' },
  building: { zh: '楼栋', en: 'building' },
};

export interface NoticeInput {
  step: CadenceStep;
  unitName: string;
  level: UnitLevel;
  convenerName: string;
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  minMeetings: number;
  unitUrl: string;
  locale: string;
}

export interface NoticeText {
  subject: string;
  text: string;
}

function zh(n: NoticeInput): { subject: string; body: string } {
  const what = `${n.unitName}联席会议（${n.periodKey}）`;
  if (n.step === 'reminder') {
    return {
      subject: `【提醒】${what}须于${n.dueDate}前召开`,
      body: [
        `${n.convenerName}同志：`,
        ``,
        `按照“一轴三联三进”机制，${n.unitName}（${LEVEL_NAMES[n.level].zh}）联席会议本期（${n.periodKey}）须至少召开${n.minMeetings}次，截止日期为${n.dueDate}。`,
        `目前已记录${n.meetingsHeld}次。请及时召集会议，并在会后录入会议纪要和议题。`,
        ``,
        `单位页面：${n.unitUrl}`,
      ].join('\n'),
    };
  }
  return {
    subject: `【逾期】${what}未按期召开`,
    body: [
      `${n.convenerName}同志：`,
      ``,
      `${n.unitName}（${LEVEL_NAMES[n.level].zh}）联席会议本期（${n.periodKey}）截止${n.dueDate}仅记录${n.meetingsHeld}次，少于规定的${n.minMeetings}次，已逾期。`,
      `请尽快召开会议并录入会议纪要；本通知已记入督办台账。`,
      ``,
      `单位页面：${n.unitUrl}`,
    ].join('\n'),
  };
}

function en(n: NoticeInput): { subject: string; body: string } {
  const what = `${n.unitName} joint meeting (${n.periodKey})`;
  if (n.step === 'reminder') {
    return {
      subject: `[Reminder] ${what} is due by ${n.dueDate}`,
      body: [
        `Dear ${n.convenerName},`,
        ``,
        `The joint meeting of ${n.unitName} (${LEVEL_NAMES[n.level].en}) must meet at least ${n.minMeetings} time(s) in ${n.periodKey}; the due date is ${n.dueDate}.`,
        `${n.meetingsHeld} meeting(s) recorded so far. Please convene the meeting and record its minutes and agenda items afterwards.`,
        ``,
        `Unit page: ${n.unitUrl}`,
      ].join('\n'),
    };
  }
  return {
    subject: `[Overdue] ${what} was not held in time`,
    body: [
      `Dear ${n.convenerName},`,
      ``,
      `The joint meeting of ${n.unitName} (${LEVEL_NAMES[n.level].en}) recorded ${n.meetingsHeld} of the required ${n.minMeetings} meeting(s) in ${n.periodKey} (due ${n.dueDate}); it is overdue.`,
      `Please convene the meeting and record its minutes; this notice is kept in the supervision ledger.`,
      ``,
      `Unit page: ${n.unitUrl}`,
    ].join('\n'),
  };
}

export function composeCadenceNotice(input: NoticeInput): NoticeText {
  const parts = input.locale === 'en' ? [en(input), zh(input)] : [zh(input), en(input)];
  const [first, second] = parts as [ReturnType<typeof zh>, ReturnType<typeof en>];
  return {
    subject: first.subject,
    text: `${first.body}\n\n———\n\n${second.body}\n`,
  };
}
