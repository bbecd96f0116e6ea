/** To the liaison office: next year's (or this year's) holiday notice has not been entered yet. */
import type { Bilingual } from './text';

export interface CalendarNotice {
  kind: 'calendar';
  recipientName: string;
  year: number;
  /** The dashboard's calendar page, where the notice is pasted. */
  url: string;
}

export function calendarNoticeText(n: CalendarNotice): Bilingual {
  return {
    zh: {
      subject: `【提醒】${n.year}年节假日安排尚未录入`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.year}年节假日安排尚未录入本系统，${n.year}年的工作日暂按周一至周五计算：会议到期日、提醒和上移议题的答复期限可能落在节假日。`,
        `请将国务院办公厅关于${n.year}年部分节假日安排的通知全文粘贴到工作日历页面，预览无误后确认录入。录入后本提醒即停止。`,
        '',
        `工作日历：${n.url}`,
      ],
    },
    en: {
      subject: `[Reminder] The ${n.year} holiday notice has not been entered`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The State Council's holiday notice for ${n.year} has not been entered, so working days in ${n.year} are counted as Monday to Friday: due dates, reminders and answer deadlines may fall on holidays.`,
        `Paste the notice's text on the working-day calendar page, check the preview and confirm. This reminder stops once it is entered.`,
        '',
        `Calendar: ${n.url}`,
      ],
    },
  };
}
