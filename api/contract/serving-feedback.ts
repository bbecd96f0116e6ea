/** The third entry: quarterly feedback to employers (反馈), receipts, year-end evaluation (评议) (owner while being built: H4). */
import type { OperationSpec, RequestComponent } from './types';

export const servingFeedbackRequests: readonly RequestComponent[] = [];

export const servingFeedbackOperations: readonly OperationSpec[] = [];
