export * from './intents';
export * from './messages';
export * from './load-knowledge';
export * from './numbers';
export * from './situations';
export * from './emergency-triggers';
export * from './directory';
export * from './load-orientation';
