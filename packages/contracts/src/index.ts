export * from './enums.ts';
export * from './cases.ts';
