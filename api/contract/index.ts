/**
 * The API contract: every area of the API, in the order of the OpenAPI document (operations,
 * then tags). Each file of api/contract/ holds one area's request schemas, response schemas,
 * operations and tag; api/openapi.ts assembles the document from this list.
 */
import { accessOperations, accessRequests, accessTag } from './access';
import { agendaOperations, agendaRequests, agendaTag } from './agenda';
import { auditOperations } from './audit';
import { calendarOperations, calendarRequests, calendarTag } from './calendar';
import { coBuildingOperations, coBuildingRequests, coBuildingTag } from './co-building';
import { dueOperations, dueRequests, dueTag } from './due';
import { entriesOperations, entriesRequests, entriesTag } from './entries';
import { evaluationOperations, evaluationRequests, evaluationTag } from './evaluations';
import { figuresOperations } from './figures';
import { ledgerOperations, ledgerTag } from './ledger';
import { meetingsOperations, meetingsRequests, meetingsTag } from './meetings';
import { pairingImportOperations } from './pairing-import';
import { rulesOperations, rulesRequests, rulesTag } from './rules';
import { serviceOperations, serviceTag } from './service';
import { servingFeedbackOperations, servingFeedbackRequests } from './serving-feedback';
import { servingFiguresOperations, servingFiguresRequests } from './serving-figures';
import { servingNeedsOperations, servingNeedsRequests } from './serving-needs';
import { servingParticipationOperations, servingParticipationRequests } from './serving-participation';
import { servingRegistrationOperations, servingRegistrationRequests, servingTag } from './serving-registration';
import { supervisionOperations, supervisionRequests, supervisionTag } from './supervision';
import { type ContractArea, type OperationSpec, type RequestComponent, requestRegistry } from './types';
import { unitsOperations, unitsRequests, unitsTag } from './units';
import { usersOperations, usersRequests } from './users';
import { webOperations, webTag } from './web';

export const CONTRACT_AREAS: readonly ContractArea[] = [
  { operations: serviceOperations, tag: serviceTag },
  { operations: accessOperations, requests: accessRequests, tag: accessTag },
  { operations: auditOperations },
  { operations: unitsOperations, requests: unitsRequests, tag: unitsTag },
  { operations: meetingsOperations, requests: meetingsRequests, tag: meetingsTag },
  { operations: agendaOperations, requests: agendaRequests, tag: agendaTag },
  { operations: rulesOperations, requests: rulesRequests, tag: rulesTag },
  { operations: supervisionOperations, requests: supervisionRequests, tag: supervisionTag },
  { operations: figuresOperations },
  { operations: ledgerOperations, tag: ledgerTag },
  { operations: coBuildingOperations, requests: coBuildingRequests, tag: coBuildingTag },
  { operations: evaluationOperations, requests: evaluationRequests, tag: evaluationTag },
  { operations: entriesOperations, requests: entriesRequests, tag: entriesTag },
  { operations: pairingImportOperations },
  { operations: servingRegistrationOperations, requests: servingRegistrationRequests, tag: servingTag },
  { operations: servingNeedsOperations, requests: servingNeedsRequests },
  { operations: servingParticipationOperations, requests: servingParticipationRequests },
  { operations: servingFeedbackOperations, requests: servingFeedbackRequests },
  { operations: servingFiguresOperations, requests: servingFiguresRequests },
  { operations: webOperations, tag: webTag },
  { operations: calendarOperations, requests: calendarRequests, tag: calendarTag },
  { operations: usersOperations, requests: usersRequests },
  { operations: dueOperations, requests: dueRequests, tag: dueTag },
];

/** Every operation of the API. Paths are OpenAPI style. */
export const CONTRACT_OPERATIONS: readonly OperationSpec[] = CONTRACT_AREAS.flatMap((a) => a.operations);

/** The request bodies that become components. */
export const CONTRACT_REQUESTS: readonly RequestComponent[] = CONTRACT_AREAS.flatMap((a) => a.requests ?? []);

/** The tags of the document, in order. */
export const CONTRACT_TAGS: readonly { name: string; description: string }[] = CONTRACT_AREAS.flatMap((a) =>
  a.tag ? [a.tag] : [],
);

for (const [schema, meta] of CONTRACT_REQUESTS) requestRegistry.add(schema, meta);

export { requestRegistry, responseRegistry } from './types';
