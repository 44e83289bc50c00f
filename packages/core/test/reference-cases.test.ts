import { defineCaseSuite } from './cases/case-suite.js';

defineCaseSuite('reference');
