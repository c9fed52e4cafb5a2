export * from './relais-bot';
export * from './route';
export * from './recognizer-trace';
export * from './turn-error';
