/**
 * Agenda items (议题) and their escalation (议题上移): the register of each level, the written
 * ledger entry that sends an item up, the upper level taking it up and answering, the raising
 * level confirming or disputing the answer, and the liaison office's extensions. The acts are in
 * services/agenda-items.ts and services/escalation.ts.
 */
import { Router } from 'express';
import { agendaRegisterRouter } from './agenda/register';
import { escalationRouter } from './agenda/escalation';
import { type ApiDeps } from '../deps';

export function agendaRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(agendaRegisterRouter(deps));
  router.use(escalationRouter(deps));
  return router;
}
