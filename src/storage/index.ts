export * from './lowdb-state-store';
export * from './lowdb-roster';
export * from './lowdb-report-store';
export * from './file-model-cache';
export * from './lowdb-quiz-store';
