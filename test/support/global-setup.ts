/** Before any test: make sure the Temporal CLI, the Java test server and the Prisma client are there. */
import { loadConfig } from '../../infra/config';
import { ensureSetup } from '../../scripts/setup';

export default async function globalSetup(): Promise<void> {
  await ensureSetup(loadConfig(), (line) => process.stdout.write(line + '\n'));
}
