/**
 * The working-day calendar (工作日历): years of the State Council's holiday notice as data the
 * liaison office keeps (api/routes/calendar.ts, services/calendar.ts). Request and response
 * schemas, and the operations api/openapi.ts adds to the document.
 */
import { z } from 'zod';
import type { OperationSpec } from './types';
import { component } from './types';

const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
const count = z.number().int().min(0);
const source = z
  .enum(['package', 'notice', 'admin', 'missing'])
  .describe(
    'package: the chinese-days package; notice: a pasted notice; admin: date lists; missing: Monday–Friday assumed',
  );

export const calendarYearParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const calendarNoticeQuery = z.object({
  confirm: z.enum(['true', 'false']).optional(),
});

export const calendarNoticeInput = z.object({
  text: z
    .string()
    .min(1)
    .max(20_000)
    .describe('The notice as published (国务院办公厅关于XXXX年部分节假日安排的通知), pasted whole'),
});

export const calendarYearInput = z.object({
  offDays: z.array(localDate).max(120).describe('Days off by the notice'),
  makeupWorkdays: z.array(localDate).max(40).describe('Weekend days that are working days (调休上班)'),
  names: z.record(localDate, z.string().min(1).max(40)).optional().describe('The holiday of each day, e.g. 元旦'),
});

/** A day the calendar answers for (the service counts working days from 2000 to 2100). */
const dayInRange = localDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Between 2000-01-01 and 2100-12-31');

export const calendarDaysQuery = z
  .object({ from: dayInRange, to: dayInRange })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to: on or after from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 400, {
    path: ['to'],
    message: 'at most 400 days',
  });

const dayListed = z.object({
  date: localDate,
  weekday: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday'),
  holiday: z.string().nullable(),
});

export const calendarYearAnswer = component(
  'CalendarYearAnswer',
  z.object({
    year: z.number().int(),
    confirmed: z.boolean().describe('false: a preview, nothing stored'),
    holidays: z.array(
      z.object({
        name: z.string(),
        line: z.number().int().describe('Line of the pasted notice'),
        offDays: z.array(localDate),
        makeupWorkdays: z.array(localDate),
      }),
    ),
    offDays: z.array(dayListed),
    makeupWorkdays: z.array(dayListed),
    changedDueDates: z
      .array(z.object({ period: z.string(), weekdaysOnly: localDate, withNotice: localDate }))
      .describe('Due dates (last working day of each month, quarter and the year) that differ from Monday–Friday'),
    replaces: source.describe('What the year was before'),
    closedPeriods: z.string().nullable().describe('Said when the year has closed periods: they are not changed'),
    moved: z
      .object({ meetingObligations: count, visitObligations: count, escalations: count })
      .nullable()
      .describe('Confirmed: the open plans planned again'),
  }),
  'A year’s working days as entered: a preview, or what was stored and which open plans moved',
);

export const calendarCoverage = component(
  'CalendarCoverage',
  z.object({
    currentYear: z.number().int(),
    missing: z.array(z.number().int()).describe('This year and next year, when they have no data'),
    items: z.array(
      z.object({
        year: z.number().int(),
        source,
        offDays: count,
        makeupWorkdays: count,
        enteredBy: z.string().nullable(),
        enteredAt: z.iso.datetime().nullable(),
      }),
    ),
  }),
  'Each year’s working days: where they came from',
);

export const calendarYear = component(
  'CalendarYear',
  z.object({
    year: z.number().int(),
    source,
    offDays: z.array(localDate),
    makeupWorkdays: z.array(localDate),
    names: z.record(z.string(), z.string()),
    enteredBy: z.string().nullable(),
    enteredAt: z.iso.datetime().nullable(),
  }),
  'One year’s off days and make-up workdays',
);

export const calendarDays = component(
  'CalendarDays',
  z.object({
    items: z.array(
      z.object({
        date: localDate,
        working: z.boolean(),
        reason: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
        holiday: z.string().nullable(),
        source,
      }),
    ),
  }),
  'Each day: working or not, why, and where its year came from',
);

const year = {
  year: { schema: z.string().regex(/^\d{4}$/), description: '年份 / The year', example: '2027' },
};

export const calendarOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/calendar/years',
    operationId: 'listCalendarYears',
    summary: { zh: '各年份工作日数据的来源', en: 'Where each year’s working days come from' },
    tags: ['calendar'],
    responses: { 200: calendarCoverage },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/calendar/years/{year}',
    operationId: 'getCalendarYear',
    summary: { zh: '一年的放假日与调休上班日', en: 'A year’s off days and make-up workdays' },
    tags: ['calendar'],
    params: year,
    responses: { 200: calendarYear },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/calendar/years/{year}/notice',
    operationId: 'enterHolidayNotice',
    summary: {
      zh: '粘贴国务院节假日安排通知：预览，确认后录入',
      en: 'Paste the State Council’s holiday notice: preview, then confirm to store',
    },
    description:
      '正文为 JSON {"text": "…"} 或通知全文（text/plain）。不带 confirm 只预览：各放假日和调休上班日（星期与通知所注核对），以及与“周一至周五”相比变化的月、季、年到期日；confirm=true 录入（审计），并重新安排该年相关的未结义务、走访义务和上移议题，不重复发送任何通知。通知所注星期与日期不符、日期重复或既放假又上班、年份与路径不符：400，指明行号。 / JSON {"text": "…"} or the notice itself as text/plain. Without confirm: a preview (every off day and make-up day, weekday notes checked against the dates, the month, quarter and year due dates that differ from Monday–Friday); confirm=true stores it (audited) and re-plans the open obligations, visit obligations and escalations of that year without sending any notice twice. A weekday note that contradicts its date, a day listed twice or both off and working, a year other than the path’s: 400 naming the line.',
    tags: ['calendar'],
    roles: ['admin', 'supervisor'],
    params: year,
    query: calendarNoticeQuery,
    body: { schema: calendarNoticeInput, example: { text: '国务院办公厅关于2027年部分节假日安排的通知 …' } },
    responses: { 200: calendarYearAnswer },
    errors: [400, 415],
  },
  {
    method: 'put',
    path: '/api/calendar/years/{year}',
    operationId: 'putCalendarYear',
    summary: { zh: '按日期清单录入一年的工作日', en: 'Enter a year’s working days as date lists' },
    description:
      '给出放假日与调休上班日清单（无通知原文时）。录入与重新安排同上。 / For who has the dates but not the text; stored and re-planned as above.',
    tags: ['calendar'],
    roles: ['admin', 'supervisor'],
    params: year,
    body: {
      schema: calendarYearInput,
      example: { offDays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [], names: {} },
    },
    responses: { 200: calendarYearAnswer },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/calendar/days',
    operationId: 'listCalendarDays',
    summary: { zh: '逐日：是否工作日及原因', en: 'Day by day: working or not, and why' },
    tags: ['calendar'],
    query: calendarDaysQuery,
    responses: { 200: calendarDays },
    errors: [400],
  },
];

export const calendarRequests: [z.ZodType, { id: string; description?: string }][] = [
  [calendarNoticeInput, { id: 'CalendarNoticeInput', description: 'The notice’s text as published' }],
  [
    calendarYearInput,
    { id: 'CalendarYearInput', description: 'No day both off and a make-up workday; make-up days are weekend days' },
  ],
];

export const calendarTag = {
  name: 'calendar',
  description: '工作日历（国务院节假日安排） / The working-day calendar (the State Council’s holiday notices)',
};
