/** Service and documentation: liveness, readiness, the OpenAPI document and its page. */
import { z } from 'zod';
import { component, type OperationSpec } from './types';

// --- Service ---------------------------------------------------------------------------------

export const health = component('Health', z.object({ status: z.literal('ok') }));
export const ready = component('Ready', z.object({ status: z.literal('ready') }));

export const serviceOperations: OperationSpec[] = [
  // Service
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: { zh: '存活检查', en: 'Liveness' },
    tags: ['service'],
    access: 'public',
    responses: { 200: health },
    errors: [],
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: { zh: '就绪检查（数据库可用）', en: 'Readiness (the database answers)' },
    tags: ['service'],
    access: 'public',
    responses: { 200: ready },
    errors: [503],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: { zh: '本 OpenAPI 3.1 文档', en: 'This OpenAPI 3.1 document' },
    tags: ['service'],
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { type: 'object' } } } },
    errors: [],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    summary: { zh: '交互式 API 文档', en: 'Interactive API documentation' },
    tags: ['service'],
    access: 'public',
    responses: { 200: { description: 'HTML page (Swagger UI)', content: { 'text/html': { type: 'string' } } } },
    errors: [],
  },
];

/** The tag of these operations. */
export const serviceTag = { name: 'service', description: '服务与文档 / Service and documentation' };
