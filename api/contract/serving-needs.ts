/** The third entry: needs lists (服务需求 / 微心愿), claims (认领) and service cards (owner while being built: H2). */
import type { OperationSpec, RequestComponent } from './types';

export const servingNeedsRequests: readonly RequestComponent[] = [];

export const servingNeedsOperations: readonly OperationSpec[] = [];
