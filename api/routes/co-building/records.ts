/** What a co-building body records: its member units, their commitment letters, the practical things done. */
import { Router } from 'express';
import { joinCoBuilding, recordPracticalThing, signCommitment } from '../../../services/co-building';
import { allow, caller } from '../../auth';
import { coBuildingMemberInput, commitmentInput, practicalThingInput } from '../../contract/co-building';
import { parseInput } from '../../errors';
import { commitmentView, memberView, thingView } from '../../views/co-building';
import type { ApiDeps } from '../../deps';

export function coBuildingRecordsRouter(deps: ApiDeps): Router {
  const router = Router();

  /** A unit stationed in the community joins its body; the same name again is the same member. */
  router.post('/units/:unitRef/co-building/members', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(coBuildingMemberInput, req.body);
    const joined = await joinCoBuilding(deps, caller(res), { unitRef: String(req.params.unitRef), ...input });
    res.status(joined.created ? 201 : 200).json(memberView(joined.member));
  });

  /** A member unit's commitment letter: what it pledged (people, goods, money) and its value. */
  router.post('/co-building/members/:memberId/commitments', allow('admin', 'convener'), async (req, res) => {
    const commitment = await signCommitment(deps, caller(res), {
      memberId: String(req.params.memberId),
      entry: () => parseInput(commitmentInput, req.body),
    });
    res.status(201).json(commitmentView(commitment));
  });

  /** A practical thing done (办实事) by the body, or by one of its members. */
  router.post('/units/:unitRef/co-building/things', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(practicalThingInput, req.body);
    const { thing, memberName } = await recordPracticalThing(deps, caller(res), {
      unitRef: String(req.params.unitRef),
      ...input,
    });
    res.status(201).json(thingView(thing, memberName));
  });

  return router;
}
