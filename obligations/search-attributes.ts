/**
 * The client side of the workflows' search attributes (workflows/search-attributes.ts): making
 * sure the namespace has them, and the start options that set them (and the memo) where the
 * starting code knows the unit.
 *
 * Attributes are set only through a client marked as indexed (`markIndexed`, after
 * `ensureSearchAttributes` found or registered them all): a start or upsert naming an
 * unregistered attribute is refused by the server, so a namespace without them (or the
 * time-skipping test server, which cannot list them) gets the memo only, and its workflows
 * never upsert (the worker's plan activities are told the same, `ActivityDeps.searchAttributes`).
 */
import type { Client } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import {
  type Obligation,
  SEARCH_ATTRIBUTE_KEYS,
  searchAttributesOf,
  type UnitIndex,
} from '../domain/search-attributes';
import type { Logger } from '../infra/log';

type OperatorService = Client['connection']['operatorService'];

const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/** The commands that register the attributes on a cluster (README.md shows them too). */
export function registerCommands(namespace: string): string[] {
  return SEARCH_ATTRIBUTE_KEYS.map(
    (k) => `temporal operator search-attribute create --namespace ${namespace} --name ${k.name} --type Keyword`,
  );
}

/**
 * Make sure the namespace has every attribute: list them, register the missing ones (logging
 * what it did). True when all are there afterwards; false (with a warning naming the commands)
 * when they cannot be listed or registered — the service then runs without them.
 */
export async function ensureSearchAttributes(
  operatorService: OperatorService,
  namespace: string,
  log: Logger,
): Promise<boolean> {
  let existing: Record<string, unknown>;
  try {
    const listed = await operatorService.listSearchAttributes({ namespace });
    existing = { ...listed.customAttributes, ...listed.systemAttributes };
  } catch (err) {
    log.warn('Search attributes: cannot list them; workflows are started without them', {
      namespace,
      err: String(err),
    });
    return false;
  }
  const wrongType = SEARCH_ATTRIBUTE_KEYS.filter((k) => k.name in existing && existing[k.name] !== KEYWORD);
  if (wrongType.length) {
    log.warn('Search attributes: registered with another type than Keyword; workflows are started without them', {
      namespace,
      attributes: wrongType.map((k) => k.name),
    });
    return false;
  }
  const missing = SEARCH_ATTRIBUTE_KEYS.filter((k) => !(k.name in existing)).map((k) => k.name);
  if (!missing.length) return true;
  try {
    await operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
    });
    log.info('Search attributes registered', { namespace, attributes: missing });
    return true;
  } catch (err) {
    log.warn('Search attributes: could not register them; workflows are started without them. Register them with', {
      namespace,
      missing,
      commands: registerCommands(namespace),
      err: String(err),
    });
    return false;
  }
}

const indexedClients = new WeakSet<Client>();

/** This client's namespace has the attributes: starts through it set them. */
export function markIndexed(client: Client): void {
  indexedClients.add(client);
}

export function isIndexed(client: Client): boolean {
  return indexedClients.has(client);
}

/** What a start sets besides its arguments: the attributes (when indexed) and the memo. */
export function startIndex(
  client: Client,
  obligation: Obligation,
  unit: (UnitIndex & { unitName: string }) | null,
  options: { periodKey?: string; memo?: Record<string, string> } = {},
): { typedSearchAttributes?: SearchAttributePair[]; memo?: Record<string, string> } {
  const memo = { ...(unit ? { unitName: unit.unitName } : {}), ...options.memo };
  return {
    ...(isIndexed(client) ? { typedSearchAttributes: searchAttributesOf(obligation, unit, options.periodKey) } : {}),
    ...(Object.keys(memo).length ? { memo } : {}),
  };
}
