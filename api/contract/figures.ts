/** The mechanism's figures per level for a period, as JSON and XLSX (api/routes/figures.ts). */
import { z } from 'zod';
import { count, level, localDate } from './common';
import { complianceQuery } from './supervision';
import { component, type OperationSpec, XLSX_TYPE } from './types';
import { UNIT_LEVELS } from '../../domain/org';

export const figuresQuery = z.object({
  period: complianceQuery.shape.period,
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().min(1).optional(),
});

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

export const figuresOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/supervision/figures',
    operationId: 'getFigures',
    summary: {
      zh: '各层级议题统计（召开会议、本级解决、上移、答复、逾期）',
      en: 'Figures per level: meetings, items, escalated, answered, overdue',
    },
    description:
      'period 缺省为本年；只统计调用者可见的单位。 / period defaults to the current year; only the units the caller may see count.',
    tags: ['supervision'],
    query: figuresQuery,
    responses: { 200: figures },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/supervision/figures.xlsx',
    operationId: 'exportFigures',
    summary: { zh: '导出议题统计与台账（Excel）', en: 'Export the figures and the item register (Excel)' },
    description: '两个工作表：统计、议题台账。 / Two sheets: the figures and the register of every item of the period.',
    tags: ['supervision'],
    query: figuresQuery,
    responses: {
      200: {
        description: 'XLSX workbook',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="agenda-ledger-<period>.xlsx"',
            schema: { type: 'string' },
          },
        },
        content: { [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE } },
      },
    },
    errors: [400],
  },
];
