export * from './state-store';
export * from './memory-state-store';
export * from './routed-state-store';
