/** Meetings recorded and planned (api/routes/units.ts). */
import { z } from 'zod';
import { isLocalDate } from '../../domain/period';
import { id, instant, locale, localDate, unitRef } from './common';
import { component, type OperationSpec, type RequestComponent } from './types';

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

export const meetingsOperations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/units/{unitRef}/meetings',
    operationId: 'recordMeeting',
    summary: { zh: '记录会议', en: 'Record a meeting' },
    description:
      '不得记录未来日期；日期落在已结束的周期内则更正该期结果。agendaItems 为本次会议的议题（含 resolution 即本级解决），takesUp 为本会议研究的下级上移议题（不在本单位待议清单中为 400）。预约会议已记录为召开时为 409。 / A future date is refused; a date in a closed period corrects that period. agendaItems are the items raised at the meeting (with a resolution when resolved there); takesUp the items escalated to this unit that the meeting put on its agenda (400 when one is not in its queue). 409 when the planned meeting was recorded already.',
    tags: ['meetings'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: meetingInput,
      example: {
        heldOn: '2026-11-02',
        kind: 'regular',
        attendees: ['李书记', '张委员'],
        minutes: '研究停车治理与加装电梯两项议题',
        agendaItems: [
          { title: '小区停车位不足', raisedBy: '张委员', category: '停车治理', resolution: '协调物业夜间开放地面车位' },
          { title: '老旧楼加装电梯资金缺口', raisedBy: '王居民', category: '老旧小区改造' },
        ],
      },
    },
    responses: {
      201: {
        description: 'Recorded',
        schema: recordedMeeting,
        links: {
          CreateAgendaItem: { operationId: 'createAgendaItem', parameters: { meetingId: '$response.body#/id' } },
        },
      },
    },
    errors: [400, 403, 404, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/meetings',
    operationId: 'listMeetings',
    summary: { zh: '会议记录', en: 'The unit’s meetings' },
    tags: ['meetings'],
    params: unitRef,
    responses: {
      200: {
        description: 'OK',
        schema: meetingList,
        links: {
          CreateAgendaItem: {
            operationId: 'createAgendaItem',
            parameters: { meetingId: '$response.body#/items/0/id' },
          },
        },
      },
    },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/units/{unitRef}/planned-meetings',
    operationId: 'planMeeting',
    summary: { zh: '预约会议（发送含 .ics 的邀请）', en: 'Plan a meeting (invitations with .ics)' },
    tags: ['meetings'],
    params: unitRef,
    idempotent: true,
    body: {
      schema: plannedInput,
      example: {
        plannedFor: '2027-03-10T09:30:00+08:00',
        place: '碧海社区党群服务中心',
        invitees: [{ name: '张委员', email: 'zhang@example.org' }],
      },
    },
    responses: { 201: plannedMeeting },
    errors: [400, 403, 404, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/units/{unitRef}/planned-meetings',
    operationId: 'listPlannedMeetings',
    summary: { zh: '预约的会议', en: 'The unit’s planned meetings' },
    tags: ['meetings'],
    params: unitRef,
    responses: { 200: plannedMeetingList },
    errors: [404],
  },
];

/** The request bodies of this area that become components. */
export const meetingsRequests: RequestComponent[] = [
  [
    meetingInput,
    {
      id: 'MeetingInput',
      description:
        'heldOn: YYYY-MM-DD, not in the future. agendaItems: the items put before the meeting (with a resolution when resolved there); takesUp: ids of items escalated to this unit that the meeting put on its agenda',
    },
  ],
  [plannedInput, { id: 'PlannedMeetingInput', description: 'plannedFor: in the future' }],
];

/** The tag of these operations. */
export const meetingsTag = { name: 'meetings', description: '会议记录与预约 / Meetings recorded and planned' };
