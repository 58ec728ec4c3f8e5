/** domain/patrol: scoring and routing (plan.ts), opening hours (hours.ts), the day with time windows (schedule.ts). */
export * from './plan.js';
export * from './hours.js';
export * from './schedule.js';
