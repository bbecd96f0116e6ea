/**
 * Importing the organisation tree from a spreadsheet (CSV or XLSX): every row is checked, then the
 * units are registered in one transaction (all or nothing), then the meeting obligation of every
 * unit of the file is started (a repeated import restarts what is not running). Rows at fault
 * reject the file (ImportRejected, by row and column); progress is reported as it goes.
 */
import type { z } from 'zod';
import {
  bilingual,
  type ImportFormat,
  ImportRejected,
  parseUnitFile,
  problemsAtRows,
  type RowProblem,
} from '../domain/org-import';
import { startMeetingObligations } from '../obligations/meeting-cadence';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { ensureCommunityCampaigns } from './evaluation';
import { type NewUnit, RegistryError, registerUnits } from './units';

export interface ImportSummary {
  created: number;
  unchanged: number;
  total: number;
}

/** An error as the API answers it. */
export interface ImportErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ImportRejection extends ImportErrorBody {
  rows: RowProblem[];
}

export type ImportProgress =
  | { phase: 'received'; bytes: number }
  | { phase: 'validated'; total: number }
  | { phase: 'registering'; total: number }
  | ({ phase: 'registered' } & ImportSummary)
  | { phase: 'obligations'; done: number; total: number }
  | ({ phase: 'done' } & ImportSummary)
  | ({ phase: 'rejected' } & ImportRejection)
  | ({ phase: 'error' } & ImportErrorBody);

export interface UnitFile {
  data: Buffer;
  format: ImportFormat;
  charset?: string;
  /** What one row must be (the contract's row schema). */
  rowSchema: z.ZodType<NewUnit>;
}

type ImportDeps = Pick<ServiceDeps, 'prisma' | 'clock' | 'webhookPolicy' | 'temporal' | 'taskQueue' | 'log'>;

/** What the registry would say of the valid rows, leaving out parents that are rows at fault. */
async function treeProblems(deps: ImportDeps, partial: NonNullable<ImportRejected['partial']>, actor: string) {
  const units = partial.units as NewUnit[];
  try {
    await registerUnits(deps, { actor }, units, { dryRun: true });
    return [];
  } catch (err) {
    if (!(err instanceof RegistryError)) throw err;
    const relevant = err.problems.filter(
      (p) => !(p.field === 'parentCode' && partial.invalidCodes.has(units[p.index]?.parentCode ?? '')),
    );
    return problemsAtRows(partial, relevant);
  }
}

/** The file's units, or the rejection naming every problem: the rows at fault and the tree's problems of the others. */
async function unitsOfFile(deps: ImportDeps, file: UnitFile, actor: string) {
  try {
    return await parseUnitFile(file.data, file.format, file.rowSchema, { charset: file.charset });
  } catch (err) {
    // Rows at fault: check the valid ones against the tree too, so one answer lists every problem.
    if (err instanceof ImportRejected && err.partial?.units.length) {
      throw ImportRejected.ofProblems(
        [...err.problems, ...(await treeProblems(deps, err.partial, actor))].sort((a, b) => a.row - b.row),
      );
    }
    throw err;
  }
}

/** Start the meeting obligation of every unit, reporting progress (at most every 100 ms, and the last). */
async function startObligations(deps: ImportDeps, unitIds: string[], emit: (p: ImportProgress) => void) {
  let last = 0;
  await startMeetingObligations(deps, unitIds, {
    onProgress: (done, n) => {
      const now = Date.now();
      if (done === n || now - last >= 100) {
        last = now;
        emit({ phase: 'obligations', done, total: n });
      }
    },
  });
}

/**
 * Import a file of units. Rejected files throw ImportRejected (nothing written); units registered
 * whose obligations did not all start throw a 503 ServiceError (import the same file again).
 */
export async function importUnits(
  deps: ImportDeps,
  by: { actor: string },
  file: UnitFile,
  emit: (p: ImportProgress) => void = () => undefined,
): Promise<ImportSummary> {
  emit({ phase: 'received', bytes: file.data.byteLength });
  const parsed = await unitsOfFile(deps, file, by.actor);
  const total = parsed.units.length;
  emit({ phase: 'validated', total });

  const beat = setInterval(() => emit({ phase: 'registering', total }), 10_000);
  let registered;
  try {
    emit({ phase: 'registering', total });
    registered = await registerUnits(deps, by, parsed.units);
  } catch (err) {
    if (err instanceof RegistryError) throw ImportRejected.ofProblems(problemsAtRows(parsed, err.problems));
    throw err;
  } finally {
    clearInterval(beat);
  }
  const summary = { created: registered.created, unchanged: total - registered.created, total };
  emit({ phase: 'registered', ...summary });
  deps.log.info('Units imported', { format: file.format, ...summary });

  // Every unit, not only the new ones: a repeated import restarts what is not running.
  try {
    await startObligations(
      deps,
      registered.units.map((u) => u.id),
      emit,
    );
  } catch (err) {
    deps.log.error('Units imported but their meeting obligations did not all start', err);
    throw new ServiceError(
      503,
      'obligations_not_started',
      bilingual(
        `单位已登记（新建 ${summary.created} 个），但部分会议义务未能启动：请稍后重新导入同一文件`,
        `The units were registered (${summary.created} new) but not all meeting obligations started: import the same file again later`,
      ),
      'file',
    );
  }
  // The communities of the file get their evaluation campaign where they are evaluable.
  const communities = registered.units.filter((u) => u.level === 'community' && !u.removedAt).map((u) => u.id);
  await ensureCommunityCampaigns(deps, communities, by.actor);
  return summary;
}
