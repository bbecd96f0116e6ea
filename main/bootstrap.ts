/** The first admin, created at the first start (when there are no users yet). */
import type { PrismaClient } from '@prisma/client';
import { hashPassword } from '../infra/auth';
import { bootstrapAdminCredentials } from '../infra/bootstrap';
import type { AppConfig } from '../infra/config';
import type { Logger } from '../infra/log';
import { createBootstrapAdmin, hasUsers } from '../records/bootstrap-admin';

/**
 * With no users yet: create the bootstrap admin from BOOTSTRAP_ADMIN_*; or, embedded and
 * unset, an `admin` whose generated password is written to DATA_DIR/admin-password.txt.
 */
export async function ensureBootstrapAdmin(
  prisma: PrismaClient,
  config: AppConfig,
  log: Logger,
  clock: () => Date,
): Promise<void> {
  if (await hasUsers(prisma)) return;
  const credentials = bootstrapAdminCredentials(config, log);
  if (!credentials) return;
  const { username, password, file } = credentials;
  await createBootstrapAdmin(prisma, { username, passwordHash: await hashPassword(password), at: clock() });
  log.info(
    file
      ? `First admin "${username}" created; its password is in ${file}`
      : `First admin "${username}" created from BOOTSTRAP_ADMIN_*`,
  );
}
