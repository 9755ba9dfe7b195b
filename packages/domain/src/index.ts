export * from './identifiers.ts';
export * from './mask.ts';
export * from './password-rules.ts';
