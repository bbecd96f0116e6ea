/** `npm run setup`: installs what the project needs besides node_modules (infra/embedded/setup.ts). */
import { loadConfig } from '../infra/config';
import type { Log } from '../infra/embedded/tools';
import { runSetup } from '../infra/embedded/setup';

const log: Log = (line) => process.stdout.write(`${line}\n`);
runSetup(loadConfig(), log).catch((err: unknown) => {
  process.stderr.write(`\n✗ Setup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
