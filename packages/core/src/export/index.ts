/** Raccord's exporters: pure functions returning strings or bytes (no DOM, no Node API). */
export * from './csv.js';
export * from './plan.js';
export * from './mailmerge.js';
export * from './findings.js';
export * from './diff.js';
export * from './cpro.js';
export * from './proeps.js';
export * from './worklist.js';
