/** A notice about an escalated agenda item (议题上移). `unit` is the unit that must act now. */
import type { EscalationStepName } from '../escalation';
import { LEVEL_NAMES } from '../org';
import type { Bilingual, Lang, UnitRef } from './text';

export interface EscalationNotice {
  kind: 'escalation';
  step: EscalationStepName;
  unit: UnitRef;
  recipientName: string;
  item: { title: string; url: string; raisedBy: string };
  /** The unit the item came from on this hop. */
  fromUnit: string;
  what: string;
  ask: string;
  scheduleBy: string;
  answerBy: string;
  /** Working days from the day of sending to the deadline the step is about. */
  workingDaysLeft: number;
  /** The answer, for `answered`. */
  answer?: {
    outcome: 'resolved' | 'scheduled' | 'declined';
    text: string;
    handleBy?: string | null;
    reason?: string | null;
  };
  /** The dispute's reason, for `disputed`. */
  disputeReason?: string | null;
}

const OUTCOME_NAMES = {
  resolved: { zh: '已解决', en: 'resolved' },
  scheduled: { zh: '将于期限内办理', en: 'will be handled' },
  declined: { zh: '不予采纳', en: 'declined' },
} as const;

/** What every step's text is made of: the notice, the receiving level, the item's title quoted per language. */
interface Parts {
  n: EscalationNotice;
  level: { zh: string; en: string };
  item: { zh: string; en: string };
  /** The greeting, the words of the step, and the item's facts. */
  text: (zh: Lang, en: Lang, zhGreet?: string) => Bilingual;
}

const received = ({ n, level, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【议题上移】${n.fromUnit}上报议题${item.zh}`,
      body: [
        `${n.fromUnit}将议题${item.zh}连同会议纪要上报${n.unit.name}（${level.zh}）联席会议，须于${n.scheduleBy}前列入会议议程，于${n.answerBy}前作出答复。`,
      ],
    },
    {
      subject: `[Escalated] ${n.fromUnit} escalated ${item.en}`,
      body: [
        `${n.fromUnit} escalated the item ${item.en}, with its meeting minutes, to the joint meeting of ${n.unit.name} (${level.en}). It must be put on a meeting by ${n.scheduleBy} and answered by ${n.answerBy}.`,
      ],
    },
  );

const callMeeting = ({ n, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【请召开会议】上报议题${item.zh}尚未列入会议`,
      body: [
        `${n.fromUnit}上报的议题${item.zh}应于${n.scheduleBy}前列入${n.unit.name}联席会议议程，目前尚无会议研究。请召开（临时）联席会议研究，并于${n.answerBy}前答复。`,
      ],
    },
    {
      subject: `[Call a meeting] Escalated item ${item.en} is not on a meeting yet`,
      body: [
        `The item ${item.en} escalated by ${n.fromUnit} had to be put on a meeting of ${n.unit.name} by ${n.scheduleBy}; none has taken it up. Please call an (ad-hoc) joint meeting and answer by ${n.answerBy}.`,
      ],
    },
  );

const disputed = ({ n, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【答复有异议】${n.fromUnit}对议题${item.zh}的答复有异议`,
      body: [
        `${n.fromUnit}对${n.unit.name}就议题${item.zh}的答复有异议：${n.disputeReason ?? ''}。请重新研究，于${n.answerBy}前再次答复。`,
      ],
    },
    {
      subject: `[Disputed] ${n.fromUnit} disputes the answer to ${item.en}`,
      body: [
        `${n.fromUnit} disputes the answer of ${n.unit.name} to ${item.en}: ${n.disputeReason ?? ''}. Please consider it again and answer by ${n.answerBy}.`,
      ],
    },
  );

const extended = ({ n, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【延期】议题${item.zh}答复期限延至${n.answerBy}`,
      body: [`经联络办公室批准，${n.unit.name}对议题${item.zh}的答复期限延至${n.answerBy}。`],
    },
    {
      subject: `[Extended] The answer to ${item.en} is now due by ${n.answerBy}`,
      body: [`The liaison office approved an extension: ${n.unit.name} must answer ${item.en} by ${n.answerBy}.`],
    },
  );

const overdue = ({ n, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【逾期】上报议题${item.zh}未按期答复`,
      body: [
        `${n.fromUnit}上报的议题${item.zh}应于${n.answerBy}前答复，已逾期。请尽快研究答复；本通知已记入督办台账。`,
      ],
    },
    {
      subject: `[Overdue] Escalated item ${item.en} was not answered in time`,
      body: [
        `The item ${item.en} escalated by ${n.fromUnit} was due an answer by ${n.answerBy}. It is overdue: please answer it; this notice is kept in the supervision ledger.`,
      ],
    },
  );

/** To the supervisors: greeted without 同志 (zh). */
const overdueSupervisors = ({ n, level, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【督办】${n.unit.name}逾期未答复上报议题${item.zh}`,
      body: [
        `${n.unit.name}（${level.zh}）应于${n.answerBy}前答复${n.fromUnit}上报的议题${item.zh}，已向召集人发出逾期通知，仍未答复。请予督办。`,
      ],
    },
    {
      subject: `[Supervision] ${n.unit.name} has not answered ${item.en}`,
      body: [
        `${n.unit.name} (${level.en}) had to answer the item ${item.en} escalated by ${n.fromUnit} by ${n.answerBy}. Its convener was told it is overdue and it is still unanswered. Please follow up.`,
      ],
    },
    `${n.recipientName}：`,
  );

const autoEscalate = ({ item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【自动上移】议题${item.zh}逾期未答复，已按规则继续上报`,
      body: [`议题${item.zh}超过答复期限仍未答复，已按规则上报上一级联席会议。`],
    },
    {
      subject: `[Escalated by rule] ${item.en} was not answered and went up a level`,
      body: [
        `The item ${item.en} was not answered past its deadline; by the rules it has been escalated to the next level's joint meeting.`,
      ],
    },
  );

function answered({ n, item, text }: Parts): Bilingual {
  const a = n.answer;
  const outcome = { zh: a ? OUTCOME_NAMES[a.outcome].zh : '', en: a ? OUTCOME_NAMES[a.outcome].en : '' };
  const extra = {
    zh: a?.handleBy ? `（办理期限：${a.handleBy}）` : a?.reason ? `（理由：${a.reason}）` : '',
    en: a?.handleBy ? ` (by ${a.handleBy})` : a?.reason ? ` (reason: ${a.reason})` : '',
  };
  return text(
    {
      subject: `【答复】议题${item.zh}：${outcome.zh}`,
      body: [
        `${n.unit.name}就议题${item.zh}答复如下：${outcome.zh}${extra.zh}。`,
        a?.text ?? '',
        '',
        `请议题提出单位的召集人确认答复或提出异议。`,
      ],
    },
    {
      subject: `[Answer] ${item.en}: ${outcome.en}`,
      body: [
        `${n.unit.name} answered the item ${item.en}: ${outcome.en}${extra.en}.`,
        a?.text ?? '',
        '',
        'The convener of the unit that raised it is asked to confirm the answer or dispute it.',
      ],
    },
  );
}

const confirmReminder = ({ n, item, text }: Parts): Bilingual =>
  text(
    {
      subject: `【请确认】议题${item.zh}的答复待确认`,
      body: [`${n.unit.name}已就议题${item.zh}作出答复，请确认答复或提出异议。`],
    },
    {
      subject: `[Please confirm] The answer to ${item.en} awaits your confirmation`,
      body: [`${n.unit.name} answered the item ${item.en}. Please confirm the answer or dispute it.`],
    },
  );

/** The reminders of the ladder: `schedule-reminder-<n>` and `answer-reminder-<n>`. */
function reminder({ n, item, text }: Parts): Bilingual {
  const schedule = n.step.startsWith('schedule-');
  const which = {
    zh: schedule ? `列入会议议程（截止${n.scheduleBy}）` : `作出答复（截止${n.answerBy}）`,
    en: schedule ? `be put on a meeting by ${n.scheduleBy}` : `be answered by ${n.answerBy}`,
  };
  return text(
    {
      subject: `【提醒】上报议题${item.zh}须${which.zh}`,
      body: [`${n.fromUnit}上报的议题${item.zh}须${which.zh}，距截止还有${n.workingDaysLeft}个工作日。`],
    },
    {
      subject: `[Reminder] Escalated item ${item.en} must ${which.en}`,
      body: [
        `The item ${item.en} escalated by ${n.fromUnit} must ${which.en}; ${n.workingDaysLeft} working day(s) remain.`,
      ],
    },
  );
}

/** The text of each step with a fixed name; the reminders (numbered) share `reminder`. */
const STEP_TEXTS: Record<string, (p: Parts) => Bilingual> = {
  received,
  'call-meeting': callMeeting,
  disputed,
  extended,
  overdue,
  'overdue-supervisors': overdueSupervisors,
  'auto-escalate': autoEscalate,
  answered,
  'confirm-reminder': confirmReminder,
};

/** The greeting and the item's facts around the words of one step. */
function partsOf(n: EscalationNotice): Parts {
  const facts = {
    zh: [`议题：${n.item.title}（${n.fromUnit}上报）`, `事项：${n.what}`, `请求：${n.ask}`, `议题台账：${n.item.url}`],
    en: [
      `Item: ${n.item.title} (from ${n.fromUnit})`,
      `Matter: ${n.what}`,
      `Asked: ${n.ask}`,
      `Item ledger: ${n.item.url}`,
    ],
  };
  const greet = { zh: `${n.recipientName}同志：`, en: `Dear ${n.recipientName},` };
  return {
    n,
    level: LEVEL_NAMES[n.unit.level],
    item: { zh: `“${n.item.title}”`, en: `"${n.item.title}"` },
    text: (zh, en, zhGreet = greet.zh) => ({
      zh: { subject: zh.subject, body: [zhGreet, '', ...zh.body, '', ...facts.zh] },
      en: { subject: en.subject, body: [greet.en, '', ...en.body, '', ...facts.en] },
    }),
  };
}

export function escalationNoticeText(n: EscalationNotice): Bilingual {
  const step = Object.hasOwn(STEP_TEXTS, n.step) ? STEP_TEXTS[n.step]! : reminder;
  return step(partsOf(n));
}
