/**
 * The text of every notice the service sends. zh-CN first, English after it (English first
 * for a recipient whose locale is "en"). Each names the unit, the period, the due date and
 * what to do, and links to the page of the dashboard a person opens (never the API). Each notice
 * is plain text and an HTML part with the same words (the link as a button).
 */
import type { CadenceStep } from './cadence';
import type { EscalationStepName } from './escalation';
import { periodLabel } from './period-labels';
import { type DigestNotice, digestNoticeText } from './digest';
import { LEVEL_NAMES, type UnitLevel } from './org';

export interface UnitRef {
  name: string;
  level: UnitLevel;
  url: string;
}

export type NoticeInput =
  | {
      kind: 'cadence';
      step: CadenceStep;
      unit: UnitRef;
      recipientName: string;
      periodKey: string;
      dueDate: string;
      meetingsHeld: number;
      minMeetings: number;
      /** Working days from the day of sending to the due date (reminders). */
      workingDaysLeft: number;
    }
  | {
      kind: 'invitation';
      unit: UnitRef;
      recipientName: string;
      /** "2026-12-03 14:30" Asia/Shanghai */
      when: string;
      place: string;
    }
  | {
      kind: 'minutes-reminder';
      unit: UnitRef;
      recipientName: string;
      when: string;
      place: string;
    }
  | EscalationNotice
  | VisitNotice
  | AbsenceNotice
  | EvaluationNotice
  | CalendarNotice
  | DigestNotice;

/** To the liaison office: next year's (or this year's) holiday notice has not been entered yet. */
export interface CalendarNotice {
  kind: 'calendar';
  recipientName: string;
  year: number;
  /** The dashboard's calendar page, where the notice is pasted. */
  url: string;
}

function calendarNoticeText(n: CalendarNotice): { zh: Lang; en: Lang } {
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

/** A leader's visit obligation: reminders, overdue (to the leader and their secretary), supervisors. */
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

/** A paired department absent from N consecutive community joint meetings. */
export interface AbsenceNotice {
  kind: 'absence';
  unit: UnitRef;
  recipientName: string;
  departmentName: string;
  absences: number;
  /** The meetings missed, YYYY-MM-DD. */
  meetingDates: string[];
}

/** The year-end evaluation of a community's paired departments. */
export interface EvaluationNotice {
  kind: 'evaluation';
  step: 'opened' | 'below-quorum' | 'closed';
  unit: UnitRef;
  recipientName: string;
  year: number;
  raters: number;
  quorum: number;
  closesOn: string;
  departments: string[];
  /** Link to the campaign (ballots, progress, results). */
  url: string;
}

/** A notice about an escalated agenda item (议题上移). `unit` is the unit that must act now. */
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

function zhEscalation(n: EscalationNotice): Lang {
  const level = LEVEL_NAMES[n.unit.level].zh;
  const item = `“${n.item.title}”`;
  const facts = [
    `议题：${n.item.title}（${n.fromUnit}上报）`,
    `事项：${n.what}`,
    `请求：${n.ask}`,
    `议题台账：${n.item.url}`,
  ];
  const greet = `${n.recipientName}同志：`;
  const deadlines = `须于${n.scheduleBy}前列入会议议程，于${n.answerBy}前作出答复。`;
  switch (n.step) {
    case 'received':
      return {
        subject: `【议题上移】${n.fromUnit}上报议题${item}`,
        body: [
          greet,
          '',
          `${n.fromUnit}将议题${item}连同会议纪要上报${n.unit.name}（${level}）联席会议，${deadlines}`,
          '',
          ...facts,
        ],
      };
    case 'call-meeting':
      return {
        subject: `【请召开会议】上报议题${item}尚未列入会议`,
        body: [
          greet,
          '',
          `${n.fromUnit}上报的议题${item}应于${n.scheduleBy}前列入${n.unit.name}联席会议议程，目前尚无会议研究。请召开（临时）联席会议研究，并于${n.answerBy}前答复。`,
          '',
          ...facts,
        ],
      };
    case 'disputed':
      return {
        subject: `【答复有异议】${n.fromUnit}对议题${item}的答复有异议`,
        body: [
          greet,
          '',
          `${n.fromUnit}对${n.unit.name}就议题${item}的答复有异议：${n.disputeReason ?? ''}。请重新研究，于${n.answerBy}前再次答复。`,
          '',
          ...facts,
        ],
      };
    case 'extended':
      return {
        subject: `【延期】议题${item}答复期限延至${n.answerBy}`,
        body: [greet, '', `经联络办公室批准，${n.unit.name}对议题${item}的答复期限延至${n.answerBy}。`, '', ...facts],
      };
    case 'overdue':
      return {
        subject: `【逾期】上报议题${item}未按期答复`,
        body: [
          greet,
          '',
          `${n.fromUnit}上报的议题${item}应于${n.answerBy}前答复，已逾期。请尽快研究答复；本通知已记入督办台账。`,
          '',
          ...facts,
        ],
      };
    case 'overdue-supervisors':
      return {
        subject: `【督办】${n.unit.name}逾期未答复上报议题${item}`,
        body: [
          `${n.recipientName}：`,
          '',
          `${n.unit.name}（${level}）应于${n.answerBy}前答复${n.fromUnit}上报的议题${item}，已向召集人发出逾期通知，仍未答复。请予督办。`,
          '',
          ...facts,
        ],
      };
    case 'auto-escalate':
      return {
        subject: `【自动上移】议题${item}逾期未答复，已按规则继续上报`,
        body: [greet, '', `议题${item}超过答复期限仍未答复，已按规则上报上一级联席会议。`, '', ...facts],
      };
    case 'answered': {
      const a = n.answer;
      const outcome = a ? OUTCOME_NAMES[a.outcome].zh : '';
      const extra = a?.handleBy ? `（办理期限：${a.handleBy}）` : a?.reason ? `（理由：${a.reason}）` : '';
      return {
        subject: `【答复】议题${item}：${outcome}`,
        body: [
          greet,
          '',
          `${n.unit.name}就议题${item}答复如下：${outcome}${extra}。`,
          a?.text ?? '',
          '',
          `请议题提出单位的召集人确认答复或提出异议。`,
          '',
          ...facts,
        ],
      };
    }
    case 'confirm-reminder':
      return {
        subject: `【请确认】议题${item}的答复待确认`,
        body: [greet, '', `${n.unit.name}已就议题${item}作出答复，请确认答复或提出异议。`, '', ...facts],
      };
    default: {
      const which = n.step.startsWith('schedule-')
        ? `列入会议议程（截止${n.scheduleBy}）`
        : `作出答复（截止${n.answerBy}）`;
      return {
        subject: `【提醒】上报议题${item}须${which}`,
        body: [
          greet,
          '',
          `${n.fromUnit}上报的议题${item}须${which}，距截止还有${n.workingDaysLeft}个工作日。`,
          '',
          ...facts,
        ],
      };
    }
  }
}

function enEscalation(n: EscalationNotice): Lang {
  const level = LEVEL_NAMES[n.unit.level].en;
  const item = `"${n.item.title}"`;
  const facts = [
    `Item: ${n.item.title} (from ${n.fromUnit})`,
    `Matter: ${n.what}`,
    `Asked: ${n.ask}`,
    `Item ledger: ${n.item.url}`,
  ];
  const greet = `Dear ${n.recipientName},`;
  const deadlines = `It must be put on a meeting by ${n.scheduleBy} and answered by ${n.answerBy}.`;
  switch (n.step) {
    case 'received':
      return {
        subject: `[Escalated] ${n.fromUnit} escalated ${item}`,
        body: [
          greet,
          '',
          `${n.fromUnit} escalated the item ${item}, with its meeting minutes, to the joint meeting of ${n.unit.name} (${level}). ${deadlines}`,
          '',
          ...facts,
        ],
      };
    case 'call-meeting':
      return {
        subject: `[Call a meeting] Escalated item ${item} is not on a meeting yet`,
        body: [
          greet,
          '',
          `The item ${item} escalated by ${n.fromUnit} had to be put on a meeting of ${n.unit.name} by ${n.scheduleBy}; none has taken it up. Please call an (ad-hoc) joint meeting and answer by ${n.answerBy}.`,
          '',
          ...facts,
        ],
      };
    case 'disputed':
      return {
        subject: `[Disputed] ${n.fromUnit} disputes the answer to ${item}`,
        body: [
          greet,
          '',
          `${n.fromUnit} disputes the answer of ${n.unit.name} to ${item}: ${n.disputeReason ?? ''}. Please consider it again and answer by ${n.answerBy}.`,
          '',
          ...facts,
        ],
      };
    case 'extended':
      return {
        subject: `[Extended] The answer to ${item} is now due by ${n.answerBy}`,
        body: [
          greet,
          '',
          `The liaison office approved an extension: ${n.unit.name} must answer ${item} by ${n.answerBy}.`,
          '',
          ...facts,
        ],
      };
    case 'overdue':
      return {
        subject: `[Overdue] Escalated item ${item} was not answered in time`,
        body: [
          greet,
          '',
          `The item ${item} escalated by ${n.fromUnit} was due an answer by ${n.answerBy}. It is overdue: please answer it; this notice is kept in the supervision ledger.`,
          '',
          ...facts,
        ],
      };
    case 'overdue-supervisors':
      return {
        subject: `[Supervision] ${n.unit.name} has not answered ${item}`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `${n.unit.name} (${level}) had to answer the item ${item} escalated by ${n.fromUnit} by ${n.answerBy}. Its convener was told it is overdue and it is still unanswered. Please follow up.`,
          '',
          ...facts,
        ],
      };
    case 'auto-escalate':
      return {
        subject: `[Escalated by rule] ${item} was not answered and went up a level`,
        body: [
          greet,
          '',
          `The item ${item} was not answered past its deadline; by the rules it has been escalated to the next level's joint meeting.`,
          '',
          ...facts,
        ],
      };
    case 'answered': {
      const a = n.answer;
      const outcome = a ? OUTCOME_NAMES[a.outcome].en : '';
      const extra = a?.handleBy ? ` (by ${a.handleBy})` : a?.reason ? ` (reason: ${a.reason})` : '';
      return {
        subject: `[Answer] ${item}: ${outcome}`,
        body: [
          greet,
          '',
          `${n.unit.name} answered the item ${item}: ${outcome}${extra}.`,
          a?.text ?? '',
          '',
          'The convener of the unit that raised it is asked to confirm the answer or dispute it.',
          '',
          ...facts,
        ],
      };
    }
    case 'confirm-reminder':
      return {
        subject: `[Please confirm] The answer to ${item} awaits your confirmation`,
        body: [
          greet,
          '',
          `${n.unit.name} answered the item ${item}. Please confirm the answer or dispute it.`,
          '',
          ...facts,
        ],
      };
    default: {
      const which = n.step.startsWith('schedule-')
        ? `be put on a meeting by ${n.scheduleBy}`
        : `be answered by ${n.answerBy}`;
      return {
        subject: `[Reminder] Escalated item ${item} must ${which}`,
        body: [
          greet,
          '',
          `The item ${item} escalated by ${n.fromUnit} must ${which}; ${n.workingDaysLeft} working day(s) remain.`,
          '',
          ...facts,
        ],
      };
    }
  }
}

export interface NoticeText {
  subject: string;
  text: string;
  /** The same words as `text`, as an HTML document (inline styles only, the link as a button). */
  html: string;
}

type Lang = { subject: string; body: string[] };

function zhEntries(n: VisitNotice | AbsenceNotice | EvaluationNotice): Lang {
  const level = LEVEL_NAMES[n.unit.level].zh;
  const link = n.kind === 'evaluation' ? `考核评分进度：${n.url}` : `单位页面：${n.unit.url}`;
  if (n.kind === 'absence') {
    return {
      subject: `【缺席提醒】${n.departmentName}已连续${n.absences}次未参加${n.unit.name}联席会议`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.departmentName}作为${n.unit.name}（${level}）的结对部门，已连续${n.absences}次未参加社区联席会议（${n.meetingDates.join('、')}）。请按“三进”要求定期参加结对社区联席会议。`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'evaluation') {
    const tally = `已有${n.raters}人评分，须不少于${n.quorum}人，截止日期${n.closesOn}。`;
    const depts = `被评部门：${n.departments.join('、')}`;
    if (n.step === 'opened')
      return {
        subject: `【年度考核】${n.year}年${n.unit.name}结对部门评分已开始`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.year}年度结对部门考核评分已开始。请组织不少于${n.quorum}名党员和居民对每个结对部门评分，截止日期${n.closesOn}。`,
          depts,
          '',
          link,
        ],
      };
    if (n.step === 'below-quorum')
      return {
        subject: `【提醒】${n.unit.name}结对部门评分人数不足（${n.raters}/${n.quorum}）`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.year}年度结对部门考核评分${tally}请继续组织党员和居民评分。`,
          depts,
          '',
          link,
        ],
      };
    return {
      subject: `【考核结束】${n.year}年${n.unit.name}结对部门评分${n.raters >= n.quorum ? '已结束' : '未达规定人数'}（${n.raters}/${n.quorum}）`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.year}年度结对部门考核评分已于${n.closesOn}截止，共${n.raters}人评分（须不少于${n.quorum}人）${n.raters >= n.quorum ? '，结果已计入部门年度考核' : '，未达到规定人数'}。`,
        depts,
        '',
        link,
      ],
    };
  }
  const period = periodLabel(n.periodKey, 'zh');
  const what = `${n.leaderName}联系${n.unit.name}（${period}）`;
  const tally = `${period}须至少到联系点${n.minVisits}次，截止日期为${n.dueDate}，目前已记录${n.visits}次。`;
  if (n.step === 'overdue')
    return {
      subject: `【逾期】${what}未按期深入联系点`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.leaderName}联系${n.unit.name}（${level}），${tally}已逾期。请尽快深入联系点并记录。`,
        '',
        link,
      ],
    };
  if (n.step === 'overdue-supervisors')
    return {
      subject: `【督办】${what}逾期未深入联系点`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.leaderName}联系${n.unit.name}（${level}），${tally}已发出逾期通知，仍未记录。请予督办。`,
        '',
        link,
      ],
    };
  return {
    subject: `【提醒】${what}须于${n.dueDate}前深入联系点`,
    body: [
      `${n.recipientName}同志：`,
      '',
      `按照“三进”要求，${n.leaderName}联系${n.unit.name}（${level}），${tally}距截止还有${n.workingDaysLeft}个工作日。`,
      '可调研指导、参加社区联席会议、督促结对部门或协调解决难题。',
      '',
      link,
    ],
  };
}

function enEntries(n: VisitNotice | AbsenceNotice | EvaluationNotice): Lang {
  const level = LEVEL_NAMES[n.unit.level].en;
  const link = n.kind === 'evaluation' ? `Evaluation progress: ${n.url}` : `Unit page: ${n.unit.url}`;
  if (n.kind === 'absence') {
    return {
      subject: `[Absence] ${n.departmentName} missed ${n.absences} joint meetings of ${n.unit.name} in a row`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.departmentName}, a department paired with ${n.unit.name} (${level}), has missed its last ${n.absences} joint meetings (${n.meetingDates.join(', ')}). Paired departments attend their community's joint meetings regularly.`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'evaluation') {
    const tally = `${n.raters} rater(s) so far; at least ${n.quorum} needed by ${n.closesOn}.`;
    const depts = `Departments: ${n.departments.join(', ')}`;
    if (n.step === 'opened')
      return {
        subject: `[Evaluation] ${n.unit.name}: scoring of paired departments for ${n.year} is open`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The ${n.year} evaluation of the paired departments is open. Please have at least ${n.quorum} Party members and residents score each paired department by ${n.closesOn}.`,
          depts,
          '',
          link,
        ],
      };
    if (n.step === 'below-quorum')
      return {
        subject: `[Reminder] ${n.unit.name}: not enough raters yet (${n.raters}/${n.quorum})`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The ${n.year} evaluation of the paired departments: ${tally} Please keep collecting scores.`,
          depts,
          '',
          link,
        ],
      };
    return {
      subject: `[Evaluation closed] ${n.unit.name} ${n.year}: ${n.raters >= n.quorum ? 'closed' : 'quorum not reached'} (${n.raters}/${n.quorum})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The ${n.year} evaluation closed on ${n.closesOn} with ${n.raters} rater(s) (quorum ${n.quorum})${n.raters >= n.quorum ? "; the results go into the departments' annual evaluation" : '; the quorum was not reached'}.`,
        depts,
        '',
        link,
      ],
    };
  }
  const period = periodLabel(n.periodKey, 'en');
  const what = `${n.leaderName}'s visit to ${n.unit.name} (${period})`;
  const tally = `At least ${n.minVisits} visit(s) in ${period}, due ${n.dueDate}; ${n.visits} recorded so far.`;
  if (n.step === 'overdue')
    return {
      subject: `[Overdue] ${what} did not take place`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.leaderName} is paired with ${n.unit.name} (${level}). ${tally} It is overdue: please visit and record it.`,
        '',
        link,
      ],
    };
  if (n.step === 'overdue-supervisors')
    return {
      subject: `[Supervision] ${what} is overdue`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `${n.leaderName} is paired with ${n.unit.name} (${level}). ${tally} The overdue notice went out and no visit has been recorded. Please follow up.`,
        '',
        link,
      ],
    };
  return {
    subject: `[Reminder] ${what} is due by ${n.dueDate}`,
    body: [
      `Dear ${n.recipientName},`,
      '',
      `${n.leaderName} is paired with ${n.unit.name} (${level}). ${tally} ${n.workingDaysLeft} working day(s) remain.`,
      'A visit may be research and guidance, attending the joint meeting, pressing the paired departments or coordinating a problem.',
      '',
      link,
    ],
  };
}

function zh(n: NoticeInput): Lang {
  if (n.kind === 'calendar') return calendarNoticeText(n).zh;
  if (n.kind === 'digest') return digestNoticeText(n).zh;
  if (n.kind === 'escalation') return zhEscalation(n);
  if (n.kind === 'visit' || n.kind === 'absence' || n.kind === 'evaluation') return zhEntries(n);
  const level = LEVEL_NAMES[n.unit.level].zh;
  const link = `单位页面：${n.unit.url}`;
  if (n.kind === 'invitation') {
    return {
      subject: `【会议通知】${n.unit.name}联席会议 ${n.when}`,
      body: [
        `${n.recipientName}：`,
        '',
        `兹定于${n.when}在${n.place}召开${n.unit.name}（${level}）联席会议，请准时参加。日程文件（.ics）见附件。`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'minutes-reminder') {
    return {
      subject: `【请录入纪要】${n.unit.name}联席会议（${n.when}）`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.unit.name}（${level}）原定于${n.when}在${n.place}召开的联席会议，尚未录入会议纪要。如会议已召开，请录入纪要、参会人员和议题；如未召开，请重新安排。`,
        '',
        link,
      ],
    };
  }
  const period = periodLabel(n.periodKey, 'zh');
  const what = `${n.unit.name}联席会议（${period}）`;
  const tally = `${period}须至少召开${n.minMeetings}次，截止日期为${n.dueDate}，目前已记录${n.meetingsHeld}次。`;
  if (n.step === 'overdue') {
    return {
      subject: `【逾期】${what}未按期召开`,
      body: [
        `${n.recipientName}同志：`,
        '',
        `${n.unit.name}（${level}）联席会议${tally}已逾期。`,
        '请尽快召开会议并录入会议纪要；本通知已记入督办台账。',
        '',
        link,
      ],
    };
  }
  if (n.step === 'overdue-supervisors') {
    return {
      subject: `【督办】${what}逾期未召开`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.unit.name}（${level}）联席会议${tally}已向召集人发出逾期通知，仍未召开。请予督办。`,
        '',
        link,
      ],
    };
  }
  const days = n.workingDaysLeft;
  return {
    subject: `【提醒】${what}须于${n.dueDate}前召开`,
    body: [
      `${n.recipientName}同志：`,
      '',
      `按照“一轴三联三进”机制，${n.unit.name}（${level}）联席会议${tally}距截止还有${days}个工作日。`,
      '请及时召集会议，并在会后录入会议纪要和议题。',
      '',
      link,
    ],
  };
}

function en(n: NoticeInput): Lang {
  if (n.kind === 'calendar') return calendarNoticeText(n).en;
  if (n.kind === 'digest') return digestNoticeText(n).en;
  if (n.kind === 'escalation') return enEscalation(n);
  if (n.kind === 'visit' || n.kind === 'absence' || n.kind === 'evaluation') return enEntries(n);
  const level = LEVEL_NAMES[n.unit.level].en;
  const link = `Unit page: ${n.unit.url}`;
  if (n.kind === 'invitation') {
    return {
      subject: `[Meeting] ${n.unit.name} joint meeting, ${n.when}`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `You are invited to the joint meeting of ${n.unit.name} (${level}) at ${n.place}, ${n.when} (Asia/Shanghai). The calendar entry (.ics) is attached.`,
        '',
        link,
      ],
    };
  }
  if (n.kind === 'minutes-reminder') {
    return {
      subject: `[Record the minutes] ${n.unit.name} joint meeting (${n.when})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) planned for ${n.when} at ${n.place} has no minutes yet. If it took place, please record its minutes, attendees and agenda items; if not, please plan it again.`,
        '',
        link,
      ],
    };
  }
  const period = periodLabel(n.periodKey, 'en');
  const what = `${n.unit.name} joint meeting (${period})`;
  const tally = `must meet at least ${n.minMeetings} time(s) in ${period}, due ${n.dueDate}; ${n.meetingsHeld} recorded so far.`;
  if (n.step === 'overdue') {
    return {
      subject: `[Overdue] ${what} was not held in time`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) ${tally} It is overdue.`,
        'Please convene the meeting and record its minutes; this notice is kept in the supervision ledger.',
        '',
        link,
      ],
    };
  }
  if (n.step === 'overdue-supervisors') {
    return {
      subject: `[Supervision] ${what} is overdue`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The joint meeting of ${n.unit.name} (${level}) ${tally} Its convener was told it is overdue and it has still not met. Please follow up.`,
        '',
        link,
      ],
    };
  }
  const days = n.workingDaysLeft;
  return {
    subject: `[Reminder] ${what} is due by ${n.dueDate}`,
    body: [
      `Dear ${n.recipientName},`,
      '',
      `The joint meeting of ${n.unit.name} (${level}) ${tally} ${days} working day(s) remain.`,
      'Please convene the meeting and record its minutes and agenda items afterwards.',
      '',
      link,
    ],
  };
}

/** The page of the dashboard a notice links to. */
export function noticeUrl(n: NoticeInput): string {
  if (n.kind === 'calendar' || n.kind === 'evaluation' || n.kind === 'digest') return n.url;
  if (n.kind === 'escalation') return n.item.url;
  return n.unit.url;
}

export function composeNotice(input: NoticeInput, locale: string): NoticeText {
  const english = locale === 'en';
  const [first, second] = english ? [en(input), zh(input)] : [zh(input), en(input)];
  const langs = english ? (['en', 'zh-CN'] as const) : (['zh-CN', 'en'] as const);
  const url = noticeUrl(input);
  return {
    subject: first.subject,
    text: `${first.body.join('\n')}\n\n———\n\n${second.body.join('\n')}\n`,
    html: noticeHtml(
      first.subject,
      [
        { lang: langs[0], body: first.body },
        { lang: langs[1], body: second.body },
      ],
      url,
    ),
  };
}

// --- The HTML part --------------------------------------------------------------------------

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FONT =
  "system-ui,-apple-system,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";

/** A line "label：url" / "label: url" becomes the button; every other line a paragraph. */
function htmlLine(line: string, url: string): string {
  const at = line.lastIndexOf(url);
  if (url && at > 0 && at + url.length === line.length && /^https?:\/\//.test(url)) {
    const label = line.slice(0, at).replace(/[：:]\s*$/, '');
    const href = escapeHtml(url);
    return (
      `<p style="margin:16px 0 4px"><a href="${href}" style="display:inline-block;background:#a5231b;color:#ffffff;` +
      `text-decoration:none;font-weight:600;padding:10px 20px;border-radius:6px">${escapeHtml(label)}</a></p>` +
      `<p style="margin:0 0 8px;font-size:12px;color:#565d66;word-break:break-all">${href}</p>`
    );
  }
  if (line === '') return '<div style="height:8px"></div>';
  return `<p style="margin:0 0 8px;white-space:pre-wrap">${escapeHtml(line)}</p>`;
}

function noticeHtml(subject: string, blocks: { lang: string; body: string[] }[], url: string): string {
  const sections = blocks.map(
    (b) =>
      `<div lang="${b.lang}" style="background:#ffffff;border:1px solid #e2ddd6;border-radius:10px;padding:20px 24px;margin:0 0 16px">` +
      b.body.map((line) => htmlLine(line, url)).join('') +
      '</div>',
  );
  return (
    `<!DOCTYPE html><html lang="${blocks[0]!.lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f2ef">` +
    `<div style="max-width:640px;margin:0 auto;padding:24px 12px;font-family:${escapeHtml(FONT)};font-size:15px;line-height:1.6;color:#1f2328">` +
    sections.join('') +
    '</div></body></html>\n'
  );
}
