export * from './lowdb-state-store';
export * from './lowdb-roster';
