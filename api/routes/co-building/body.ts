/** A community's co-building body: formed or changed by its convener (or an admin), read within scope. */
import { Router } from 'express';
import { coBuildingBodyOf, saveCoBuildingBody } from '../../../services/co-building';
import { allow, caller } from '../../auth';
import { coBuildingBodyInput } from '../../contract/co-building';
import { parseInput } from '../../errors';
import { bodyView } from '../../views/co-building';
import type { ApiDeps } from '../../deps';

export function coBuildingBodyRouter(deps: ApiDeps): Router {
  const router = Router();

  /** Create or update the community's co-building body (PUT: the same again changes nothing). */
  router.put('/units/:unitRef/co-building', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(coBuildingBodyInput, req.body);
    const saved = await saveCoBuildingBody(deps, caller(res), { unitRef: String(req.params.unitRef), ...input });
    res.status(saved.created ? 201 : 200).json(bodyView(saved.body));
  });

  router.get('/units/:unitRef/co-building', async (req, res) => {
    res.json(bodyView(await coBuildingBodyOf(deps, caller(res), String(req.params.unitRef))));
  });

  return router;
}
