export * from './catalogue';
export * from './turn-info';
export * from './replies';
export * from './capability-dialog';
export * from './coming-soon-dialog';
export * from './main-dialog';
