/** The driver-free part of the database package: the interface every caller types against, and identifier quoting. */
export * from './database.js';
export * from './sql.js';
export * from './unavailable.js';
export * from './wal.js';
