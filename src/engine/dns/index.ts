export * from './name';
export * from './types';
export * from './ip';
export * from './present';
export * from './codec';
