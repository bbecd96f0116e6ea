/** A planned joint meeting's invitation (with its .ics attached), to the convener and every invitee. */
import { LEVEL_NAMES } from '../org';
import type { Bilingual, UnitRef } from './text';

export interface InvitationNotice {
  kind: 'invitation';
  unit: UnitRef;
  recipientName: string;
  /** "2026-12-03 14:30" Asia/Shanghai */
  when: string;
  place: string;
}

export function invitationNoticeText(n: InvitationNotice): Bilingual {
  const level = LEVEL_NAMES[n.unit.level];
  return {
    zh: {
      subject: `【会议通知】${n.unit.name}联席会议 ${n.when}`,
      body: [
        `${n.recipientName}：`,
        '',
        `兹定于${n.when}在${n.place}召开${n.unit.name}（${level.zh}）联席会议，请准时参加。日程文件（.ics）见附件。`,
        '',
        `单位页面：${n.unit.url}`,
      ],
    },
    en: {
      subject: `[Meeting] ${n.unit.name} joint meeting, ${n.when}`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `You are invited to the joint meeting of ${n.unit.name} (${level.en}) at ${n.place}, ${n.when} (Asia/Shanghai). The calendar entry (.ics) is attached.`,
        '',
        `Unit page: ${n.unit.url}`,
      ],
    },
  };
}
