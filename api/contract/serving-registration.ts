/** The third entry: employers (单位报到) and in-service Party members (个人报到), their import (owner while being built: H1). */
import type { OperationSpec, RequestComponent } from './types';

export const servingRegistrationRequests: readonly RequestComponent[] = [];

export const servingRegistrationOperations: readonly OperationSpec[] = [];

/** The tag of every operation of the third entry. */
export const servingTag = {
  name: 'Serving Party members',
  description:
    '在职党员普遍进（双报到）：报到单位与在职党员到社区报到、需求清单与认领、服务记录卡、季度反馈与回执、年度评议。 / The third entry: in-service Party members and their employers register with communities; needs, claims, service cards, quarterly feedback with receipts, the yearly evaluation.',
};
