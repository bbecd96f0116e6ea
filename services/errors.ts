/**
 * The one error type of the service: what went wrong, the HTTP status it answers with, its code and
 * the field it names. Acts (services/) throw it; the API's one error handler (api/errors.ts, where it
 * is also called ApiError) turns it into the answer.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  static badRequest(field: string, message: string): ServiceError {
    return new ServiceError(400, 'invalid_input', message, field);
  }
  static notFound(what: string): ServiceError {
    return new ServiceError(404, 'not_found', `${what} not found`);
  }
  static conflict(code: string, message: string, field?: string): ServiceError {
    return new ServiceError(409, code, message, field);
  }
}

/**
 * An act that failed because Temporal is out of reach for the moment (obligations/errors.ts): the
 * API answers 503 temporal_unavailable with Retry-After instead of 500.
 */
export { isTemporalUnavailable } from '../obligations/errors';
