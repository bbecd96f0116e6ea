/**
 * The call profile shared by every activity that sends notices: such an attempt heartbeats
 * (activities/ledger.ts, before and after each send), so a worker killed mid-send has its attempt
 * retried after this long instead of after the whole start-to-close timeout. It must exceed the
 * longest silent wait of an attempt: the mailer's SMTP socket timeout (20 s, infra/mailer.ts), a
 * webhook call (5 s) and one database call (connection timeout 10 s, infra/db.ts).
 */
export const NOTICE_HEARTBEAT_TIMEOUT = '30 seconds';
