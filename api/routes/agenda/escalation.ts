/**
 * The escalation (议题上移) of an agenda item: the written ledger entry that sends it up, the upper
 * level taking it up and answering, the raising level confirming or disputing the answer, the
 * liaison office's extensions, and where the item's workflow stands.
 */
import { Router } from 'express';
import { allow, caller } from '../../auth';
import { parseInput } from '../../errors';
import { escalationInput, extensionInput, feedbackInput, responseInput, takeUpInput } from '../../contract/agenda';
import {
  answerItem,
  escalateItem,
  escalationStatusOf,
  extendAnswerDeadline,
  respondToAnswer,
  takeUpItem,
} from '../../../services/escalation';
import { itemActView } from '../../views/agenda';
import type { ApiDeps } from '../../deps';

export function escalationRouter(deps: ApiDeps): Router {
  const router = Router();

  /** The item's workflow: the next notice it is owed and the deadlines in force. */
  router.get('/agenda-items/:id/escalation-status', async (req, res) => {
    res.json(await escalationStatusOf(deps, caller(res), req.params.id));
  });

  /** Escalate: the written ledger entry goes up with the minutes (services/escalation.ts `escalateItem`). */
  router.post('/agenda-items/:id/escalations', async (req, res) => {
    const input = parseInput(escalationInput, req.body);
    const result = await escalateItem(deps, caller(res), { ...input, itemId: req.params.id });
    res.status(result.created ? 201 : 200).json(itemActView(result));
  });

  /** The upper level puts the escalated item on one of its meetings. */
  router.post('/agenda-items/:id/take-up', async (req, res) => {
    const { meetingId } = parseInput(takeUpInput, req.body);
    res.json(itemActView(await takeUpItem(deps, caller(res), { itemId: req.params.id, meetingId })));
  });

  /** The upper level's answer (反馈): it goes back down to every level the item came through. */
  router.post('/agenda-items/:id/feedback', async (req, res) => {
    const input = parseInput(feedbackInput, req.body);
    const result = await answerItem(deps, caller(res), { ...input, itemId: req.params.id });
    res.status(result.created ? 201 : 200).json(itemActView(result));
  });

  /** The raising unit confirms the answer (the item closes) or disputes it (back up, or further up). */
  router.post('/agenda-items/:id/response', async (req, res) => {
    const input = parseInput(responseInput, req.body);
    res.json(itemActView(await respondToAnswer(deps, caller(res), { ...input, itemId: req.params.id })));
  });

  /** The liaison office approves a later answer deadline: the item's timer moves. */
  router.post('/agenda-items/:id/extensions', allow('admin', 'supervisor'), async (req, res) => {
    const input = parseInput(extensionInput, req.body);
    const result = await extendAnswerDeadline(deps, caller(res), { ...input, itemId: String(req.params.id) });
    res.status(result.created ? 201 : 200).json(itemActView(result));
  });

  return router;
}
