export * from './normalise';
export * from './recognizer';
export * from './natural-recognizer';
export * from './fuzzy-matcher';
export * from './text-classifier';
export * from './directory-search';
export * from './cue-matcher';
export * from './rule-resolver';
