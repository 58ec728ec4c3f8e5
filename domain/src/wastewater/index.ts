/** 污水验毒 (wastewater-based epidemiology): substances, loads, periods, trends and areal weighting. */
export * from './substances.js';
export * from './load.js';
export * from './periods.js';
export * from './trend.js';
export * from './censored.js';
export * from './summary.js';
export * from './plant.js';
export * from './consensus.js';
export * from './divergence.js';
export * from './explain.js';
export * from './areal.js';
export * from './window.js';
