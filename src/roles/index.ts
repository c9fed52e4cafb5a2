export * from './role';
export * from './roster';
export * from './role-resolver';
export * from './signed-token';
export * from './invite';
