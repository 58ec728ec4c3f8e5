/** Monthly figures per grid: the checks (figures.ts) and their words (messages.ts). */
export * from './figures.js';
export * from './messages.js';
