/** Cadence rules per level (rules are data). A change applies from each unit's next period. */
import { Router } from 'express';
import { z } from 'zod';
import { ruleFor, UNIT_LEVELS } from '../../domain/cadence';
import type { ApiDeps } from '../app';
import { parseInput } from '../errors';

const ruleInput = z.object({
  period: z.enum(['month', 'quarter', 'year']),
  minMeetings: z.number().int().min(1).max(100),
  reminderOffsetDays: z.number().int().min(0).max(366),
});

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

  router.put('/:level', async (req, res) => {
    const { level } = parseInput(z.object({ level: z.enum(UNIT_LEVELS) }), req.params, 'path');
    const input = parseInput(ruleInput, req.body);
    const saved = await prisma.cadenceRule.upsert({ where: { level }, create: { level, ...input }, update: input });
    res.json(ruleFor(level, saved));
  });

  return router;
}
