/**
 * Registration of employers (单位报到) and in-service Party members (个人报到): the acts in
 * services/serving-registration.ts. A member's registration starts their participation obligation.
 */
import { Router } from 'express';
import { activeMemberCount } from '../../../records/serving-members';
import {
  changeEmployer,
  changeMember,
  employerInScope,
  employersOf,
  memberInScope,
  membersOf,
  registerEmployer,
  registerMember,
  removeEmployerAct,
  removeMemberAct,
} from '../../../services/serving-registration';
import { allow, caller } from '../../auth';
import {
  employerInput,
  employerListQuery,
  employerUpdate,
  memberInput,
  memberListQuery,
  memberUpdate,
} from '../../contract/serving-registration';
import { parseInput } from '../../errors';
import { employerView, memberView } from '../../views/serving-registration';
import type { ApiDeps } from '../../deps';

export function registrationRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/serving/employers', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(employerInput, req.body);
    const { employer, created } = await registerEmployer(deps, caller(res), input);
    res.status(created ? 201 : 200).json(employerView(employer, { fullPhone: true }));
  });

  router.get('/serving/employers', async (req, res) => {
    const q = parseInput(employerListQuery, req.query, 'query');
    const page = await employersOf(deps, caller(res), q);
    res.json({ ...page, items: page.items.map((e) => employerView(e)) });
  });

  router.get('/serving/employers/:ref', async (req, res) => {
    const { employer, writable } = await employerInScope(deps, caller(res), String(req.params.ref));
    res.json(employerView(employer, { fullPhone: writable, memberCount: await memberCountOf(employer.id) }));
  });

  router.patch('/serving/employers/:ref', allow('admin', 'convener'), async (req, res) => {
    const change = parseInput(employerUpdate, req.body);
    const employer = await changeEmployer(deps, caller(res), { ref: String(req.params.ref), change });
    res.json(employerView(employer, { fullPhone: true, memberCount: await memberCountOf(employer.id) }));
  });

  router.delete('/serving/employers/:ref', allow('admin', 'convener'), async (req, res) => {
    await removeEmployerAct(deps, caller(res), String(req.params.ref));
    res.status(204).end();
  });

  router.post('/serving/members', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(memberInput, req.body);
    const { member, obligationStarted } = await registerMember(deps, caller(res), input);
    res.status(201).json({ ...memberView(member, { writable: true, single: true }), obligationStarted });
  });

  router.get('/serving/members', async (req, res) => {
    const q = parseInput(memberListQuery, req.query, 'query');
    const page = await membersOf(deps, caller(res), q);
    res.json({ ...page, items: page.items.map((m) => memberView(m)) });
  });

  router.get('/serving/members/:id', async (req, res) => {
    const { member, access } = await memberInScope(deps, caller(res), String(req.params.id));
    res.json(memberView(member, { ...access, single: true }));
  });

  router.patch('/serving/members/:id', allow('admin', 'convener'), async (req, res) => {
    const change = parseInput(memberUpdate, req.body);
    const { member, access } = await changeMember(deps, caller(res), { id: String(req.params.id), change });
    res.json(memberView(member, { ...access, single: true }));
  });

  router.delete('/serving/members/:id', allow('admin', 'convener'), async (req, res) => {
    await removeMemberAct(deps, caller(res), String(req.params.id));
    res.status(204).end();
  });

  /** An employer's active members (the single view's count). */
  const memberCountOf = (employerId: string) => activeMemberCount(deps.prisma, employerId);

  return router;
}
