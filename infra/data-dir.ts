/**
 * The embedded data folder (PGlite database, Temporal's SQLite file, captured mail, the token
 * secret) is readable by its owner only: the process's umask becomes 077 so that every file
 * created later is 0600 / 0700, the folder is created 0700, and an existing folder's looser
 * modes (from an older version) are tightened, with a log line saying how many.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Tighten `dir` and everything under it to owner-only; returns how many modes were changed. */
export function secureDataDir(dir: string, log?: { warn(msg: string, meta?: object): void }): number {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let changed = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (err) {
      // gone meanwhile: a file of a server running in the folder (npm run cluster's PostgreSQL)
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (stat.isSymbolicLink()) continue; // never follow a link out of the folder
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(current, stat.mode & 0o700);
        changed++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(current);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      for (const name of names) stack.push(path.join(current, name));
    }
  }
  if (changed && log) {
    log.warn(
      `数据目录权限已收紧 / Data folder permissions tightened: ${changed} files and folders in ${dir} were readable or writable by others; now owner-only`,
      { dir, changed },
    );
  }
  return changed;
}
