/** The working-day calendar: years as data, the pasted notice, day by day (services/calendar.ts does the act). */
import express, { Router } from 'express';
import { calendarCoverageOf, calendarDaysOf, calendarYearOf, enterCalendarYear } from '../../services/calendar';
import { actorOf, allow } from '../auth';
import {
  calendarDaysQuery,
  calendarNoticeInput,
  calendarNoticeQuery,
  calendarYearInput,
  calendarYearParams,
} from '../contract/calendar';
import { ApiError, parseInput } from '../errors';
import { type ApiDeps } from '../deps';

export function calendarRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();

  router.get('/calendar/years', async (_req, res) => {
    res.json(await calendarCoverageOf(prisma, clock()));
  });

  router.get('/calendar/years/:year', async (req, res) => {
    const { year } = parseInput(calendarYearParams, req.params, 'path');
    res.json(await calendarYearOf(prisma, year));
  });

  // The notice as JSON {text} or pasted as text/plain.
  router.post(
    '/calendar/years/:year/notice',
    allow('admin', 'supervisor'),
    express.text({ type: 'text/plain', limit: '100kb' }),
    async (req, res) => {
      const { year } = parseInput(calendarYearParams, req.params, 'path');
      const { confirm } = parseInput(calendarNoticeQuery, req.query, 'query');
      const body: unknown = req.body;
      if (typeof body !== 'string' && !req.is('application/json'))
        throw new ApiError(
          415,
          'unsupported_media_type',
          '请以 JSON {"text": "…"} 或 text/plain 提交通知 / Send JSON {"text": "…"} or the notice as text/plain',
        );
      const { text } = parseInput(calendarNoticeInput, typeof body === 'string' ? { text: body } : body);
      res.json(
        await enterCalendarYear(
          deps,
          { actor: actorOf(res) },
          { year, entry: { kind: 'notice', text }, confirm: confirm === 'true' },
        ),
      );
    },
  );

  router.put('/calendar/years/:year', allow('admin', 'supervisor'), async (req, res) => {
    const { year } = parseInput(calendarYearParams, req.params, 'path');
    const input = parseInput(calendarYearInput, req.body);
    res.json(
      await enterCalendarYear(
        deps,
        { actor: actorOf(res) },
        { year, entry: { kind: 'lists', ...input }, confirm: true },
      ),
    );
  });

  router.get('/calendar/days', async (req, res) => {
    const { from, to } = parseInput(calendarDaysQuery, req.query, 'query');
    res.json(await calendarDaysOf(prisma, { from, to }));
  });

  return router;
}
