/* Imports itself: the smallest circle. */
export * from './self.js';
