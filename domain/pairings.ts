/**
 * The entries' pairings (结对): each city leader with one community, 3 to 5 city departments with
 * each community. What a batch of new pairings is, its problems, and the count rule. Pure.
 */
import type { EntriesRule } from './entries';

export interface NewLeader {
  code: string;
  name: string;
  title?: string;
  email: string;
  phone?: string;
  locale?: 'zh-CN' | 'en';
  secretaryName?: string;
  secretaryEmail?: string;
  /** The paired community's code. */
  communityCode: string;
}

export interface NewDepartment {
  code: string;
  name: string;
  contactName: string;
  contactEmail: string;
  locale?: 'zh-CN' | 'en';
}

export interface NewDepartmentPairing {
  departmentCode: string;
  communityCode: string;
}

export interface PairingBatch {
  leaders?: NewLeader[];
  departments?: NewDepartment[];
  pairings?: NewDepartmentPairing[];
}

export interface PairingProblem {
  kind: 'leader' | 'department' | 'pairing';
  /** Index within its kind's list in the batch. */
  index: number;
  field: string;
  code: 'not_found' | 'code_taken' | 'duplicate_in_batch' | 'pairing_count';
  message: string;
}

/** A problem with a community's department pairings, or null. */
export function pairingCountProblem(count: number, rule: EntriesRule): string | null {
  if (count >= rule.minDepartmentsPerCommunity && count <= rule.maxDepartmentsPerCommunity) return null;
  return `每个社区结对 ${rule.minDepartmentsPerCommunity}–${rule.maxDepartmentsPerCommunity} 个部门，此处为 ${count} 个 / A community is paired with ${rule.minDepartmentsPerCommunity} to ${rule.maxDepartmentsPerCommunity} departments; this gives ${count}`;
}
