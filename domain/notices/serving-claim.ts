/**
 * A claimed need not confirmed as done (认领未确认): N working days after the need's day the member
 * is reminded, M working days later the community's convener.
 */
import type { Bilingual } from './text';

export interface ServingClaimNotice {
  kind: 'serving-claim';
  step: 'claim-unconfirmed' | 'claim-unconfirmed-community';
  recipientName: string;
  memberName: string;
  communityName: string;
  needTitle: string;
  /** The need's day, YYYY-MM-DD. */
  neededOn: string;
  /** Working days since the need's day. */
  workingDaysSince: number;
  /** The member's service card (to the member) or the community's serving page at the need (to the convener). */
  url: string;
}

export function servingClaimNoticeText(n: ServingClaimNotice): Bilingual {
  const what = {
    zh: `${n.communityName}“${n.needTitle}”（${n.neededOn}）`,
    en: `“${n.needTitle}” at ${n.communityName} (${n.neededOn})`,
  };
  if (n.step === 'claim-unconfirmed')
    return {
      zh: {
        subject: `【提醒】您认领的${what.zh}尚未确认完成`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `您认领的服务需求${what.zh}已过去${n.workingDaysSince}个工作日，社区尚未确认完成。`,
          '如已完成服务，请联系社区确认并记入服务记录卡；如无法完成，请取消认领。',
          '',
          `服务记录卡：${n.url}`,
        ],
      },
      en: {
        subject: `[Reminder] Your claim of ${what.en} is not confirmed yet`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `You claimed ${what.en}; ${n.workingDaysSince} working day(s) have passed and the community has not confirmed the service.`,
          'If you served, ask the community to confirm it on your service card; if you cannot, cancel the claim.',
          '',
          `Service card: ${n.url}`,
        ],
      },
    };
  return {
    zh: {
      subject: `【待确认】${n.memberName}认领的${what.zh}尚未确认`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `在职党员${n.memberName}认领的服务需求${what.zh}已过去${n.workingDaysSince}个工作日，已提醒本人，仍未确认完成。`,
        '请核实服务情况：已完成的请确认并记录（日期、时长、内容、确认人），未完成的请取消认领。',
        '',
        `社区在职党员页面：${n.url}`,
      ],
    },
    en: {
      subject: `[To confirm] ${n.memberName}'s claim of ${what.en} is not confirmed`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.memberName} claimed ${what.en}; ${n.workingDaysSince} working day(s) have passed, the member was reminded and the service is still not confirmed.`,
        'Please check: confirm a service done (date, hours, what, who confirmed) or cancel the claim.',
        '',
        `The community's serving page: ${n.url}`,
      ],
    },
  };
}
