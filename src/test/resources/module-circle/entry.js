/* Imports into the circle without being part of it. */
import { a } from './circle/a.js';

a();
