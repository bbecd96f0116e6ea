/** `npm run api`: the HTTP API alone (production: TEMPORAL_ADDRESS and DATABASE_URL set). */
import { loadConfig } from '../infra/config';
import { runUntilSignalled } from './runtime';

runUntilSignalled('api', loadConfig()).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
