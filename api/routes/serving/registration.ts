/** Registration of employers (单位报到) and in-service Party members (个人报到), and their import (owner while being built: H1). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function registrationRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
