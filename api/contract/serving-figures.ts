/** The third entry's figures per community and street (owner while being built: H5). */
import type { OperationSpec, RequestComponent } from './types';

export const servingFiguresRequests: readonly RequestComponent[] = [];

export const servingFiguresOperations: readonly OperationSpec[] = [];
