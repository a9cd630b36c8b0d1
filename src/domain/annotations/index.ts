export * from './file';
export * from './merge';
export * from './types';
