/**
 * First-start duties of access control: the token secret and the first admin. Secrets are
 * never logged: a generated admin password goes to a file readable by its owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { hashPassword, randomSecret } from './auth';
import type { AppConfig } from './config';
import type { Logger } from './log';

function writePrivate(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

/** AUTH_TOKEN_SECRET, or (embedded) a secret generated once and kept in the data folder. */
export function resolveTokenSecret(config: AppConfig): string {
  if (config.auth.tokenSecret) return config.auth.tokenSecret;
  const file = path.join(config.dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomSecret(48);
  writePrivate(file, secret + '\n');
  return secret;
}

/**
 * With no users yet: create the bootstrap admin from BOOTSTRAP_ADMIN_*; or, embedded and
 * unset, an `admin` whose generated password is written to DATA_DIR/admin-password.txt.
 */
export async function ensureBootstrapAdmin(prisma: PrismaClient, config: AppConfig, log: Logger): Promise<void> {
  if ((await prisma.user.count()) > 0) return;
  const username = config.auth.bootstrapAdmin?.username ?? 'admin';
  let password = config.auth.bootstrapAdmin?.password ?? '';
  let file: string | undefined;
  if (!password) {
    if (config.env === 'production') {
      log.warn('No users yet: set BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD to create the first admin');
      return;
    }
    password = randomSecret(18);
    file = path.join(config.dataDir, 'admin-password.txt');
    writePrivate(file, `${username}\n${password}\n`);
  }
  const user = await prisma.user.create({
    data: {
      username,
      displayName: '系统管理员 / Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password),
    },
  });
  await prisma.auditEvent.create({
    data: {
      actor: 'system',
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { username, role: 'admin' },
    },
  });
  log.info(
    file
      ? `First admin "${username}" created; its password is in ${file}`
      : `First admin "${username}" created from BOOTSTRAP_ADMIN_*`,
  );
}
