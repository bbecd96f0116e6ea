/** The first admin, created at the first start (when there are no users yet). */
import type { PrismaClient } from '@prisma/client';
import { hashPassword } from '../infra/auth';
import { bootstrapAdminCredentials } from '../infra/bootstrap';
import type { AppConfig } from '../infra/config';
import type { Logger } from '../infra/log';
import { createBootstrapAdmin, hasUsers } from '../records/bootstrap-admin';
import { isUniqueViolation } from '../records/errors';

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
  try {
    // The user and its audit row together: an API replica stopped between them leaves neither.
    const passwordHash = await hashPassword(password);
    await prisma.$transaction((tx) => createBootstrapAdmin(tx, { username, passwordHash, at: clock() }));
  } catch (err) {
    // Replicas started together: another one created it first (the same BOOTSTRAP_ADMIN_USERNAME).
    if (!isUniqueViolation(err)) throw err;
    log.info(`First admin "${username}" was created by another API replica`);
    return;
  }
  log.info(
    file
      ? `First admin "${username}" created; its password is in ${file}`
      : `First admin "${username}" created from BOOTSTRAP_ADMIN_*`,
  );
}
