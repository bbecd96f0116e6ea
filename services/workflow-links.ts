/**
 * What the dashboard needs to link an obligation to its workflow: the Temporal Web UI, the
 * namespace, and whether workflows carry the search attributes (obligations/search-attributes.ts).
 */
import type { Client } from '@temporalio/client';
import { isIndexed } from '../obligations/search-attributes';

export interface WorkflowLinks {
  temporalUiUrl: string | null;
  namespace: string;
  searchAttributes: boolean;
}

export function workflowLinksOf(deps: { temporalUiUrl?: string; temporal?: Client }): WorkflowLinks {
  return {
    temporalUiUrl: deps.temporalUiUrl ?? null,
    namespace: 'default',
    searchAttributes: deps.temporal ? isIndexed(deps.temporal) : false,
  };
}
