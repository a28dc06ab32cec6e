// What the build refuses in a prebuilt browser file (scripts/minify.mjs forbiddenInBrowser): each way of
// running code from a string, or of reaching Node, is found; ordinary minified code is not taken for one.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { forbiddenInBrowser } from '../scripts/minify.mjs';

const found = (code: string) =>
  Object.entries(forbiddenInBrowser(code) as Record<string, boolean>)
    .filter(([, is]) => is)
    .map(([what]) => what);

describe('forbidden code in a browser file', () => {
  it('finds eval, the Function constructor by any name, node: imports and require', () => {
    expect(found('let a=eval("1+1");')).toEqual(['eval']);
    expect(found('let f=new Function("return 1");')).toEqual(['newFunction', 'functionConstructor']);
    expect(found('const F=Function;new F("x")')).toEqual(['functionConstructor']);
    expect(found('globalThis.Function("x")()')).toEqual(['functionConstructor']);
    expect(found('var g=(0,x.constructor,Function)')).toEqual(['functionConstructor']);
    expect(found('import{readFileSync as r}from"node:fs";')).toEqual(['nodeImports']);
    expect(found("const fs=require('fs');")).toEqual(['nodeImports']);
  });

  it('takes ordinary minified code, instanceof Function and names that contain the words, for none', () => {
    expect(found('function a(b){return b instanceof Function?b():evaluate(b)}const isFunction=x=>typeof x=="function";')).toEqual([]);
    expect(found('const o={myFunction:1,evalText:"x"};o.requirement=2;')).toEqual([]);
  });
});
