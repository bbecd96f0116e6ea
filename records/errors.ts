/** What a database error means: a key already taken, or the database out of reach. */
import { Prisma } from '@prisma/client';

/** A unique constraint refused the write (P2002): the record exists already. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

/** Prisma codes for "the database cannot be reached / went away": P1001 can't reach, P1002 timed out
 *  reaching, P1008 operation timed out, P1017 server closed the connection, P2037 too many connections. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2037']);
/** The driver adapter's kinds for the same (@prisma/adapter-pg's mapping of socket errors). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors of node-postgres while the server is down or restarting. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** SQLSTATE: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash, cannot connect now), 53300. */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Cannot use a pool after calling end/i;

/**
 * Whether an error means PostgreSQL is unreachable (down, restarting, connections cut) rather
 * than a fault of the request or the code: Prisma's known codes, the driver adapter's error
 * (`meta.driverAdapterError`, `cause`), node-postgres socket and pool errors, anywhere in the chain.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 6) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const k of ['code', 'errorCode', 'originalCode']) {
      const v = o[k];
      if (typeof v !== 'string') continue;
      if (UNAVAILABLE_PRISMA_CODES.has(v) || UNAVAILABLE_ERRNOS.has(v) || UNAVAILABLE_SQLSTATE.test(v)) return true;
    }
    if (typeof o.kind === 'string' && UNAVAILABLE_KINDS.has(o.kind)) return true;
    for (const k of ['message', 'originalMessage']) {
      const v = o[k];
      if (typeof v === 'string' && UNAVAILABLE_MESSAGE.test(v)) return true;
    }
    const meta = o.meta as Record<string, unknown> | undefined;
    return [o.cause, meta?.driverAdapterError, ...(Array.isArray(o.errors) ? (o.errors as unknown[]) : [])].some((c) =>
      visit(c, depth + 1),
    );
  };
  return visit(err, 0);
}
