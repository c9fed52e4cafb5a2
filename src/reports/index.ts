export * from './form';
export * from './form-engine';
export * from './report';
export * from './personal-data';
export * from './memory-report-store';
