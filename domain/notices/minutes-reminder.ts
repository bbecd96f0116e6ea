/** A planned joint meeting passed without minutes: the reminder to the convener to record them. */
import { LEVEL_NAMES } from '../org';
import type { Bilingual, UnitRef } from './text';

export interface MinutesReminderNotice {
  kind: 'minutes-reminder';
  unit: UnitRef;
  recipientName: string;
  when: string;
  place: string;
}

export function minutesReminderNoticeText(n: MinutesReminderNotice): Bilingual {
  const level = LEVEL_NAMES[n.unit.level];
  return {
    zh: {
      subject: `【请录入纪要】${n.unit.name}联席会议（${n.when}）`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.unit.name}（${level.zh}）原定于${n.when}在${n.place}召开的联席会议，尚未录入会议纪要。如会议已召开，请录入纪要、参会人员和议题；如未召开，请重新安排。`,
        '',
        `单位页面：${n.unit.url}`,
      ],
    },
    en: {
      subject: `[Record the minutes] ${n.unit.name} joint meeting (${n.when})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level.en}) planned for ${n.when} at ${n.place} has no minutes yet. If it took place, please record its minutes, attendees and agenda items; if not, please plan it again.`,
        '',
        `Unit page: ${n.unit.url}`,
      ],
    },
  };
}
