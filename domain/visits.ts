/** A city leader's visits to the paired community (领导干部深入联系点): what a visit was for. Pure. */

/** What a leader's visit was for (several may apply). */
export const VISIT_PURPOSES = [
  'research_guidance',
  'joint_meeting',
  'pressed_departments',
  'coordinated_problem',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_NAMES: Record<VisitPurpose, { zh: string; en: string }> = {
  research_guidance: { zh: '调研指导', en: 'research and guidance' },
  joint_meeting: { zh: '参加联席会议', en: 'attended the joint meeting' },
  pressed_departments: { zh: '督促结对部门', en: 'pressed the paired departments' },
  coordinated_problem: { zh: '协调解决难题', en: 'coordinated a problem' },
};
