export * from './enums.ts';
export * from './cases.ts';
export * from './consultations.ts';
