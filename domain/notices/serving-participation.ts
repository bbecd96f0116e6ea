/**
 * A serving Party member's participation obligation (在职党员参与服务): the reminders before the
 * period's due date, to the member. Nobody else is told per member (the members below the
 * minimum are a list for the community and the office).
 */
import type { CadenceStep } from '../cadence';
import { periodLabel } from '../period-labels';
import type { Bilingual, UnitRef } from './text';

export interface ServingParticipationNotice {
  kind: 'serving-participation';
  step: CadenceStep;
  /** The member's home community; its `url` is the member's service card (the page they open). */
  unit: UnitRef;
  recipientName: string;
  periodKey: string;
  dueDate: string;
  services: number;
  minServices: number;
  workingDaysLeft: number;
}

export function servingParticipationNoticeText(n: ServingParticipationNotice): Bilingual {
  const period = { zh: periodLabel(n.periodKey, 'zh'), en: periodLabel(n.periodKey, 'en') };
  const missing = Math.max(0, n.minServices - n.services);
  return {
    zh: {
      subject: `【提醒】${period.zh}在${n.unit.name}参加服务还差${missing}次（${n.dueDate}前）`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `按照在职党员到社区报到（双报到）要求，您${period.zh}须在${n.unit.name}参加服务至少${n.minServices}次，截止日期为${n.dueDate}，目前已记录${n.services}次，距截止还有${n.workingDaysLeft}个工作日。`,
        '请在社区需求清单中认领服务，完成后由社区确认记录。',
        '',
        `我的服务卡：${n.unit.url}`,
      ],
    },
    en: {
      subject: `[Reminder] ${missing} more service(s) in ${n.unit.name} for ${period.en} (by ${n.dueDate})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `As a serving Party member registered with ${n.unit.name}, you take part in at least ${n.minServices} service(s) in ${period.en}, due ${n.dueDate}; ${n.services} recorded so far, ${n.workingDaysLeft} working day(s) remain.`,
        'Claim a service from the community’s needs list; the community records it once done.',
        '',
        `My service card: ${n.unit.url}`,
      ],
    },
  };
}
