export * from './create-server';
export * from './activity-body';
export * from './report-links';
export * from './report-pages';
export * from './quiz-pages';
