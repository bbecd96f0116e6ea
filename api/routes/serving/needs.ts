/** A community's needs list (服务需求 / 微心愿): publish, claim, cancel, confirm done; the service card. */
import { Router } from 'express';
import type { Response } from 'express';
import { z } from 'zod';
import { shanghaiDateOf } from '../../../domain/period';
import {
  cancelClaim,
  cancelNeed,
  claimNeed,
  confirmClaimDone,
  listNeeds,
  needInScope,
  publishNeed,
  recordService,
  serviceCard,
} from '../../../services/serving-needs';
import { allow, caller } from '../../auth';
import {
  claimInput,
  needCancelInput,
  needInput,
  needListQuery,
  serviceDoneInput,
  serviceRecordInput,
} from '../../contract/serving-needs';
import { parseInput } from '../../errors';
import { needClaimView, needView, serviceCardView, serviceRecordView } from '../../views/serving-needs';
import type { ApiDeps } from '../../deps';

const idParam = z.object({ id: z.uuid() });

export function needsRouter(deps: ApiDeps): Router {
  const router = Router();
  const today = () => shanghaiDateOf(deps.clock());
  /** A member sees only their own claim among a need's claims. */
  const onlyMember = (res: Response) => {
    const who = caller(res);
    return who.role === 'member' ? (who.servingMemberId ?? '') : undefined;
  };
  const idOf = (params: unknown) => parseInput(idParam, params, 'path').id;

  router.post('/serving/needs', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(needInput, req.body);
    const need = await publishNeed(deps, caller(res), input);
    res.status(201).json(needView(need, today()));
  });

  router.get('/serving/needs', async (req, res) => {
    const q = parseInput(needListQuery, req.query, 'query');
    const { items, total } = await listNeeds(deps, caller(res), q);
    const only = onlyMember(res);
    res.json({ items: items.map((n) => needView(n, today(), only)), total, limit: q.limit, offset: q.offset });
  });

  router.get('/serving/needs/:id', async (req, res) => {
    const need = await needInScope(deps, caller(res), idOf(req.params));
    res.json(needView(need, today(), onlyMember(res)));
  });

  router.post('/serving/needs/:id/cancel', allow('admin', 'convener'), async (req, res) => {
    const { reason } = parseInput(needCancelInput, req.body ?? {});
    const r = await cancelNeed(deps, caller(res), { needId: idOf(req.params), reason });
    res.json({ need: needView(r.need, today()), obligationsNotified: r.obligationsNotified });
  });

  /** A member claims (or the convener for a member): starts `need-claim:<claimId>`. */
  router.post('/serving/needs/:id/claims', allow('admin', 'convener', 'member'), async (req, res) => {
    const { memberId } = parseInput(claimInput, req.body ?? {});
    const r = await claimNeed(deps, caller(res), { needId: idOf(req.params), memberId });
    res.status(201).json(needClaimView(r.claim, r.obligationNotified));
  });

  router.post('/serving/claims/:id/cancel', allow('admin', 'convener', 'member'), async (req, res) => {
    const r = await cancelClaim(deps, caller(res), idOf(req.params));
    res.json(needClaimView(r.claim, r.obligationNotified));
  });

  /** The community confirms the service: the record on the member's card. */
  router.post('/serving/claims/:id/done', allow('admin', 'convener'), async (req, res) => {
    const done = parseInput(serviceDoneInput, req.body);
    const r = await confirmClaimDone(deps, caller(res), { claimId: idOf(req.params), done });
    res.status(201).json(serviceRecordView(r.service, r.obligationNotified));
  });

  router.post('/serving/services', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(serviceRecordInput, req.body);
    const r = await recordService(deps, caller(res), input);
    res.status(201).json(serviceRecordView(r.service, r.obligationNotified));
  });

  router.get('/serving/members/:id/card', async (req, res) => {
    res.json(serviceCardView(await serviceCard(deps, caller(res), idOf(req.params))));
  });

  return router;
}
