/** 挂牌整治 (listing for rectification): vocabulary, dates, the life-cycle rules, due work and replay. */
export * from './vocabulary.js';
export * from './dates.js';
export * from './rules.js';
export * from './due.js';
export * from './replay.js';
