/** The employer's receipt of the quarterly feedback: a single-use link, no login (mounted before authentication). */
import { Router } from 'express';
import { confirmReceipt, receiptOf } from '../../../services/serving-feedback';
import { receiptConfirmInput, receiptToken } from '../../contract/serving-feedback';
import { parseInput } from '../../errors';
import { receiptConfirmedView, receiptView } from '../../views/serving-feedback';
import type { ApiDeps } from '../../deps';

export function receiptsRouter(deps: ApiDeps): Router {
  const router = Router();

  /** What the link shows: the employer's own members' records in the quarter. 404 unknown, 410 used or expired. */
  router.get('/serving/receipts/:token', async (req, res) => {
    const token = parseInput(receiptToken, req.params.token, 'token');
    res.json(receiptView(await receiptOf(deps, token)));
  });

  /** Confirm once: the second use answers 410. */
  router.post('/serving/receipts/:token/confirm', async (req, res) => {
    const token = parseInput(receiptToken, req.params.token, 'token');
    const input = parseInput(receiptConfirmInput, req.body);
    res.json(receiptConfirmedView(await confirmReceipt(deps, token, input)));
  });

  return router;
}
