/**
 * The third entry (在职党员普遍进, 双报到): in-service Party members report to the community where
 * they live, their employers' Party organisations to the community where they sit. The community
 * publishes needs (服务需求 / 微心愿) that members claim (认领), keeps each member's service card,
 * feeds the quarter's record back to each employer (反馈) and evaluates members and employers once
 * a year (评议). This file is the vocabulary and the rule (rules are data). Pure.
 */
import type { PeriodUnit } from './period';

/** Rules are data: one row of settings for the third entry (defaults as many cities run it). */
export interface ServingRule {
  /** The participation obligation's period: a year or a half-year. */
  participationPeriod: Extract<PeriodUnit, 'year' | 'half'>;
  /** Services each member takes part in per period, at least. */
  minServices: number;
  /** Reminders to the member: working days before the period's last working day. */
  participationReminderLadder: number[];
  /** A claimed need not confirmed this many working days after its day reminds the member… */
  claimConfirmWithinDays: number;
  /** …and this many working days after that reminder, the community's convener. */
  claimCommunityAfterDays: number;
  /** The employer confirms the quarterly feedback within this many working days, else a reminder… */
  receiptWithinDays: number;
  /** …and this many working days after the reminder, the liaison office is told. */
  receiptOfficeAfterDays: number;
  /** A receipt link expires after this many calendar days. */
  receiptValidDays: number;
}

export const DEFAULT_SERVING_RULE: ServingRule = {
  participationPeriod: 'year',
  minServices: 4,
  participationReminderLadder: [20, 5],
  claimConfirmWithinDays: 3,
  claimCommunityAfterDays: 2,
  receiptWithinDays: 5,
  receiptOfficeAfterDays: 3,
  receiptValidDays: 30,
};

/** Categories of a community's needs (服务需求类别). */
export const NEED_CATEGORIES = [
  'elderly_care', // 关爱老人
  'children_youth', // 关爱青少年
  'environment', // 环境整治
  'civility', // 文明实践
  'safety', // 平安巡逻
  'legal_aid', // 法律服务
  'health', // 健康服务
  'culture', // 文体活动
  'wish', // 微心愿
  'other', // 其他
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_CATEGORY_LABELS: Record<NeedCategory, { zh: string; en: string }> = {
  elderly_care: { zh: '关爱老人', en: 'Elderly care' },
  children_youth: { zh: '关爱青少年', en: 'Children and youth' },
  environment: { zh: '环境整治', en: 'Environment' },
  civility: { zh: '文明实践', en: 'Civic customs' },
  safety: { zh: '平安巡逻', en: 'Safety patrol' },
  legal_aid: { zh: '法律服务', en: 'Legal aid' },
  health: { zh: '健康服务', en: 'Health' },
  culture: { zh: '文体活动', en: 'Culture and sport' },
  wish: { zh: '微心愿', en: 'Small wish' },
  other: { zh: '其他', en: 'Other' },
};

/** Service posts (服务岗位) a member may offer to take. */
export const SERVICE_POSTS = [
  'policy_promotion', // 政策宣传岗
  'neighbourhood_help', // 邻里互助岗
  'environment_keeping', // 环境维护岗
  'safety_patrol', // 平安巡逻岗
  'conflict_mediation', // 矛盾调解岗
  'professional_service', // 专业服务岗
  'culture_sport', // 文体服务岗
] as const;
export type ServicePost = (typeof SERVICE_POSTS)[number];

export const SERVICE_POST_LABELS: Record<ServicePost, { zh: string; en: string }> = {
  policy_promotion: { zh: '政策宣传岗', en: 'Policy promotion' },
  neighbourhood_help: { zh: '邻里互助岗', en: 'Neighbourhood help' },
  environment_keeping: { zh: '环境维护岗', en: 'Environment keeping' },
  safety_patrol: { zh: '平安巡逻岗', en: 'Safety patrol' },
  conflict_mediation: { zh: '矛盾调解岗', en: 'Conflict mediation' },
  professional_service: { zh: '专业服务岗', en: 'Professional service' },
  culture_sport: { zh: '文体服务岗', en: 'Culture and sport' },
};

/** The year-end evaluation's grades (评议等次). */
export const SERVICE_GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type ServiceGrade = (typeof SERVICE_GRADES)[number];

export const SERVICE_GRADE_LABELS: Record<ServiceGrade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  competent: { zh: '合格', en: 'Competent' },
  basically_competent: { zh: '基本合格', en: 'Basically competent' },
  incompetent: { zh: '不合格', en: 'Incompetent' },
};

/**
 * The grade the rule proposes from a member's year (the convener may set another): twice the
 * minimum or more → excellent; the minimum → competent; at least one service → basically
 * competent; none → incompetent. `minServices` is per year (a half-year rule counts twice).
 */
export function proposedMemberGrade(input: { servicesInYear: number; minServicesPerYear: number }): ServiceGrade {
  const { servicesInYear: n, minServicesPerYear: min } = input;
  if (min > 0 && n >= 2 * min) return 'excellent';
  if (n >= min) return 'competent';
  if (n > 0) return 'basically_competent';
  return 'incompetent';
}

/** An employer's proposed grade: by the share of its registered members who met the minimum. */
export function proposedEmployerGrade(input: { members: number; membersMeetingMinimum: number }): ServiceGrade {
  const { members, membersMeetingMinimum: met } = input;
  if (members === 0) return 'incompetent';
  const share = met / members;
  if (share >= 0.9) return 'excellent';
  if (share >= 0.6) return 'competent';
  if (share > 0) return 'basically_competent';
  return 'incompetent';
}

/** The minimum per year of a rule whose period may be a half-year. */
export function minServicesPerYear(rule: Pick<ServingRule, 'participationPeriod' | 'minServices'>): number {
  return rule.participationPeriod === 'half' ? rule.minServices * 2 : rule.minServices;
}

/** Personal data in lists and exports: only the last 4 characters show ("*******1234"). */
export function maskTail(value: string | null | undefined, visible = 4): string | null {
  if (!value) return null;
  if (value.length <= visible) return value;
  return `${'*'.repeat(value.length - visible)}${value.slice(-visible)}`;
}

/** A mainland mobile number: 11 digits starting with 1 (spaces, dashes and +86 allowed on input). */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * A resident ID number (居民身份证号, GB 11643): 17 digits and a check character (digit or X),
 * normalised to upper case; null when the form or the check character is wrong.
 */
export function normaliseIdNumber(input: string): string | null {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17] ? id : null;
}

/** Service minutes as hours with one decimal, as people read them ("2.5"). */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

/** A need's state as people see it, from its record and its claims. */
export type NeedState = 'open' | 'full' | 'past' | 'cancelled';

export function needState(input: {
  status: string;
  slots: number;
  activeClaims: number;
  claimBy: string;
  today: string;
}): NeedState {
  if (input.status === 'cancelled') return 'cancelled';
  if (input.today > input.claimBy) return 'past';
  if (input.activeClaims >= input.slots) return 'full';
  return 'open';
}
