export * from './role';
export * from './roster';
export * from './role-resolver';
