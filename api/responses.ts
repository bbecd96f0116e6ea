/**
 * Every response body of the API as a zod schema: the OpenAPI document is generated from them
 * (api/openapi.ts) and the fuzzer checks each response against them. Dates are ISO strings
 * (`2026-11-28T01:00:00.000Z`), calendar days are `YYYY-MM-DD` (Asia/Shanghai).
 *
 * Each schema has an `id`: it becomes `#/components/schemas/<id>` in the document.
 */
import { z } from 'zod';
import { EVENT_NOTICE_TIMINGS } from '../domain/cadence';
import { AGENDA_STATES, ANSWER_OUTCOMES, ROLES } from './schemas';
import { ruleInput } from './schemas';
import { UNIT_LEVELS } from '../domain/org';

/** The schemas that become components of the OpenAPI document (response side). */
export const responseRegistry = z.registry<{ id: string; description?: string }>();

export function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  responseRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const id = z.uuid();
const count = z.number().int().min(0);
const level = z.enum(UNIT_LEVELS);
const locale = z.enum(['zh-CN', 'en']);
const pageFields = { total: count, limit: z.number().int().min(1), offset: count };

// --- Errors ----------------------------------------------------------------------------------

/**
 * Every error code the API answers with, by HTTP status. The code is stable (clients branch on
 * it); the message is for people and may change.
 */
export const ERROR_CODES = {
  400: ['invalid_input'],
  401: ['unauthenticated', 'invalid_credentials'],
  403: ['forbidden', 'password_change_required'],
  404: ['not_found', 'no_mail_sink'],
  409: [
    'duplicate',
    'unit_code_taken',
    'unit_has_children',
    'username_taken',
    'item_state',
    'not_in_queue',
    'no_upper_level',
    'code_taken',
    'campaign_not_open',
    'duplicate_rater',
    'in_progress',
  ],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: ['idempotency_key_reused'],
  429: ['rate_limited'],
  500: ['internal'],
  503: ['obligations_not_started', 'database_unavailable'],
} as const satisfies Record<number, readonly [string, ...string[]]>;

export type ErrorStatus = keyof typeof ERROR_CODES;

function errorObject<C extends readonly [string, ...string[]]>(codes: C) {
  return z.object({
    code: z.enum(codes).describe('Stable, machine-readable error code'),
    message: z.string().describe('For people: zh-CN and/or English'),
    field: z
      .string()
      .optional()
      .describe('The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name'),
  });
}

/** `{error: {code, message, field?}}` with the codes of one status (components Error400, Error401, …). */
export const errorBodies = {} as Record<ErrorStatus, z.ZodType>;
for (const status of Object.keys(ERROR_CODES).map(Number) as ErrorStatus[]) {
  errorBodies[status] = component(`Error${status}`, z.object({ error: errorObject(ERROR_CODES[status]) }));
}

/** Any error body (every code). */
export const errorBody = component(
  'Error',
  z.object({
    error: errorObject(Object.values(ERROR_CODES).flat() as unknown as readonly [string, ...string[]]),
  }),
);

export const rowProblem = z.object({
  row: z.number().int().min(1).describe('Spreadsheet row, the header is row 1'),
  column: z.string().describe('The column header as written in the file'),
  message: z.string().describe('zh-CN / English'),
});

/** 400 of the import: nothing was written; `rows` lists each row's problems (at most 1000). */
export const importRejection = component(
  'ImportRejection',
  z.object({
    error: z.object({ code: z.literal('import_rejected'), message: z.string(), field: z.literal('file') }),
    rows: z.array(rowProblem),
  }),
);

// --- Units, meetings, obligation --------------------------------------------------------------

export const unit = component(
  'Unit',
  z.object({
    id,
    code: z.string(),
    name: z.string(),
    level,
    parentId: id.nullable(),
    streetId: id.nullable().describe('The street the unit lies in (itself for a street)'),
    convenerName: z.string(),
    convenerEmail: z.string(),
    convenerPhone: z.string().nullable(),
    locale,
    webhookUrl: z.string().nullable(),
    createdAt: instant,
    obligationWorkflowId: z.string().describe('Temporal workflow id: meeting-cadence:<unit id>'),
  }),
);

export const unitPage = component('UnitPage', z.object({ items: z.array(unit), ...pageFields }));

export const meeting = component(
  'Meeting',
  z.object({
    id,
    unitId: id,
    heldOn: localDate,
    kind: z.enum(['regular', 'adhoc']),
    periodKey: z.string().describe('The period the meeting counts for: 2026-Q4, 2026-11 or 2026'),
    attendees: z.array(z.string()),
    minutes: z.string().nullable(),
    plannedMeetingId: id.nullable(),
  }),
);

export const recordedMeeting = component(
  'RecordedMeeting',
  meeting.extend({
    obligationNotified: z
      .boolean()
      .describe('false: recorded, but Temporal was unreachable; the obligation re-reads the record before any notice'),
  }),
);

export const meetingList = component('MeetingList', z.object({ items: z.array(meeting) }));

export const plannedMeeting = component(
  'PlannedMeeting',
  z.object({
    id,
    unitId: id,
    plannedFor: instant,
    place: z.string(),
    invitees: z.array(z.object({ name: z.string(), email: z.string(), locale: locale.optional() })),
    status: z.enum(['planned', 'held', 'lapsed']),
    workflowId: z.string(),
  }),
);

export const plannedMeetingList = component('PlannedMeetingList', z.object({ items: z.array(plannedMeeting) }));

export const obligationStatus = component(
  'ObligationStatus',
  z.object({
    workflowId: z.string(),
    unitId: id,
    state: z
      .enum(['starting', 'watching', 'ended'])
      .describe('starting: the period is not planned yet; ended: the unit was removed'),
    periodKey: z.string(),
    dueDate: z.union([localDate, z.literal('')]).describe('The period’s last working day; empty while starting'),
    meetingsHeld: count,
    minMeetings: count,
    outcome: z.enum(['met', 'overdue']).nullable(),
    nextNotice: z
      .object({ step: z.string().describe('reminder-<n>, overdue or overdue-supervisors'), at: instant })
      .nullable(),
  }),
);

export const unitHistory = component(
  'UnitHistory',
  z.object({
    unit,
    periods: z.array(
      z.object({
        /** The unit's meeting obligation, or a paired leader's visits (a community's record holds both). */
        obligation: z.enum(['meeting', 'leader-visit']),
        leader: z.object({ id: z.string(), name: z.string() }).nullable(),
        periodKey: z.string(),
        dueDate: localDate,
        status: z.enum(['met', 'overdue']),
        meetingsHeld: count,
        closedAt: instant,
        correctedAt: instant.nullable(),
        notices: z.array(
          z.object({
            step: z.string(),
            recipient: z.string(),
            channel: z.string(),
            status: z.string(),
            sentAt: instant.nullable(),
          }),
        ),
      }),
    ),
    ...pageFields,
  }),
);

// --- Import ----------------------------------------------------------------------------------

export const importSummary = component(
  'ImportSummary',
  z.object({ created: count, unchanged: count, total: count }),
  'All units registered (created) or already there unchanged; the same file again creates nothing',
);

// --- Cadence rules ---------------------------------------------------------------------------

export const cadenceRule = component('CadenceRule', ruleInput.extend({ level }));
export const cadenceRuleList = component('CadenceRuleList', z.object({ items: z.array(cadenceRule) }));
export const savedCadenceRule = component(
  'SavedCadenceRule',
  cadenceRule.extend({ appliesFrom: z.literal('next period') }),
);

// --- Liaison office --------------------------------------------------------------------------

export const supervisor = component(
  'Supervisor',
  z.object({
    id,
    name: z.string(),
    email: z.string(),
    locale,
    webhookUrl: z.string().nullable(),
    active: z.boolean(),
    digestOptOut: z.boolean().describe('No weekly digest mail for this member'),
    createdAt: instant,
  }),
);

export const supervisorList = component('SupervisorList', z.object({ items: z.array(supervisor) }));

export const overduePage = component(
  'OverduePage',
  z.object({
    items: z.array(
      z.object({
        id,
        code: z.string(),
        name: z.string(),
        level,
        streetId: id.nullable(),
        convenerName: z.string(),
        convenerEmail: z.string(),
        periodKey: z.string(),
        dueAt: instant,
        meetingsHeld: count,
      }),
    ),
    ...pageFields,
  }),
);

export const compliancePage = component(
  'CompliancePage',
  z.object({
    items: z.array(
      z.object({
        level,
        periodKey: z.string(),
        total: count,
        met: count,
        overdue: count,
        rate: z.number().min(0).max(1).nullable().describe('met / total, 3 decimals'),
      }),
    ),
    limit: z.number().int().min(1),
    offset: count,
  }),
);

// --- Agenda items and escalation (议题上移) ---------------------------------------------------

const agendaState = z
  .enum(AGENDA_STATES)
  .describe(
    'open → resolved (at its own level) | escalated → taken_up → answered → confirmed (closed), or disputed (back up for a new answer or further up)',
  );
const actor = z.string().describe('<role>:<username>, or `rule` when the deadline rules sent it up');

export const escalationHop = component(
  'EscalationHop',
  z.object({
    id,
    hop: z.number().int().min(1).describe('1 for the first hop, 2 when the upper level sent it further up, …'),
    fromUnitId: id,
    toUnitId: id,
    what: z.string().describe('What the matter is'),
    whyNotSolvable: z.string().describe('Why it cannot be solved at the lower level'),
    ask: z.string().describe('What is asked of the upper level'),
    minutes: z.string().describe('The minutes of the meeting that sent it up (they travel with the ledger entry)'),
    sourceMeetingId: id.nullable(),
    escalatedAt: instant,
    escalatedBy: actor,
    escalatedByRule: z.boolean().describe('true: the deadline rules sent it up after a missed answer deadline'),
    scheduleBy: localDate.describe('The upper level puts it on a meeting by this working day'),
    answerBy: localDate.describe('…and answers by this one (moved by an extension, reset by a dispute)'),
    takenUpMeetingId: id.nullable(),
    takenUpAt: instant.nullable(),
    round: count.describe('0, then 1, 2, … after each dispute sends it back for a new answer'),
    state: z.enum(['pending', 'taken_up', 'answered', 'escalated_further']),
    extensions: z.array(
      z.object({
        round: count,
        fromDate: localDate,
        toDate: localDate,
        reason: z.string(),
        approvedBy: z.string().describe('<role>:<username> of the liaison office'),
        at: instant,
      }),
    ),
  }),
  'One hop of the escalation: the written ledger entry (台账) from a unit to the unit above',
);

export const agendaAnswer = component(
  'AgendaAnswer',
  z.object({
    id,
    escalationId: id,
    round: count,
    outcome: z.enum(ANSWER_OUTCOMES).describe('resolved | scheduled (handled by handleBy) | declined (with a reason)'),
    text: z.string(),
    handleBy: localDate.nullable(),
    reason: z.string().nullable(),
    answeredBy: z.string(),
    answeredAt: instant,
    response: z.enum(['confirmed', 'disputed']).nullable().describe('The raising unit’s response, once given'),
    responseReason: z.string().nullable(),
    respondedBy: z.string().nullable(),
    respondedAt: instant.nullable(),
  }),
  'The upper level’s answer (反馈) and the raising level’s response to it',
);

export const agendaItem = component(
  'AgendaItem',
  z.object({
    id,
    meetingId: id.describe('The meeting that raised it'),
    unitId: id.describe('The unit whose meeting raised it'),
    unitName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    raisedBy: z.string(),
    category: z.string().nullable(),
    state: agendaState,
    currentUnitId: id.describe('The unit that must act now: the raising unit, or the upper unit while escalated'),
    resolution: z.string().nullable().describe('How it was resolved at its own level'),
    resolvedAt: instant.nullable(),
    closedAt: instant.nullable(),
    createdAt: instant,
    overdue: z.boolean().describe('The upper level’s answer deadline has passed unanswered'),
    workflowId: z.string().nullable().describe('Temporal workflow id escalation:<item id>, once escalated'),
    escalations: z.array(escalationHop),
    feedback: z.array(agendaAnswer),
  }),
  'An agenda item (议题) of a meeting, with its escalation hops and answers',
);

const workflowNotified = z
  .boolean()
  .describe('false: recorded, but Temporal was unreachable; the workflow re-reads the record before any notice');

export const changedAgendaItem = component(
  'ChangedAgendaItem',
  agendaItem.extend({ workflowNotified }),
  'The item after the change, and whether its escalation workflow was told',
);

export const respondedAgendaItem = component(
  'RespondedAgendaItem',
  agendaItem.extend({
    workflowNotified: workflowNotified
      .optional()
      .describe('Absent when the request repeated a response already recorded'),
  }),
  'The item after the response, and whether its escalation workflow was told',
);

export const agendaItemPage = component('AgendaItemPage', z.object({ items: z.array(agendaItem), ...pageFields }));

const escalationState = {
  agendaItemId: id,
  state: z
    .enum(['starting', 'missing', ...AGENDA_STATES])
    .describe('starting: not planned yet; missing: the item is gone; otherwise the item’s state'),
  hop: count.describe('The hop in force (0: not escalated)'),
  currentUnitId: id.nullable().describe('The unit that must act now'),
  scheduleBy: localDate.nullable(),
  answerBy: localDate.nullable(),
  nextStep: z
    .object({
      step: z
        .string()
        .describe(
          'received, schedule-reminder-<n>, call-meeting, answer-reminder-<n>, overdue, overdue-supervisors, auto-escalate, confirm-reminder, …',
        ),
      at: instant,
    })
    .nullable()
    .describe('The next notice (or the rules’ climb) the item is owed; null: none until the record changes'),
};

export const escalationStatus = component(
  'EscalationStatus',
  z.object({ workflowId: z.string().describe('escalation:<item id>'), ...escalationState }),
  'Where the item’s escalation workflow stands: the deadlines in force and the next notice',
);

export const extendedAgendaItem = component(
  'ExtendedAgendaItem',
  agendaItem.extend({
    workflow: z
      .object(escalationState)
      .nullable()
      .describe(
        'The workflow’s status with the new deadline; null when it could not be updated (it was signalled instead)',
      ),
  }),
  'The item with the new answer deadline',
);

const escalationRuleFields = {
  level: level.describe('The receiving (upper) level'),
  scheduleWithinDays: z.number().int().min(1).describe('Working days to put the item on a meeting'),
  answerWithinDays: z.number().int().min(1).describe('Working days to answer (from the escalation, or a dispute)'),
  reminderLadder: z.array(z.number().int().min(1)).describe('Working days before each deadline'),
  supervisorAfterDays: count.describe('Working days after the overdue notice at which the supervisors are told'),
  autoEscalateAfterDays: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('When set: an unanswered item climbs a level this many working days after the overdue notice'),
  confirmWithinDays: z
    .number()
    .int()
    .min(1)
    .describe('Working days after an answer before the raising convener is reminded'),
  eventNotices: z
    .enum(EVENT_NOTICE_TIMINGS)
    .describe(
      'An event notice (received, disputed, extended, answered) arising on a day off: wait for the next working day’s notice hour (09:00–09:10), or go at-once',
    ),
};

export const escalationRule = component('EscalationRule', z.object(escalationRuleFields));
export const escalationRuleList = component('EscalationRuleList', z.object({ items: z.array(escalationRule) }));
export const savedEscalationRule = component(
  'SavedEscalationRule',
  z.object({ ...escalationRuleFields, appliesFrom: z.literal('escalations made from now on') }),
);

export const escalationPage = component(
  'EscalationPage',
  z.object({
    items: z.array(
      z.object({
        agendaItemId: id,
        title: z.string(),
        raisedByUnit: z.object({ id, name: z.string() }),
        hop: z.number().int().min(1),
        toUnit: z.object({ id, name: z.string(), level: level.nullable() }),
        state: z.enum(['pending', 'taken_up']),
        escalatedAt: instant,
        scheduleBy: localDate,
        answerBy: localDate,
        overdue: z.boolean(),
      }),
    ),
    ...pageFields,
  }),
  'Escalated items awaiting an answer from the level above, earliest answer deadline first',
);

export const figureRow = component(
  'FigureRow',
  z.object({
    level: z.enum([...UNIT_LEVELS, 'total']),
    meetingsHeld: count.describe('Meetings of the level’s units held in the period'),
    itemsRaised: count.describe('Agenda items put before those meetings'),
    resolvedAtOwnLevel: count,
    open: count.describe('Neither resolved nor escalated (yet)'),
    escalated: count.describe('Sent up at least one level'),
    escalatedAnswered: count.describe('Escalated and answered at least once'),
    escalatedResolved: count.describe('Escalated, answered resolved or scheduled, and the answer confirmed'),
    pending: count.describe('Escalated and not closed yet'),
    overdue: count.describe('Pending with the upper level past its answer deadline'),
  }),
  'One level’s figures (an item counts for the level and period of the meeting that raised it)',
);

export const figures = component(
  'Figures',
  z.object({
    period: z.string().describe('2026, 2026-Q4 or 2026-11'),
    from: localDate,
    to: localDate,
    asOf: localDate,
    level: level.optional(),
    streetId: z.string().optional(),
    rows: z.array(figureRow).describe('One row per level asked for, then the total'),
  }),
  'The mechanism’s figures per level for a period',
);

// --- Notifications and captured mail ---------------------------------------------------------

export const notification = component(
  'Notification',
  z.object({
    id,
    key: z.string(),
    unitId: z.string(),
    obligation: z.string(),
    periodKey: z.string(),
    step: z.string(),
    audience: z.string().describe('convener | supervisor | invitee'),
    recipient: z.string(),
    subject: z.string(),
    messageId: z.string(),
    channel: z.string().describe('email | webhook'),
    channelNote: z.string().nullable(),
    status: z.string().describe('pending | sent'),
    scheduledFor: instant,
    sentAt: instant.nullable(),
    createdAt: instant,
  }),
);

export const notificationPage = component(
  'NotificationPage',
  z.object({ items: z.array(notification), ...pageFields }),
);

export const mailMessage = component(
  'MailMessage',
  z.object({
    id: z.number().int(),
    messageId: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable().describe('The HTML part (same words as the text, the link as a button); null if none'),
    headers: z.record(z.string(), z.string()),
    attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: count })),
    receivedAt: instant,
  }),
);

export const mailMessageList = component('MailMessageList', z.object({ items: z.array(mailMessage) }));

// --- Access control --------------------------------------------------------------------------

export const user = component(
  'User',
  z.object({
    id,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unitId: id.nullable().describe('convener: their unit; leader: their paired community'),
    leaderId: id.nullable().describe('leader: the leader this user is'),
    departmentId: id.nullable().describe('department: the department this user acts for'),
    disabled: z.boolean(),
    mustChangePassword: z
      .boolean()
      .describe('A temporary password set by an admin: POST /api/me/password before anything else'),
  }),
);

export const userList = component('UserList', z.object({ items: z.array(user) }));

export const loginResult = component(
  'LoginResult',
  z.object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`'),
    expiresAt: instant,
    user,
  }),
);

export const apiKeyCreated = component(
  'ApiKeyCreated',
  z.object({
    id,
    key: z.string().describe('Shown once: send as `X-API-Key: <key>`; only a digest is kept'),
    prefix: z.string().describe('The key’s first characters, to recognise it'),
  }),
);

export const auditPage = component(
  'AuditPage',
  z.object({
    items: z.array(
      z.object({
        id,
        at: instant,
        actor: z.string().describe('<role>:<username>'),
        action: z.string().describe('e.g. unit.update, meeting.record, rule.change'),
        entity: z.string(),
        entityId: z.string(),
        before: z.unknown().describe('The changed fields before (JSON), or null'),
        after: z.unknown().describe('The changed fields after (JSON), or null'),
      }),
    ),
    ...pageFields,
  }),
);

// --- Service ---------------------------------------------------------------------------------

export const health = component('Health', z.object({ status: z.literal('ok') }));
export const ready = component('Ready', z.object({ status: z.literal('ready') }));
