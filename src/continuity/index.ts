export * from './bia/bia.js';
export * from './backups/index.js';
export * from './schedule/index.js';
export * from './scenarios/index.js';
