/** The third entry's figures per community and street, and their XLSX (owner while being built: H5). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function servingFiguresRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
