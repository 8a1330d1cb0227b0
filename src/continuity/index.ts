export * from './bia/bia.js';
