/**
 * The OpenAPI description of capabilities kept beside their routes: each file exports its
 * operations and request schemas; api/openapi.ts adds them to the document.
 */
import type { z } from 'zod';
import type { OperationSpec } from '../openapi';
import { calendarOperations, calendarRequests, calendarTag } from './calendar';
import { dueOperations, dueRequests, dueTag } from './due';
import { coBuildingOperations, coBuildingRequests, coBuildingTag } from './co-building';
import { entriesOperations, entriesRequests, entriesTag } from './entries';
import { evaluationOperations, evaluationRequests, evaluationTag } from './evaluations';
import { pairingImportOperations } from './pairing-import';
import { usersOperations, usersRequests } from './users';
import { webOperations, webTag } from './web';

export const CONTRACT_OPERATIONS: readonly OperationSpec[] = [
  ...coBuildingOperations,
  ...evaluationOperations,
  ...entriesOperations,
  ...pairingImportOperations,
  ...webOperations,
  ...calendarOperations,
  ...usersOperations,
  ...dueOperations,
];

export const CONTRACT_REQUESTS: readonly [z.ZodType, { id: string; description?: string }][] = [
  ...coBuildingRequests,
  ...evaluationRequests,
  ...entriesRequests,
  ...calendarRequests,
  ...usersRequests,
  ...dueRequests,
];

export const CONTRACT_TAGS: readonly { name: string; description: string }[] = [
  coBuildingTag,
  evaluationTag,
  entriesTag,
  webTag,
  calendarTag,
  dueTag,
];
