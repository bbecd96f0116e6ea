/**
 * The quarterly feedback (反馈) of a community to an employer's Party organisation: the mail with
 * its members' records (XLSX attached) and the receipt link, the reminder to confirm it, and the
 * liaison office's notice of a receipt still unconfirmed. After Q4 the feedback also carries the
 * year's evaluation (评议).
 */
import { periodLabel } from '../period-labels';
import type { Bilingual, UnitRef } from './text';

export interface ServingFeedbackNotice {
  kind: 'serving-feedback';
  step: 'feedback' | 'receipt-reminder' | 'receipt-office';
  /** The community feeding back. */
  unit: UnitRef;
  recipientName: string;
  employerName: string;
  partyOrgName: string;
  periodKey: string;
  members: number;
  services: number;
  /** Service hours, one decimal ("12.5"). */
  hours: string;
  /** The year whose evaluation the feedback carries (the run after Q4), or null. */
  evaluationYear: number | null;
  /** The receipt link expires on this day (Asia/Shanghai). */
  expiresOn: string;
  /** The employer: its receipt page; the office: the community's serving page. */
  url: string;
}

export function servingFeedbackNoticeText(n: ServingFeedbackNotice): Bilingual {
  const q = { zh: periodLabel(n.periodKey, 'zh'), en: periodLabel(n.periodKey, 'en') };
  const tally = {
    zh: `贵单位在${n.unit.name}报到的在职党员${n.members}名，本季度服务${n.services}次、共${n.hours}小时。`,
    en: `${n.members} of your registered member(s) in ${n.unit.name} served ${n.services} time(s), ${n.hours} hour(s), this quarter.`,
  };
  const evaluation =
    n.evaluationYear === null
      ? null
      : {
          zh: `附件同时载有${n.evaluationYear}年度评议结果（工作表“年度评议”）：每名党员全年服务次数与评议等次，以及贵单位的等次。`,
          en: `The attachment also carries the ${n.evaluationYear} year-end evaluation (sheet "年度评议"): each member's services in the year and grade, and your organisation's grade.`,
        };
  if (n.step === 'feedback') {
    return {
      zh: {
        subject: `【在职党员反馈】${n.unit.name}${q.zh}在职党员服务情况（${n.employerName}）${evaluation ? '及年度评议' : ''}`,
        body: [
          `${n.partyOrgName}（${n.recipientName}）：`,
          '',
          `现将${q.zh}贵单位在职党员到${n.unit.name}报到服务的记录反馈如下，详见附件。`,
          tally.zh,
          ...(evaluation ? [evaluation.zh] : []),
          `请于收到后点击下方链接确认回执（链接仅可使用一次，${n.expiresOn}前有效）。`,
          '',
          `确认回执：${n.url}`,
        ],
      },
      en: {
        subject: `[Member feedback] ${n.unit.name}, ${q.en}: your in-service Party members' service (${n.employerName})${evaluation ? ' and the year-end evaluation' : ''}`,
        body: [
          `Dear ${n.recipientName} (${n.partyOrgName}),`,
          '',
          `Attached is the ${q.en} record of your in-service Party members registered with ${n.unit.name}.`,
          tally.en,
          ...(evaluation ? [evaluation.en] : []),
          `Please confirm receipt through the link below (single use, valid until ${n.expiresOn}).`,
          '',
          `Confirm receipt: ${n.url}`,
        ],
      },
    };
  }
  if (n.step === 'receipt-reminder') {
    return {
      zh: {
        subject: `【提醒】请确认${n.unit.name}${q.zh}在职党员反馈回执（${n.employerName}）`,
        body: [
          `${n.partyOrgName}（${n.recipientName}）：`,
          '',
          `${n.unit.name}已于季度结束后发送${q.zh}在职党员服务情况反馈，尚未收到贵单位回执。请查阅此前邮件附件，并点击下方链接确认（${n.expiresOn}前有效）。`,
          tally.zh,
          '',
          `确认回执：${n.url}`,
        ],
      },
      en: {
        subject: `[Reminder] Please confirm receipt of ${n.unit.name}'s ${q.en} member feedback (${n.employerName})`,
        body: [
          `Dear ${n.recipientName} (${n.partyOrgName}),`,
          '',
          `${n.unit.name} sent the ${q.en} feedback on your in-service Party members after the quarter ended; your receipt has not arrived yet. Please see the earlier mail's attachment and confirm through the link below (valid until ${n.expiresOn}).`,
          tally.en,
          '',
          `Confirm receipt: ${n.url}`,
        ],
      },
    };
  }
  return {
    zh: {
      subject: `【督办】${n.employerName}未确认${n.unit.name}${q.zh}在职党员反馈回执`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.unit.name}向${n.partyOrgName}发送的${q.zh}在职党员服务情况反馈，经提醒后仍未确认回执，请督促落实。`,
        tally.zh,
        '',
        `社区在职党员页面：${n.url}`,
      ],
    },
    en: {
      subject: `[Follow-up] ${n.employerName} has not confirmed ${n.unit.name}'s ${q.en} member feedback`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The ${q.en} feedback ${n.unit.name} sent to ${n.partyOrgName} is still unconfirmed after the reminder. Please follow it up.`,
        tally.en,
        '',
        `The community's member page: ${n.url}`,
      ],
    },
  };
}
