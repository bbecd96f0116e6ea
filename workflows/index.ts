// Everything the worker's workflow bundle contains.
export * from './meeting-cadence';
export * from './planned-meeting';
export * from './escalation';
export * from './leader-visit';
export * from './attendance-check';
export * from './evaluation';
export * from './calendar-watch';
export * from './weekly-digest';
export * from './need-claim';
export * from './serving-participation';
export * from './serving-feedback';
