export * from './create-server';
export * from './activity-body';
