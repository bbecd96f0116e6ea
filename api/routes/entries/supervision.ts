/** The supervisors' views of the entries: visits per period (who is overdue), per leader per year, department attendance. */
import { Router } from 'express';
import { departmentAttendance } from '../../../services/attendance';
import { visitsByLeader, visitsInPeriod } from '../../../services/visits';
import { allow, caller } from '../../auth';
import { attendanceQuery, visitsQuery, yearQuery } from '../../contract/entries';
import { parseInput } from '../../errors';
import type { ApiDeps } from '../../deps';

export function entriesSupervisionRouter(deps: ApiDeps): Router {
  const router = Router();

  /** Each leader's visits in a period (default: the current one): visited, pending, or overdue. */
  router.get('/supervision/visits', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(visitsQuery, req.query, 'query');
    const { period, dueDate, rows } = await visitsInPeriod(deps, q);
    res.json({
      period,
      dueDate,
      items: rows.slice(q.offset, q.offset + q.limit),
      total: rows.length,
      limit: q.limit,
      offset: q.offset,
    });
  });

  /** Visits per leader per year, by period. */
  router.get('/supervision/visits/by-leader', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(yearQuery, req.query, 'query');
    res.json(await visitsByLeader(deps, q));
  });

  /** Department attendance at community joint meetings, per department and community, in a period. */
  router.get('/supervision/attendance', async (req, res) => {
    const q = parseInput(attendanceQuery, req.query, 'query');
    res.json(await departmentAttendance(deps, caller(res), q));
  });

  return router;
}
