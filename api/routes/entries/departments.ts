/** City departments and their pairings with communities (3 to 5 per community by the rule). */
import { Router } from 'express';
import { leadersOfCommunity } from '../../../records/leaders';
import { departmentsWithPairings, pairedDepartmentsOf } from '../../../records/pairings';
import type { Caller } from '../../../records/scope';
import { registerDepartment, setCommunityPairings } from '../../../services/pairings';
import { unitInScope } from '../../../services/unit-access';
import { allow, caller } from '../../auth';
import { departmentInput, departmentPairingsInput } from '../../contract/entries';
import { parseInput } from '../../errors';
import { communityPairingsView, departmentView } from '../../views/entries';
import type { ApiDeps } from '../../deps';

export function departmentsRouter(deps: ApiDeps): Router {
  const { prisma } = deps;
  const router = Router();

  /** A community's leaders and paired departments as the caller may see them. */
  async function pairingsOf(unit: { id: string }, who: Caller) {
    const [leaders, pairings] = await Promise.all([
      leadersOfCommunity(prisma, unit.id),
      pairedDepartmentsOf(prisma, unit.id),
    ]);
    return communityPairingsView(unit, leaders, pairings, who);
  }

  router.post('/departments', allow('admin'), async (req, res) => {
    const input = parseInput(departmentInput, req.body);
    const { department, created } = await registerDepartment(deps, caller(res), input);
    res.status(created ? 201 : 200).json(departmentView(department, true));
  });

  router.get('/departments', async (_req, res) => {
    const who = caller(res);
    const office = who.role === 'admin' || who.role === 'supervisor';
    const departments = await departmentsWithPairings(prisma);
    res.json({
      items: departments.map((d) => {
        const communityIds = d.pairings.map((p) => p.communityId);
        const paired = who.role === 'convener' && !!who.unitId && communityIds.includes(who.unitId);
        return { ...departmentView(d, office || paired), communityIds };
      }),
    });
  });

  /** Set the departments paired with a community (3 to 5 by the rule): the list replaces the current one. */
  router.put('/units/:unitRef/department-pairings', allow('admin'), async (req, res) => {
    const { departmentCodes } = parseInput(departmentPairingsInput, req.body);
    const who = caller(res);
    const unit = await setCommunityPairings(deps, who, { unitRef: String(req.params.unitRef), departmentCodes });
    res.json(await pairingsOf(unit, who));
  });

  router.get('/units/:unitRef/pairings', async (req, res) => {
    const who = caller(res);
    res.json(await pairingsOf(await unitInScope(prisma, who, req.params.unitRef), who));
  });

  return router;
}
