/** The Express application: login, access control, routes, validation, idempotency and one error handler. */
import express, { type Express } from 'express';
import type { ApiDeps } from './deps';
import { agendaRouter } from './routes/agenda';
import { coBuildingRouter } from './routes/co-building';
import { entriesRouter } from './routes/entries';
import { servingRouter } from './routes/serving';
import { servingImportRouter } from './routes/serving/import';
import { receiptsRouter } from './routes/serving/receipts';
import { evaluationsRouter } from './routes/evaluations';
import { auditRouter } from './routes/audit';
import { calendarRouter } from './routes/calendar';
import { dueRouter } from './routes/due';
import { escalationRulesRouter } from './routes/escalation-rules';
import { figuresRouter } from './routes/figures';
import { authenticate, loginRouter } from './auth';
import { usersRouter } from './routes/users';
import { docsRouter } from './docs';
import { ApiError, errorHandler, rejectNul } from './errors';
import { idempotency } from './idempotency';
import { importsRouter } from './routes/imports';
import { pairingImportRouter } from './routes/pairing-import';
import { ledgerRouter } from './routes/ledger';
import { rulesRouter } from './routes/rules';
import { supervisionRouter } from './routes/supervision';
import { unitsRouter } from './routes/units';
import { webRouter } from './routes/web';

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // req.ip — the address the login throttle counts — is X-Forwarded-For's only from these proxies.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(express.json({ limit: '1mb' }));
  app.use(rejectNul);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: the database answers (else 503 database_unavailable from the error handler), so a
  // load balancer stops sending requests that could only fail; /healthz stays liveness.
  app.get('/readyz', async (_req, res) => {
    await deps.prisma.$queryRaw`SELECT 1`;
    res.json({ status: 'ready' });
  });
  app.use(docsRouter()); // public: GET /openapi.json and /docs (Swagger UI)
  app.use('/api', loginRouter(deps)); // the one route without a login
  app.use('/api', receiptsRouter(deps)); // an employer's receipt link: its single-use token instead of a login
  app.use('/api', authenticate(deps));
  app.use('/api/units/import', importsRouter(deps)); // a raw body: ahead of idempotency, which cannot hash it
  app.use('/api/pairings/import', pairingImportRouter(deps));
  app.use('/api/serving/import', servingImportRouter(deps));
  app.use('/api', idempotency(deps.prisma, deps.clock));
  app.use('/api', usersRouter(deps));
  app.use('/api', auditRouter(deps));
  app.use('/api', dueRouter(deps)); // ahead of /api/units/:unitRef, which would take /api/units/directory
  app.use('/api/units', unitsRouter(deps));
  app.use('/api/cadence-rules', rulesRouter(deps));
  app.use('/api', ledgerRouter(deps));
  app.use('/api', supervisionRouter(deps));
  app.use('/api', agendaRouter(deps));
  app.use('/api', escalationRulesRouter(deps));
  app.use('/api', figuresRouter(deps));
  app.use('/api', entriesRouter(deps));
  app.use('/api', servingRouter(deps));
  app.use('/api', coBuildingRouter(deps));
  app.use('/api', evaluationsRouter(deps));
  app.use('/api', calendarRouter(deps));
  app.use(webRouter(deps)); // the dashboard at / (public) and GET /api/ui-config (logged in, above)
  app.use((req, _res, next) => next(new ApiError(404, 'not_found', `No route ${req.method} ${req.path}`)));
  app.use(errorHandler((msg, err) => deps.log.error(msg, err)));
  return app;
}
