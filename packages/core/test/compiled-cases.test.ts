import { defineCaseSuite } from './cases/case-suite.js';

// The same suite as reference-cases.test.ts, rerun on the compiled engine.
defineCaseSuite('compiled');
