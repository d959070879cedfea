import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser';

// Every browser test: no Content-Security-Policy violation while it ran (its beforeAll counts towards the first).
afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
