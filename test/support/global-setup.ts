/**
 * Before any test: make sure the Temporal CLI, the Java test server, the Prisma client, the web
 * bundle and what the tests need from the system (Chromium, a CJK font, PostgreSQL — installed with
 * apt-get as root, else named) are there.
 */
import { loadConfig } from '../../infra/config';
import { ensureSetup } from '../../infra/embedded/setup';

export default async function globalSetup(): Promise<void> {
  await ensureSetup(loadConfig(), (line) => process.stdout.write(line + '\n'), { forTests: true });
}
