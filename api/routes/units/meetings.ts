/** A unit's meetings: record one held, plan one ahead, and list both. */
import { Router } from 'express';
import { meetingInput, plannedInput } from '../../contract/meetings';
import { caller } from '../../auth';
import { parseInput } from '../../errors';
import type { ApiDeps } from '../../deps';
import { meetingView, plannedView } from '../../views/meetings';
import { meetingsOfUnit, plannedMeetingsOfUnit } from '../../../records/meetings';
import { planMeeting, recordMeeting } from '../../../services/meetings';
import { unitInScope } from '../../../services/unit-access';

export function unitMeetingsRouter(deps: ApiDeps): Router {
  const { prisma } = deps;
  const router = Router();

  router.post('/:unitRef/meetings', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef, { mode: 'write' });
    const input = parseInput(meetingInput, req.body);
    const { meeting, obligationNotified } = await recordMeeting(deps, caller(res), { unit, ...input });
    res.status(201).json({ ...meetingView(meeting), obligationNotified });
  });

  router.get('/:unitRef/meetings', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef);
    res.json({ items: (await meetingsOfUnit(prisma, unit.id)).map(meetingView) });
  });

  /** Plan a meeting ahead: invitations with an .ics go out; missing minutes are chased. */
  router.post('/:unitRef/planned-meetings', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef, { mode: 'write' });
    const input = parseInput(plannedInput, req.body);
    res.status(201).json(plannedView(await planMeeting(deps, caller(res), { unit, ...input })));
  });

  router.get('/:unitRef/planned-meetings', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef);
    res.json({ items: (await plannedMeetingsOfUnit(prisma, unit.id)).map(plannedView) });
  });

  return router;
}
