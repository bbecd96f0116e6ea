/** The third entry's figures per community and street, and the city total, as JSON and XLSX (api/routes/serving/figures.ts). */
import { z } from 'zod';
import { count, localDate } from './common';
import { servingTag } from './serving-registration';
import { component, type OperationSpec, type RequestComponent, XLSX_TYPE } from './types';

export const servingFiguresQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('统计年度，缺省为本年 / The year counted (default: this year, Asia/Shanghai)'),
  communityId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('只统计该社区（ID 或编码） / Only this community (id or code)'),
  streetId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('只统计该街道的社区（ID 或编码） / Only the communities of this street (id or code)'),
});

const counts = {
  employers: count.describe('Employers registered with the community (单位报到) as of `asOf`'),
  members: count.describe('Members registered with the community (个人报到) as of `asOf`'),
  needsPublished: count.describe('Needs of the year (by the day needed), not cancelled'),
  needsClaimed: count.describe('Of those, needs with at least one claim not cancelled'),
  needsDone: count.describe('Of those, needs with at least one claim confirmed done'),
  services: count.describe('Services recorded in the community, served in the year'),
  minutes: count.describe('Their minutes'),
  hours: z.number().min(0).describe('Their hours, one decimal'),
  membersBelowMinimum: count.describe(
    'Members registered as of `asOf` whose services in the participation period are fewer than the minimum so far',
  ),
};

export const servingFigureCounts = component(
  'ServingFigureCounts',
  z.object(counts),
  'The sums of the communities counted; for the whole city the employers also count those registered without a community',
);

export const servingFigureRow = component(
  'ServingFigureRow',
  z.object({
    unitId: z.uuid().describe('The community (or street) id'),
    code: z.string(),
    name: z.string(),
    streetId: z.uuid().nullable(),
    streetName: z.string().nullable(),
    ...counts,
  }),
  'The figures of one community or one street',
);

export const servingFigures = component(
  'ServingFigures',
  z.object({
    year: z.number().int(),
    asOf: localDate.describe('Registrations counted as of this day: today, or the last day of a past year'),
    from: localDate,
    to: localDate,
    participation: z.object({
      period: z.string().describe('The participation period of `asOf` by the rule: "2026" or "2026-H2"'),
      from: localDate,
      to: localDate,
      minServices: count,
    }),
    communities: z.array(servingFigureRow).describe('Every community the caller may read (zeros included), by code'),
    streets: z.array(servingFigureRow).describe('The sums of those communities per street, by code'),
    total: servingFigureCounts,
    employersWithoutCommunity: count.describe(
      'Employers registered without a community (counted only for the whole city, else 0)',
    ),
  }),
  'The third entry’s figures per community, per street and in total',
);

export const servingFiguresRequests: readonly RequestComponent[] = [];

const ROLES = ['admin', 'supervisor', 'convener', 'leader'] as const;

export const servingFiguresOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    path: '/api/serving/figures',
    operationId: 'getServingFigures',
    summary: {
      zh: '在职党员进社区统计（各社区、街道与全市：报到单位与党员、需求、服务时长、未达最低次数）',
      en: 'Serving members’ figures per community, street and city: registrations, needs, service hours, below the minimum',
    },
    description:
      '只统计调用者可见的社区；year 缺省为本年。 / Only the communities the caller may read count; year defaults to this year.',
    tags: [servingTag.name],
    roles: ROLES,
    query: servingFiguresQuery,
    responses: { 200: servingFigures },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/serving/figures.xlsx',
    operationId: 'exportServingFigures',
    summary: { zh: '导出在职党员进社区统计（Excel）', en: 'Export the serving members’ figures (Excel)' },
    description:
      '两个工作表：各社区（含合计）、各街道（含合计）；只有统计数字，没有个人信息。 / Two sheets: per community and per street, each with the total; figures only, nothing personal.',
    tags: [servingTag.name],
    roles: ROLES,
    query: servingFiguresQuery,
    responses: {
      200: {
        description: 'XLSX workbook',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="serving-figures-<year>.xlsx"',
            schema: { type: 'string' },
          },
        },
        content: { [XLSX_TYPE]: { type: 'string', contentMediaType: XLSX_TYPE } },
      },
    },
    errors: [400, 403, 404],
  },
];
