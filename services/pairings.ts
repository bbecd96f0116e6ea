/**
 * The acts on the entries' pairings (三进结对): register a city department, set the departments
 * paired with a community, import a spreadsheet of leaders and departments. (A city leader is
 * registered in services/visits.ts: their visit obligation starts with them.) Pairing a community
 * with departments makes it evaluable: its campaign of the year is ensured after.
 */
import { actorOf, type Caller } from '../records/scope';
import type { Department, Unit } from '@prisma/client';
import type { z } from 'zod';
import { bilingual, type ImportFormat, ImportRejected } from '../domain/org-import';
import { type PairingRow, pairingProblemsAtRows, parsePairingFile, planPairings } from '../domain/pairing-import';
import type { NewDepartment, PairingProblem } from '../domain/pairings';
import { startVisitObligations } from '../obligations/leader-visit';
import { loadEntriesRule } from '../records/entries-rule';
import { PairingError, type PairingResult, registerPairings, replaceCommunityPairings } from '../records/pairings';
import { ensureCommunityCampaigns } from './evaluation';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

/** A batch's problems as a 400 (or 409 for a taken code), naming the field `path` gives. */
export function pairingProblem(err: unknown, path: (p: PairingProblem) => string): never {
  if (!(err instanceof PairingError)) throw err;
  const p = err.problems[0]!;
  if (p.code === 'code_taken') throw ServiceError.conflict('code_taken', p.message, path(p));
  throw ServiceError.badRequest(path(p), p.message);
}

/** Register a city department (the same again changes nothing). */
export async function registerDepartment(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  input: NewDepartment,
): Promise<{ department: Department; created: boolean }> {
  const result = await registerPairings(
    deps.prisma,
    { departments: [input] },
    { actor: actorOf(caller), now: deps.clock() },
    await loadEntriesRule(deps.prisma),
  ).catch((err: unknown) => pairingProblem(err, (p) => p.field));
  return { department: result.departments[0]!, created: result.created.departments > 0 };
}

/** Set the departments paired with a community (3 to 5 by the rule): the list replaces the current one. */
export async function setCommunityPairings(
  deps: ServiceDeps,
  caller: Caller,
  input: { unitRef: string; departmentCodes: string[] },
): Promise<Unit> {
  const { prisma } = deps;
  const unit = await unitInScope(prisma, caller, input.unitRef);
  if (unit.level !== 'community')
    throw ServiceError.badRequest('path.unitRef', 'Departments are paired with communities');
  const rule = await loadEntriesRule(prisma);
  const codes = [...new Set(input.departmentCodes)];
  if (codes.length !== input.departmentCodes.length)
    throw ServiceError.badRequest('departmentCodes', '同一部门列出两次 / A department is listed twice');
  const actor = actorOf(caller);
  await replaceCommunityPairings(prisma, unit, codes, { actor, now: deps.clock() }, rule).catch((err: unknown) =>
    pairingProblem(err, (p) => (p.code === 'pairing_count' ? 'departmentCodes' : `departmentCodes.${p.index}`)),
  );
  // Paired departments make the community evaluable: its campaign of the year, now.
  await ensureCommunityCampaigns(deps, [unit.id], actor);
  return unit;
}

export interface PairingCounts {
  leaders: number;
  departments: number;
  pairings: number;
}

export interface PairingImportSummary {
  /** Registered by this import. */
  created: PairingCounts;
  /** In the file: new or already registered unchanged. */
  total: PairingCounts;
}

/** Read, check and register a file, all or nothing: every problem of the rows and of the record at once. */
async function registerFile(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  actor: string,
  file: { data: Uint8Array; format: ImportFormat; charset?: string; rowSchema: z.ZodType<PairingRow> },
) {
  const parsed = await parsePairingFile(file.data, file.format, file.rowSchema, { charset: file.charset });
  const plan = planPairings(parsed);
  const ownProblems = [...parsed.problems, ...plan.problems];
  const rule = await loadEntriesRule(deps.prisma);
  let result: PairingResult | undefined;
  try {
    // With rows at fault, a dry run still asks the record about the others: one answer lists every problem.
    result = await registerPairings(deps.prisma, plan.batch, { actor, now: deps.clock() }, rule, {
      dryRun: ownProblems.length > 0,
    });
  } catch (err) {
    if (!(err instanceof PairingError)) throw err;
    ownProblems.push(...pairingProblemsAtRows(parsed, plan, err.problems));
  }
  if (ownProblems.length || !result) {
    throw ImportRejected.ofProblems(ownProblems.sort((a, b) => a.row - b.row));
  }
  return { plan, result };
}

/**
 * Import the entries' pairings from a spreadsheet (CSV or XLSX; columns: domain/pairing-import.ts):
 * registered in one transaction, then the communities' evaluation campaigns and every leader's visit
 * obligation of the file are started (a repeated import starts what is not running). A file at fault
 * throws ImportRejected with every problem; obligations that did not start, a 503.
 */
export async function importPairings(
  deps: ServiceDeps,
  caller: Caller,
  file: { data: Uint8Array; format: ImportFormat; charset?: string; rowSchema: z.ZodType<PairingRow> },
): Promise<PairingImportSummary> {
  const { log } = deps;
  const actor = actorOf(caller);
  const { plan, result } = await registerFile(deps, actor, file);
  const summary: PairingImportSummary = {
    created: result.created,
    total: {
      leaders: plan.batch.leaders.length,
      departments: plan.batch.departments.length,
      pairings: plan.batch.pairings.length,
    },
  };
  log.info('Pairings imported', { format: file.format, ...summary });
  // Communities with departments paired now are evaluable: their campaigns of the year, now.
  await ensureCommunityCampaigns(deps, [...new Set(result.pairings.map((p) => p.communityId))], actor);

  // Every leader of the file, not only the new ones: a repeated import restarts what is not running.
  try {
    await startVisitObligations(
      deps,
      result.leaders.map((l) => l.id),
    );
  } catch (err) {
    log.error('Pairings imported but the leaders’ visit obligations did not all start', err);
    throw new ServiceError(
      503,
      'obligations_not_started',
      bilingual(
        `结对已登记（新建领导 ${summary.created.leaders} 位），但部分走访义务未能启动：请稍后重新导入同一文件`,
        `The pairings were registered (${summary.created.leaders} new leaders) but not all visit obligations started: import the same file again later`,
      ),
      'file',
    );
  }
  return summary;
}
