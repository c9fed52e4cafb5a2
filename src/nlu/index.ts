export * from './normalise';
export * from './recognizer';
export * from './natural-recognizer';
export * from './fuzzy-matcher';
export * from './text-classifier';
