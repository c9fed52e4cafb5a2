export * from './content-error';
export * from './read-content-file';
export * from './localised';
export * from './distinct';
export * from './yaml-files';
export * from './spreadsheet-csv';
export * from './local-day';
