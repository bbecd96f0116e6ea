/** The year-end evaluation of a community's paired departments: opened, below quorum, closed. */
import type { Bilingual, UnitRef } from './text';

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

export function evaluationNoticeText(n: EvaluationNotice): Bilingual {
  const link = { zh: `考核评分进度：${n.url}`, en: `Evaluation progress: ${n.url}` };
  const depts = { zh: `被评部门：${n.departments.join('、')}`, en: `Departments: ${n.departments.join(', ')}` };
  if (n.step === 'opened')
    return {
      zh: {
        subject: `【年度考核】${n.year}年${n.unit.name}结对部门评分已开始`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.year}年度结对部门考核评分已开始。请组织不少于${n.quorum}名党员和居民对每个结对部门评分，截止日期${n.closesOn}。`,
          depts.zh,
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Evaluation] ${n.unit.name}: scoring of paired departments for ${n.year} is open`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The ${n.year} evaluation of the paired departments is open. Please have at least ${n.quorum} Party members and residents score each paired department by ${n.closesOn}.`,
          depts.en,
          '',
          link.en,
        ],
      },
    };
  if (n.step === 'below-quorum') {
    const tally = {
      zh: `已有${n.raters}人评分，须不少于${n.quorum}人，截止日期${n.closesOn}。`,
      en: `${n.raters} rater(s) so far; at least ${n.quorum} needed by ${n.closesOn}.`,
    };
    return {
      zh: {
        subject: `【提醒】${n.unit.name}结对部门评分人数不足（${n.raters}/${n.quorum}）`,
        body: [
          `${n.recipientName}同志：`,
          '',
          `${n.year}年度结对部门考核评分${tally.zh}请继续组织党员和居民评分。`,
          depts.zh,
          '',
          link.zh,
        ],
      },
      en: {
        subject: `[Reminder] ${n.unit.name}: not enough raters yet (${n.raters}/${n.quorum})`,
        body: [
          `Dear ${n.recipientName},`,
          '',
          `The ${n.year} evaluation of the paired departments: ${tally.en} Please keep collecting scores.`,
          depts.en,
          '',
          link.en,
        ],
      },
    };
  }
  const met = n.raters >= n.quorum;
  return {
    zh: {
      subject: `【考核结束】${n.year}年${n.unit.name}结对部门评分${met ? '已结束' : '未达规定人数'}（${n.raters}/${n.quorum}）`,
      body: [
        `${n.recipientName}：`,
        '',
        `${n.year}年度结对部门考核评分已于${n.closesOn}截止，共${n.raters}人评分（须不少于${n.quorum}人）${met ? '，结果已计入部门年度考核' : '，未达到规定人数'}。`,
        depts.zh,
        '',
        link.zh,
      ],
    },
    en: {
      subject: `[Evaluation closed] ${n.unit.name} ${n.year}: ${met ? 'closed' : 'quorum not reached'} (${n.raters}/${n.quorum})`,
      body: [
        `Dear ${n.recipientName},`,
        '',
        `The ${n.year} evaluation closed on ${n.closesOn} with ${n.raters} rater(s) (quorum ${n.quorum})${met ? "; the results go into the departments' annual evaluation" : '; the quorum was not reached'}.`,
        depts.en,
        '',
        link.en,
      ],
    },
  };
}
