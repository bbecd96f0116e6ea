/**
 * Employers and members of the third entry as the API answers them: phones and ID numbers masked
 * (last 4); the full phone only where the act says the caller may see it (the single-member view,
 * for an admin or the community's convener).
 */
import type { z } from 'zod';
import type { ServingEmployer, Unit } from '@prisma/client';
import { knownValues } from '../../domain/co-building';
import { maskTail, SERVICE_POSTS } from '../../domain/serving';
import { servingParticipationWorkflowId } from '../../domain/workflow-ids';
import type { servingEmployer, servingMember } from '../contract/serving-registration';
import type { MemberRecord } from '../../records/serving-members';

const localDate = (d: Date) => d.toISOString().slice(0, 10);
const unitRef = (u: Pick<Unit, 'id' | 'code' | 'name'>) => ({ id: u.id, code: u.code, name: u.name });
const locale = (l: string) => (l === 'en' ? 'en' : 'zh-CN');

export function employerView(
  e: ServingEmployer & { community: Pick<Unit, 'id' | 'code' | 'name'> | null; memberCount?: number },
  options: { fullPhone?: boolean; memberCount?: number } = {},
): z.infer<typeof servingEmployer> {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    partyOrgName: e.partyOrgName,
    contactName: e.contactName,
    contactEmail: e.contactEmail,
    contactPhone: options.fullPhone ? e.contactPhone : maskTail(e.contactPhone),
    locale: locale(e.locale),
    community: e.community ? unitRef(e.community) : null,
    registeredOn: localDate(e.registeredOn),
    createdAt: e.createdAt.toISOString(),
    memberCount: options.memberCount ?? e.memberCount ?? 0,
  };
}

/** A member: in a list (`{}`: everything personal masked), or the single view with what the caller may see. */
export function memberView(
  m: MemberRecord,
  access: { writable?: boolean; self?: boolean; single?: boolean } = {},
): z.infer<typeof servingMember> {
  const single = access.single === true;
  return {
    id: m.id,
    name: m.name,
    community: unitRef(m.community),
    employer: {
      id: m.employer.id,
      code: m.employer.code,
      name: m.employer.name,
      partyOrgName: m.employer.partyOrgName,
    },
    phone: maskTail(m.phone) ?? '',
    fullPhone: single && access.writable ? m.phone : null,
    idNumber: m.idNumberLast4 ? `${'*'.repeat(14)}${m.idNumberLast4}` : null,
    email: single && (access.writable || access.self) ? m.email : null,
    locale: locale(m.locale),
    skills: Array.isArray(m.skills) ? m.skills.filter((s): s is string => typeof s === 'string') : [],
    posts: knownValues(m.posts, SERVICE_POSTS),
    registeredOn: localDate(m.registeredOn),
    createdAt: m.createdAt.toISOString(),
    participationWorkflowId: servingParticipationWorkflowId(m.id),
  };
}
