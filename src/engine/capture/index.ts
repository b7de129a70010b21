export * from './capture';
export * from './file';
export * from './keylog';
export * from './summary';
