/** Judges, their conflicts of interest and the rules of manual assignment. */
export * from './assignment-log.js';
export * from './assignment-view.js';
export * from './conflicts.js';
export * from './judge.js';
export * from './manual-assignment.js';
export * from './panel.js';
export * from './scoring-state.js';
export * from './assignment-lease.js';
