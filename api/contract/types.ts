/**
 * The vocabulary of the API contract: what an operation, a response and a link are, the media
 * types, and the two registries whose schemas become `#/components/schemas/<id>` of the OpenAPI
 * document. Every file of api/contract/ builds on this one; api/openapi.ts assembles the
 * document from them (it is never imported by the contract).
 */
import { z } from 'zod';
import type { ErrorStatus, ROLES } from './codes';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NDJSON_TYPE = 'application/x-ndjson';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type JsonSchema = Record<string, unknown>;

/** What a schema registered as a component carries: its id in the document. */
export interface ComponentMeta {
  id: string;
  description?: string;
}
export type ComponentRegistry = z.core.$ZodRegistry<ComponentMeta>;

/** One response: a registered zod schema (JSON body), or a description with optional content. */
export type ResponseSpec =
  | z.ZodType
  | {
      description: string;
      schema?: z.ZodType;
      /** Raw media types → JSON Schema, for non-JSON bodies. */
      content?: Record<string, JsonSchema>;
      headers?: Record<string, { description: string; schema: JsonSchema }>;
      /** OpenAPI links (stateful fuzzing follows them): name → { operationId, parameters }. */
      links?: Record<string, Link>;
    };

/** An OpenAPI link: runtime expressions for the next operation's parameters (and body fields). */
export interface Link {
  operationId: string;
  parameters: Record<string, string>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** OpenAPI style: /api/units/{unitRef} */
  path: string;
  operationId: string;
  summary: { zh: string; en: string };
  description?: string;
  tags: string[];
  /** public: no login (login itself, health, docs). Default: Bearer token or API key. */
  access?: 'public';
  /** Roles allowed (documentation; function-level authorization). Omitted: every logged-in role. */
  roles?: readonly (typeof ROLES)[number][];
  /** Path parameters. */
  params?: Record<string, { schema: z.ZodType; description: string; example?: string }>;
  query?: z.ZodObject;
  /** Idempotency-Key header accepted (JSON POSTs under /api, see api/idempotency.ts). */
  idempotent?: boolean;
  /** JSON body (a schema registered as a request component), or raw media types. */
  body?: { schema: z.ZodType; example?: unknown } | { content: Record<string, JsonSchema>; description: string };
  /** Success responses by status. */
  responses: Record<number, ResponseSpec>;
  /** Error responses: the body is `{error: {code, message, field?}}` with that status's codes. */
  errors: ErrorStatus[];
}

/** A request body schema that becomes a component, with its id. */
export type RequestComponent = readonly [z.ZodType, ComponentMeta];

/** One area of the API (one file of api/contract/): its operations, request components and tag. */
export interface ContractArea {
  operations: readonly OperationSpec[];
  requests?: readonly RequestComponent[];
  tag?: { name: string; description: string };
}

/** Request bodies (io: input — defaults make a field optional). Filled by api/contract/index.ts. */
export const requestRegistry: ComponentRegistry = z.registry<ComponentMeta>();

/** Response bodies (io: output). Each schema is added where it is declared, by `component`. */
export const responseRegistry: ComponentRegistry = z.registry<ComponentMeta>();

/** Registers a response schema as the component `id` (`#/components/schemas/<id>`). */
export function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  responseRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/**
 * A copy of a registry, with some schemas swapped for others under the same id (what-if
 * documents, test/contract.test.ts). The registration order is kept.
 */
export function copyRegistry(
  registry: ComponentRegistry,
  replace: ReadonlyMap<z.ZodType, z.ZodType> = new Map(),
): ComponentRegistry {
  const copy = z.registry<ComponentMeta>();
  for (const schema of registry._idmap.values()) {
    const meta = registry.get(schema);
    if (meta) copy.add(replace.get(schema as z.ZodType) ?? schema, meta);
  }
  return copy;
}
