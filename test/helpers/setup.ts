/**
 * Runs before every test file: fast-check takes the run's seed (test/helpers/seed.ts), so every
 * property test is repeatable and its failure report names the seed to replay it with.
 */
import fc from 'fast-check';
import { testSeed } from './seed.js';

fc.configureGlobal({ seed: testSeed() });
