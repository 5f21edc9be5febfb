/* Imports c.js (no circle), and a module that is not there, and one from another host (not ours: left out). */
import './c.js';
import { gone } from './gone.js';
import { elsewhere } from 'https://cdn.example/module.js';

export const loose = [gone, elsewhere];
