/** `npm run worker`: a worker alone (production: TEMPORAL_ADDRESS, DATABASE_URL, SMTP_URL set). Scale by running more. */
import { loadConfig } from '../infra/config';
import { runUntilSignalled } from './runtime';

runUntilSignalled('worker', loadConfig()).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
