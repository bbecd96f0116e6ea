// Everything the worker's workflow bundle contains.
export * from './meeting-cadence';
