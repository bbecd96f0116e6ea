/**
 * One field, one edit (issue 15): a field added to a response schema of the contract
 * (api/contract/) reaches the OpenAPI document and the dashboard's generated types with no other
 * edit, and the committed web/src/api-types.ts is what generation of the real document gives.
 * No server, no database.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CONTRACT_OPERATIONS } from '../api/contract';
import { plannedMeeting } from '../api/contract/meetings';
import {
  copyRegistry,
  type OperationSpec,
  requestRegistry,
  type ResponseSpec,
  responseRegistry,
} from '../api/contract/types';
import { buildOpenApiDocument } from '../api/openapi';
import { API_TYPES_PATH, generateApiTypes } from '../scripts/contract-types';

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

/** The contract's operations with some response schemas swapped for others. */
function withResponses(replace: ReadonlyMap<z.ZodType, z.ZodType>): OperationSpec[] {
  const swap = (spec: ResponseSpec): ResponseSpec => {
    if (spec instanceof z.ZodType) return replace.get(spec) ?? spec;
    return spec.schema ? { ...spec, schema: replace.get(spec.schema) ?? spec.schema } : spec;
  };
  return CONTRACT_OPERATIONS.map((op) => ({
    ...op,
    responses: Object.fromEntries(Object.entries(op.responses).map(([status, spec]) => [status, swap(spec)])),
  }));
}

/** The block of one schema in the generated `components['schemas']` (indented by two levels). */
function schemaBlock(types: string, id: string): string {
  const match = new RegExp(`\\n {4}${id}: \\{\\n([\\s\\S]*?)\\n {4}\\};`).exec(types);
  if (!match) throw new Error(`components['schemas']['${id}'] is not in the generated types`);
  return match[1]!;
}

describe('one field, one edit', () => {
  it('a field added to a response schema is in the document and in the generated types', async () => {
    const extended = plannedMeeting.extend({ someNewField: z.string().describe('Added by the test') });
    const replace = new Map<z.ZodType, z.ZodType>([[plannedMeeting, extended]]);
    const doc = buildOpenApiDocument(withResponses(replace), {
      requests: requestRegistry,
      responses: copyRegistry(responseRegistry, replace),
    }) as unknown as Doc;

    // The document: the component the operation answers with has the field, required.
    const created = doc.paths['/api/units/{unitRef}/planned-meetings']!.post!.responses['201']!;
    expect(created.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/PlannedMeeting' } },
    });
    const component = doc.components.schemas.PlannedMeeting!;
    expect(component.properties?.someNewField).toEqual({ type: 'string', description: 'Added by the test' });
    expect(component.required).toContain('someNewField');

    // The generated types: openapi-typescript's programmatic API (openapiTS, astToString) on that
    // document, as `npm run contract:types` runs it.
    const types = await generateApiTypes(doc as unknown as Record<string, unknown>);
    expect(schemaBlock(types, 'PlannedMeeting')).toMatch(/\n\s*someNewField: string;/);

    // …and nothing of it in the real contract (the test sees the difference).
    const real = buildOpenApiDocument() as unknown as Doc;
    expect(real.components.schemas.PlannedMeeting!.properties).not.toHaveProperty('someNewField');
    expect(schemaBlock(await readFile(API_TYPES_PATH, 'utf8'), 'PlannedMeeting')).not.toContain('someNewField');
  });

  it('the committed web/src/api-types.ts is what generation of the real document gives', async () => {
    const committed = await readFile(API_TYPES_PATH, 'utf8');
    const generated = await generateApiTypes();
    // The same check as `npm run contract:check`; compared whole, reported in one line.
    expect(
      committed === generated ? 'up to date' : 'web/src/api-types.ts is out of date: run npm run contract:types',
    ).toBe('up to date');
    expect(schemaBlock(committed, 'PlannedMeeting')).toMatch(/\n\s*workflowId: string;/);
  });
});
