export * from './extensions';
export * from './hello-retry-request';
export * from './encrypted-extensions';
export * from './certificate';
export * from './certificate-verify';
export * from './new-session-ticket';
export * from './key-update';
