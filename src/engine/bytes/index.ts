export * from './span';
export * from './hex';
export * from './errors';
export * from './format';
export * from './writer';
export * from './reader';
