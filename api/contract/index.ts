/**
 * The OpenAPI description of capabilities kept beside their routes: each file exports its
 * operations and request schemas; api/openapi.ts adds them to the document.
 */
import type { z } from 'zod';
import type { OperationSpec } from '../openapi';

export const CONTRACT_OPERATIONS: readonly OperationSpec[] = [];

export const CONTRACT_REQUESTS: readonly [z.ZodType, { id: string; description?: string }][] = [];
