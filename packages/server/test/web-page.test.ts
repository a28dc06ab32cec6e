/**
 * Where `parindex serve` finds the web page: the static build of packages/web (packages/web/dist with
 * its index.html) when it is built, else none (and `/` says how to build it).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findWebPage } from '../dist/index.js';

const BUILT = fileURLToPath(new URL('../../web/dist', import.meta.url));

describe('findWebPage', () => {
  it(`is the workspace's packages/web/dist when it holds index.html, else undefined (now: ${existsSync(`${BUILT}/index.html`) ? 'built' : 'not built'})`, () => {
    expect(findWebPage()).toBe(existsSync(`${BUILT}/index.html`) ? BUILT : undefined);
  });
});
