/**
 * Part `growth` of `npm run bench`: does the time per unit of an import stay flat from 1,000 to
 * 10,000 units? As the import route does it (api/routes/imports.ts): one registerUnits call for
 * the whole file (one transaction), then startObligations for every unit; and then until every
 * obligation has planned its period and sits on a timer. The Temporal server, PGlite and the in-process
 * worker of bench/env.ts.
 *
 * Phases S1 L S2 (small, large, small again): the large one is compared with the mean of the
 * small ones around it, so that drift (the server and the record hold ever more) shows.
 */
import { registerUnits } from '../services/units';
import { startMeetingObligations } from '../obligations/meeting-cadence';
import { type PartResult, waitPlanned } from './cadence';
import {
  checkOnTimers,
  communities,
  cpuBetween,
  cpuCells,
  cpuServerLabel,
  cpuMark,
  type CpuUse,
  fmt,
  row,
  say,
  seconds,
} from './common';
import { type BenchEnv, TASK_QUEUE } from './env';
import { sleep } from './support';

/** Goal from the brief: time per unit at the large size ≤ 1.2 × the small size's. */
const GROWTH_GOAL = 1.2;

export interface GrowthOptions {
  small: number;
  large: number;
  concurrency: number;
}

interface GrowthPhase {
  label: string;
  count: number;
  registerSeconds: number;
  startSeconds: number;
  /** From the registration's start until every obligation sat on its timer. */
  plannedSeconds: number;
  onTimers: string;
  cpu: CpuUse;
}

export async function measureGrowth(env: BenchEnv, opts: GrowthOptions): Promise<PartResult> {
  const t = await env.temporal();
  const phases: GrowthPhase[] = [];
  const plan = [
    { label: 'S1', count: opts.small },
    { label: 'L', count: opts.large },
    { label: 'S2', count: opts.small },
  ];
  for (const { label, count } of plan) {
    say(`Growth ${label}: importing ${count} units (registerUnits in one call, startObligations)`);
    await sleep(2_000);
    const units = communities(`grow-${label.toLowerCase()}`, count);
    const doneBefore = t.activitiesDone();
    const c0 = cpuMark(t.server);
    const { units: registered } = await registerUnits(
      { prisma: t.db.prisma, clock: () => new Date() },
      { actor: 'bench' },
      units,
    );
    const c1 = cpuMark(t.server);
    const ids = registered.map((u) => u.id);
    await startMeetingObligations({ temporal: t.client, taskQueue: TASK_QUEUE }, ids, {
      concurrency: opts.concurrency,
    });
    const c2 = cpuMark(t.server);
    await waitPlanned(t, doneBefore, count);
    const c3 = cpuMark(t.server);
    const check = await checkOnTimers(t.client, ids);
    const phase: GrowthPhase = {
      label,
      count,
      registerSeconds: seconds(c1.at - c0.at),
      startSeconds: seconds(c2.at - c1.at),
      plannedSeconds: seconds(c3.at - c0.at),
      onTimers: `${check.onTimer}/${check.checked}`,
      cpu: cpuBetween(c0, c3),
    };
    phases.push(phase);
    say(
      `  registered in ${fmt(phase.registerSeconds)} s, obligations started in ${fmt(phase.startSeconds)} s, ` +
        `all on timers after ${fmt(phase.plannedSeconds)} s`,
    );
  }

  const perUnitMs = (p: GrowthPhase, what: 'import' | 'planned') =>
    (1000 * (what === 'import' ? p.registerSeconds + p.startSeconds : p.plannedSeconds)) / p.count;
  const [s1, l, s2] = phases as [GrowthPhase, GrowthPhase, GrowthPhase];
  const ratio = (what: 'import' | 'planned') => perUnitMs(l, what) / ((perUnitMs(s1, what) + perUnitMs(s2, what)) / 2);
  const importRatio = ratio('import');
  const plannedRatio = ratio('planned');

  const report: string[] = [];
  report.push('Growth (import as the import route does it: registerUnits in one call, then startObligations):');
  report.push('');
  report.push(
    row([
      'phase',
      'units',
      'register (s)',
      'start obligations (s)',
      'import ms/unit',
      'all on timers (s)',
      'until on timers ms/unit',
      'sample on timers',
      `CPU: bench / ${cpuServerLabel(t.server.kind)} / others (cores)`,
    ]),
  );
  report.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const p of phases) {
    report.push(
      row([
        p.label,
        String(p.count),
        fmt(p.registerSeconds, 2),
        fmt(p.startSeconds, 1),
        fmt(perUnitMs(p, 'import'), 2),
        fmt(p.plannedSeconds, 1),
        fmt(perUnitMs(p, 'planned'), 2),
        p.onTimers,
        cpuCells(p.cpu),
      ]),
    );
  }
  report.push('');
  report.push(
    `L ÷ mean(S1, S2), time per unit: import ${fmt(importRatio, 2)}×, until on timers ${fmt(plannedRatio, 2)}× ` +
      `(goal ≤ ${GROWTH_GOAL}×)`,
  );
  const figure = (what: 'import' | 'planned', value: number) => ({
    part: 'growth',
    figure:
      `time per unit, ${opts.large} ÷ ${opts.small} units: ` +
      (what === 'import' ? 'import (register + start obligations)' : 'until every obligation is on its timer'),
    value: `${fmt(value, 2)}× (${fmt(perUnitMs(l, what), 2)} vs ${fmt(perUnitMs(s1, what), 2)}/${fmt(perUnitMs(s2, what), 2)} ms)`,
    goal: `≤ ${GROWTH_GOAL}×`,
    met: value <= GROWTH_GOAL,
  });
  return { figures: [figure('import', importRatio), figure('planned', plannedRatio)], report };
}
