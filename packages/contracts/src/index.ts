export * from './enums.ts';
export * from './cases.ts';
export * from './articles.ts';
export * from './experts.ts';
export * from './consultations.ts';
export * from './events.ts';
