/** Request schemas of the three entries: pairings, visits, attendance, the entries rule. */
import { z } from 'zod';
import { EVENT_NOTICE_TIMINGS } from '../domain/cadence';
import { isLocalDate } from '../domain/period';
import { complianceQuery, page, unitFields } from './schemas';
import { VISIT_PURPOSES } from '../domain/visits';

const code = unitFields.code;
const email = z.email();
const localDate = z
  .string()
  .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31')
  .meta({ format: 'date' });

/** A day of every year, MM-DD: 02-30 or 04-31 never come, 02-29 not every year. */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'MM-DD')
  .refine(
    (d) => isLocalDate(`2001-${d}`),
    '每年都有的日期（MM-DD，不含 02-29） / A day every year has (MM-DD, not 02-29)',
  );

export const leaderInput = z
  .object({
    code,
    name: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(100).optional(),
    email,
    phone: unitFields.convenerPhone,
    locale: z.enum(['zh-CN', 'en']).optional(),
    secretaryName: z.string().trim().min(1).max(100).optional(),
    secretaryEmail: email.optional(),
    /** The paired community's code (or send communityId). */
    communityCode: code.optional(),
    communityId: z.uuid().optional(),
  })
  .strict();

export const leaderUpdate = z
  .object({
    name: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(100).nullable(),
    email,
    phone: unitFields.convenerPhone.unwrap().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    secretaryName: z.string().trim().min(1).max(100).nullable(),
    secretaryEmail: email.nullable(),
    /** Pair the leader with another community (from its next period). */
    communityCode: code,
  })
  .partial()
  .strict();

export const departmentInput = z
  .object({
    code,
    name: z.string().trim().min(1).max(100),
    contactName: z.string().trim().min(1).max(100),
    contactEmail: email,
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

export const departmentPairingsInput = z.object({ departmentCodes: z.array(code).min(1).max(50) }).strict();

export const visitInput = z
  .object({
    visitedOn: localDate,
    purposes: z
      .array(z.enum(VISIT_PURPOSES))
      .min(1)
      .max(4)
      .refine((p) => new Set(p).size === p.length, '每项目的只列一次 / Each purpose is listed once'),
    notes: z.string().trim().max(10_000).optional(),
  })
  .strict();

export const entriesRuleInput = z
  .object({
    minDepartmentsPerCommunity: z.number().int().min(1).max(50),
    maxDepartmentsPerCommunity: z.number().int().min(1).max(50),
    visitPeriod: z.enum(['month', 'quarter', 'year']),
    minVisits: z.number().int().min(1).max(100),
    visitReminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
    visitSupervisorAfterDays: z.number().int().min(0).max(60),
    absenceThreshold: z.number().int().min(1).max(50),
    evaluationQuorum: z.number().int().min(1).max(100_000),
    evaluationOpensOn: monthDay,
    evaluationClosesOn: monthDay,
    evaluationReminderEveryDays: z.number().int().min(1).max(60),
    /** Absence notices found on a day off: wait for the next working day's notice hour (default) or go at once. */
    attendanceNotices: z.enum(EVENT_NOTICE_TIMINGS).optional(),
  })
  .strict()
  .refine((r) => r.maxDepartmentsPerCommunity >= r.minDepartmentsPerCommunity, {
    message: 'maxDepartmentsPerCommunity must be at least minDepartmentsPerCommunity',
    path: ['maxDepartmentsPerCommunity'],
  })
  .refine((r) => r.evaluationClosesOn > r.evaluationOpensOn, {
    message: 'The evaluation closes after it opens (same year)',
    path: ['evaluationClosesOn'],
  });

export const leaderListQuery = z.object({ communityId: z.string().min(1).max(100).optional(), ...page });

export const visitsQuery = z.object({
  period: complianceQuery.shape.period,
  /** overdue: the period's due date has passed without enough visits; pending: not yet visited, not yet due. */
  status: z.enum(['visited', 'pending', 'overdue']).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const attendanceQuery = z.object({
  period: complianceQuery.shape.period,
  communityId: z.string().min(1).max(100).optional(),
  departmentId: z.string().min(1).max(100).optional(),
});
