/**
 * `npm run setup`: installs what the project needs besides node_modules (infra/embedded/setup.ts).
 * `npm run setup -- --cluster`: also builds the Temporal server for `npm run cluster`.
 */
import { loadConfig } from '../infra/config';
import type { Log } from '../infra/embedded/tools';
import { runSetup } from '../infra/embedded/setup';

const log: Log = (line) => process.stdout.write(`${line}\n`);
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--cluster');
if (unknown.length) {
  process.stderr.write(`Unknown argument ${unknown.join(' ')}. Usage: npm run setup [-- --cluster]\n`);
  process.exit(2);
}
runSetup(loadConfig(), log, { cluster: args.includes('--cluster') }).catch((err: unknown) => {
  process.stderr.write(`\n✗ Setup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
