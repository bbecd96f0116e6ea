/** The audit trail (api/routes/audit.ts). */
import { z } from 'zod';
import { id, instant, page, pageFields } from './common';
import { component, type OperationSpec } from './types';

export const auditQuery = z.object({
  entity: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(150).optional(),
  action: z.string().min(1).max(50).optional(),
  ...page,
});

export const auditPage = component(
  'AuditPage',
  z.object({
    items: z.array(
      z.object({
        id,
        at: instant,
        actor: z.string().describe('<role>:<username>'),
        action: z.string().describe('e.g. unit.update, meeting.record, rule.change'),
        entity: z.string(),
        entityId: z.string(),
        before: z.unknown().describe('The changed fields before (JSON), or null'),
        after: z.unknown().describe('The changed fields after (JSON), or null'),
      }),
    ),
    ...pageFields,
  }),
);

export const auditOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/audit',
    operationId: 'listAuditEvents',
    summary: { zh: '审计记录', en: 'The audit trail' },
    tags: ['access'],
    roles: ['admin', 'supervisor'],
    query: auditQuery,
    responses: { 200: auditPage },
    errors: [400],
  },
];
