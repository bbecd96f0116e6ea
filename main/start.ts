/** `npm start`: everything in one process, on embedded defaults unless env says otherwise. */
import { loadConfig } from '../infra/config';
import { runUntilSignalled } from './runtime';
import { ensureSetup } from '../infra/embedded/setup';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureSetup(config, (m) => process.stdout.write(m + '\n'));
  await runUntilSignalled('all', config);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
