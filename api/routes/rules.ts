/** Cadence rules per level (rules are data). A change applies from each unit's next period, nothing restarted. */
import { Router } from 'express';
import { z } from 'zod';
import { ruleFor } from '../../domain/cadence';
import { actorOf, allow } from '../auth';
import { parseInput } from '../errors';
import { ruleInput } from '../contract/rules';
import { UNIT_LEVELS } from '../../domain/org';
import { type ApiDeps } from '../deps';

export function rulesRouter({ prisma }: ApiDeps): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const stored = await prisma.cadenceRule.findMany();
    res.json({
      items: UNIT_LEVELS.map((level) =>
        ruleFor(
          level,
          stored.find((r) => r.level === level),
        ),
      ),
    });
  });

  router.put('/:level', allow('admin', 'supervisor'), async (req, res) => {
    const { level } = parseInput(z.object({ level: z.enum(UNIT_LEVELS) }), req.params, 'path');
    const input = parseInput(ruleInput, req.body);
    const before = ruleFor(level, await prisma.cadenceRule.findUnique({ where: { level } }));
    const [saved] = await prisma.$transaction([
      prisma.cadenceRule.upsert({ where: { level }, create: { level, ...input }, update: input }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'rule.change',
          entity: 'cadenceRule',
          entityId: level,
          before: { ...before },
          after: { level, ...input },
        },
      }),
    ]);
    // Each obligation reads its rule when it opens a period: the change applies from the next one.
    res.json({ ...ruleFor(level, saved), appliesFrom: 'next period' });
  });

  return router;
}
