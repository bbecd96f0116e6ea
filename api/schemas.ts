/**
 * Every request schema of the API, in one place: the routes validate with them and the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { EVENT_NOTICE_TIMINGS } from '../domain/cadence';
import { isLocalDate, periodFromKey } from '../domain/period';
import { UNIT_LEVELS } from '../domain/org';

export const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const unitFields = {
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Lowercase letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  level: z.enum(UNIT_LEVELS),
  convenerName: z.string().trim().min(1).max(100),
  convenerEmail: z.email(),
  convenerPhone: z
    .string()
    .regex(/^\+?[0-9 -]{5,20}$/, 'A phone number')
    .optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
};

export const unitInput = z.object({
  ...unitFields,
  parentId: z.string().min(1).optional(),
  parentCode: z.string().min(1).optional(),
});

export const unitUpdate = z
  .object({
    name: unitFields.name,
    convenerName: unitFields.convenerName,
    convenerEmail: unitFields.convenerEmail,
    convenerPhone: unitFields.convenerPhone.unwrap().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    webhookUrl: unitFields.webhookUrl.unwrap().nullable(),
  })
  .partial()
  .strict();

/** What a convener may change of their own unit: contact settings, not who the convener is. */
export const convenerUnitUpdate = unitUpdate.pick({ convenerPhone: true, locale: true, webhookUrl: true }).strict();

export const meetingInput = z.object({
  // meta: what the OpenAPI document says (JSON Schema cannot carry the refinement itself).
  heldOn: z
    .string()
    .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
    .refine((d) => d >= '2000-01-01', 'Not before 2000-01-01')
    .meta({ format: 'date' }),
  kind: z.enum(['regular', 'adhoc']).default('regular'),
  attendees: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  minutes: z.string().max(100_000).optional(),
  plannedMeetingId: z.uuid().optional(),
  /** Agenda items put before the meeting (each may be resolved here, or escalated afterwards). */
  agendaItems: z
    .array(
      z
        .object({
          title: z.string().trim().min(1).max(200),
          description: z.string().trim().max(10_000).optional(),
          raisedBy: z.string().trim().min(1).max(200),
          category: z.string().trim().min(1).max(100).optional(),
          /** Resolved at this meeting: how. */
          resolution: z.string().trim().min(1).max(10_000).optional(),
        })
        .strict(),
    )
    .max(200)
    .default([]),
  /** Escalated items from below that this meeting put on its agenda. */
  takesUp: z.array(z.uuid()).max(200).default([]),
});

export const plannedInput = z.object({
  plannedFor: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(200),
  invitees: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        email: z.email(),
        locale: z.enum(['zh-CN', 'en']).optional(),
      }),
    )
    .max(200)
    .default([]),
});

export const listQuery = z.object({
  ...page,
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().optional(),
  parentId: z.string().optional(),
});

export const ruleInput = z.object({
  period: z.enum(['month', 'quarter', 'year']),
  minMeetings: z.number().int().min(1).max(100),
  /** Working days before the due date, e.g. [10, 3, 1]. */
  reminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
  supervisorAfterDays: z.number().int().min(0).max(60),
  countAdhoc: z.boolean(),
});

export const supervisorInput = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  digestOptOut: z.boolean().optional().describe('true: no weekly digest mail for this member'),
});

export const overdueQuery = z.object({
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

export const complianceQuery = z.object({
  period: z
    .string()
    .refine((k) => {
      try {
        periodFromKey(k);
        const year = Number(k.slice(0, 4));
        return year >= 2000 && year <= 2100;
      } catch {
        return false;
      }
    }, 'A period key between 2000 and 2100: 2026, 2026-Q4 or 2026-11')
    .meta({ pattern: '^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$', examples: ['2026-Q4', '2026-11', '2026'] })
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  ...page,
});

export const ledgerQuery = z.object({
  unitId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditQuery = z.object({
  entity: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(150).optional(),
  action: z.string().min(1).max(50).optional(),
  ...page,
});

/** The roles of access control. */
export const ROLES = ['admin', 'supervisor', 'convener', 'leader', 'department', 'rater'] as const;

export const loginInput = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();

const newPassword = z.string().min(12, '至少 12 个字符 / At least 12 characters').max(200);

/** Change one's own password: the current one is required. */
export const passwordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: '新密码须与当前密码不同 / The new password must differ from the current one',
  });

/** An admin sets a temporary password: the user must change it at their next login. */
export const temporaryPasswordInput = z.object({ temporaryPassword: newPassword }).strict();

export const userInput = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'Lowercase letters, digits, dot, dash, underscore; 2 to 63'),
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(12, 'At least 12 characters').max(200).optional(),
    role: z.enum(ROLES),
    unitId: z.uuid().optional(),
    /** leader: the leader this user is (their unit becomes the paired community). */
    leaderId: z.uuid().optional(),
    /** department: the department this user acts for. */
    departmentId: z.uuid().optional(),
  })
  .strict();

// --- Agenda items and escalation (议题上移) ---------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);
const localDateField = z
  .string()
  .refine(isLocalDate, 'A calendar date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31')
  .meta({ format: 'date' });

export const agendaItemInput = z
  .object({
    title: text(200),
    description: z.string().trim().max(10_000).optional(),
    raisedBy: text(200),
    category: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const resolutionInput = z.object({ resolution: text(10_000) }).strict();

export const escalationInput = z
  .object({
    what: text(10_000),
    whyNotSolvable: text(10_000),
    ask: text(10_000),
    /** For a further escalation: the meeting (of the unit holding the item) whose minutes go up with it. */
    meetingId: z.uuid().optional(),
  })
  .strict();

export const takeUpInput = z.object({ meetingId: z.uuid() }).strict();

export const ANSWER_OUTCOMES = ['resolved', 'scheduled', 'declined'] as const;

export const feedbackInput = z
  .object({
    outcome: z.enum(ANSWER_OUTCOMES),
    text: text(10_000),
    /** scheduled: the date by which it will be handled. */
    handleBy: localDateField.optional(),
    /** declined: why. */
    reason: z.string().trim().min(1).max(10_000).optional(),
  })
  .strict();

export const responseInput = z
  .object({
    response: z.enum(['confirmed', 'disputed']),
    /** disputed: why the answer is not accepted. */
    reason: z.string().trim().min(1).max(10_000).optional(),
    /** disputed: ask for the item to go further up instead of back to the same level. */
    escalateFurther: z.boolean().default(false),
  })
  .strict();

export const extensionInput = z.object({ answerBy: localDateField, reason: text(2_000) }).strict();

export const AGENDA_STATES = [
  'open',
  'resolved',
  'escalated',
  'taken_up',
  'answered',
  'disputed',
  'confirmed',
] as const;

export const agendaListQuery = z.object({
  /** The register of a unit: items it raised… */
  unitId: z.string().min(1).max(100).optional(),
  /** …or its queue: items it must act on now. */
  currentUnitId: z.string().min(1).max(100).optional(),
  state: z.enum(AGENDA_STATES).optional(),
  ...page,
});

export const escalationRuleInput = z
  .object({
    scheduleWithinDays: z.number().int().min(1).max(250),
    answerWithinDays: z.number().int().min(1).max(250),
    reminderLadder: z.array(z.number().int().min(1).max(250)).max(10),
    supervisorAfterDays: z.number().int().min(0).max(60),
    autoEscalateAfterDays: z.number().int().min(1).max(250).nullable(),
    confirmWithinDays: z.number().int().min(1).max(250),
    /** Event notices arising on a day off: wait for the next working day's notice hour (default) or go at once. */
    eventNotices: z.enum(EVENT_NOTICE_TIMINGS).optional(),
  })
  .strict()
  .refine((r) => r.answerWithinDays >= r.scheduleWithinDays, {
    message: 'answerWithinDays must be at least scheduleWithinDays (the item is discussed before it is answered)',
    path: ['answerWithinDays'],
  });

export const escalationsQuery = z.object({
  /** Only those past their answer deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
  ...page,
});

export const figuresQuery = z.object({
  period: complianceQuery.shape.period,
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
});
