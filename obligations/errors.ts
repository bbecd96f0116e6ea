/**
 * What a Temporal client error means for the caller: Temporal out of reach for the moment (its
 * frontend down or restarting, a deadline passed, or — right after its database came back — a
 * namespace it has not reloaded yet), as opposed to a bug. The API answers those 503 with
 * Retry-After, as it does when the database is down, instead of 500.
 */
import { isGrpcServiceError, NamespaceNotFoundError } from '@temporalio/client';

/** gRPC status codes (grpc/status.proto): DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE. */
const UNAVAILABLE_GRPC_CODES = new Set([4, 8, 14]);

export function isTemporalUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof NamespaceNotFoundError) return true;
    if (isGrpcServiceError(e) && UNAVAILABLE_GRPC_CODES.has(e.code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
