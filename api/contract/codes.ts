/** The contract's plain vocabulary, shared by the schemas (common.ts) and the operation types (types.ts): the roles and the error codes. */

/** The roles of access control. */
export const ROLES = ['admin', 'supervisor', 'convener', 'leader', 'department', 'rater', 'member'] as const;

/**
 * Every error code the API answers with, by HTTP status. The code is stable (clients branch on
 * it); the message is for people and may change.
 */
export const ERROR_CODES = {
  400: ['invalid_input'],
  401: ['unauthenticated', 'invalid_credentials'],
  403: ['forbidden', 'password_change_required'],
  404: ['not_found', 'no_mail_sink'],
  409: [
    'duplicate',
    'unit_code_taken',
    'unit_has_children',
    'username_taken',
    'item_state',
    'not_in_queue',
    'no_upper_level',
    'code_taken',
    'campaign_not_open',
    'duplicate_rater',
    'in_progress',
    'employer_has_members',
  ],
  410: ['receipt_confirmed', 'receipt_expired'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: ['idempotency_key_reused'],
  429: ['rate_limited'],
  500: ['internal'],
  503: ['obligations_not_started', 'database_unavailable'],
} as const satisfies Record<number, readonly [string, ...string[]]>;

export type ErrorStatus = keyof typeof ERROR_CODES;
