export * from './intents';
export * from './messages';
export * from './load-knowledge';
