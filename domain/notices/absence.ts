/** A paired department absent from N consecutive community joint meetings. */
import { LEVEL_NAMES } from '../org';
import type { Bilingual, UnitRef } from './text';

export interface AbsenceNotice {
  kind: 'absence';
  unit: UnitRef;
  recipientName: string;
  departmentName: string;
  absences: number;
  /** The meetings missed, YYYY-MM-DD. */
  meetingDates: string[];
}

export function absenceNoticeText(n: AbsenceNotice): Bilingual {
  const level = LEVEL_NAMES[n.unit.level];
  return {
    zh: {
      subject: `【缺席提醒】${n.departmentName}已连续${n.absences}次未参加${n.unit.name}联席会议`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.departmentName}作为${n.unit.name}（${level.zh}）的结对部门，已连续${n.absences}次未参加社区联席会议（${n.meetingDates.join('、')}）。请按“三进”要求定期参加结对社区联席会议。`,
        '',
        `单位页面：${n.unit.url}`,
      ],
    },
    en: {
      subject: `[Absence] ${n.departmentName} missed ${n.absences} joint meetings of ${n.unit.name} in a row`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.departmentName}, a department paired with ${n.unit.name} (${level.en}), has missed its last ${n.absences} joint meetings (${n.meetingDates.join(', ')}). Paired departments attend their community's joint meetings regularly.`,
        '',
        `Unit page: ${n.unit.url}`,
      ],
    },
  };
}
