/** The weekly digest (每周督办摘要) to the liaison office: units not yet met, what falls due this week. */
import type { LocalDate } from '../period';
import type { Bilingual } from './text';

export interface DigestNotice {
  kind: 'digest';
  recipientName: string;
  week: string;
  today: LocalDate;
  notYetMet: {
    name: string;
    level: string;
    levelEn: string;
    dueOn: LocalDate;
    workingDaysLeft: number;
    lastReminder: string | null;
  }[];
  /** How many more units are not yet met than listed. */
  notYetMetMore: number;
  dueThisWeek: { kind: string; subject: string; unit: string; dueOn: LocalDate; workingDaysLeft: number }[];
  /** The desk. */
  url: string;
}

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  meeting: { zh: '联席会议', en: 'joint meeting' },
  visit: { zh: '领导走访', en: 'leader visit' },
  escalation_schedule: { zh: '上移议题待上会', en: 'escalated item to put on a meeting' },
  escalation_answer: { zh: '上移议题待答复', en: 'escalated item to answer' },
  evaluation: { zh: '考核评分未达法定人数', en: 'evaluation below quorum' },
};

export function digestNoticeText(n: DigestNotice): Bilingual {
  const kind = (k: string) => KIND_NAMES[k] ?? { zh: k, en: k };
  return {
    zh: {
      subject: `【每周督办摘要】${n.week}：本期未达标 ${n.notYetMet.length + n.notYetMetMore} 个单位，本周到期 ${n.dueThisWeek.length} 项`,
      body: [
        `${n.recipientName}：`,
        '',
        `截至 ${n.today}，本期尚未开够联席会议的单位（${n.notYetMet.length + n.notYetMetMore} 个）：`,
        ...(n.notYetMet.length === 0
          ? ['  无']
          : n.notYetMet.map(
              (r) =>
                `  · ${r.name}（${r.level}）到期 ${r.dueOn}，剩余 ${r.workingDaysLeft} 个工作日；最近提醒：${r.lastReminder ?? '无'}`,
            )),
        ...(n.notYetMetMore > 0 ? [`  ……另有 ${n.notYetMetMore} 个，见工作台`] : []),
        '',
        `本周到期（${n.dueThisWeek.length} 项）：`,
        ...(n.dueThisWeek.length === 0
          ? ['  无']
          : n.dueThisWeek.map(
              (r) =>
                `  · ${r.dueOn} ${kind(r.kind).zh}：${r.subject}${r.unit === r.subject ? '' : `（${r.unit}）`}，剩余 ${r.workingDaysLeft} 个工作日`,
            )),
        '',
        `督办工作台：${n.url}`,
        '不想再收到此摘要，请联系管理员退订。',
      ],
    },
    en: {
      subject: `[Weekly digest] ${n.week}: ${n.notYetMet.length + n.notYetMetMore} units not yet met, ${n.dueThisWeek.length} due this week`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `As of ${n.today}, units short of joint meetings this period (${n.notYetMet.length + n.notYetMetMore}):`,
        ...(n.notYetMet.length === 0
          ? ['  none']
          : n.notYetMet.map(
              (r) =>
                `  - ${r.name} (${r.levelEn}) due ${r.dueOn}, ${r.workingDaysLeft} working days left; last reminder: ${r.lastReminder ?? 'none'}`,
            )),
        ...(n.notYetMetMore > 0 ? [`  … and ${n.notYetMetMore} more on the desk`] : []),
        '',
        `Due this week (${n.dueThisWeek.length}):`,
        ...(n.dueThisWeek.length === 0
          ? ['  none']
          : n.dueThisWeek.map(
              (r) =>
                `  - ${r.dueOn} ${kind(r.kind).en}: ${r.subject}${r.unit === r.subject ? '' : ` (${r.unit})`}, ${r.workingDaysLeft} working days left`,
            )),
        '',
        `Desk: ${n.url}`,
        'To stop this digest, ask an administrator to opt you out.',
      ],
    },
  };
}
