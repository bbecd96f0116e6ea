/** Import of employers and members from a CSV or XLSX file with Chinese headers (owner while being built: H1). Raw body: mounted ahead of idempotency. */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function servingImportRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
