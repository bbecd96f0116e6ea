/** The third entry's rule and the members' participation obligations (owner while being built: H3). */
import type { OperationSpec, RequestComponent } from './types';

export const servingParticipationRequests: readonly RequestComponent[] = [];

export const servingParticipationOperations: readonly OperationSpec[] = [];
