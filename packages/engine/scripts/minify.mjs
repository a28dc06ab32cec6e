// How the prebuilt scoring entry (dist/parindex.scoring.min.js) is made, in one place for the script that
// writes it (bundle-browser.mjs), the test that loads it built from the sources (test/scoring-entry.test.ts)
// and the bench that prints its size (test/bench/bench.mjs): esbuild bundles and minifies, then terser
// compresses and mangles the bundle once more as one ES module. terser's second look (names mangled across
// the whole module, constants folded, statements joined) takes ~1.2 KB gzip off esbuild's output; a third
// pass saves under 0.05 KB more, for another second of build.
import { build } from 'esbuild';
import { minify } from 'terser';

/** esbuild's options for every prebuilt browser file: one minified ES module, nothing of Node. */
export const BROWSER_BUILD = { bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, legalComments: 'eof', write: false, logLevel: 'warning' };

const TERSER = { module: true, ecma: 2022, toplevel: true, compress: { passes: 2 }, mangle: { toplevel: true }, format: { comments: 'some' } };

/**
 * Bundle `options` (esbuild's: entryPoints or stdin, alias …) as BROWSER_BUILD does, then minify with terser.
 * Returns the code and esbuild's metafile (which modules the bundle holds, their sizes before terser).
 */
export async function bundleMinified(options) {
  const out = await build({ ...BROWSER_BUILD, metafile: true, ...options });
  const { code } = await minify(out.outputFiles[0].text, TERSER);
  return { code, metafile: out.metafile };
}

/**
 * What a page under `script-src 'self'` cannot run or a browser cannot load, found in `code`: eval, the
 * Function constructor, node: imports, require.
 */
export function forbiddenInBrowser(code) {
  return {
    eval: /\beval\s*\(/.test(code),
    newFunction: /new\s+Function\b/.test(code),
    // The Function constructor under another name (`const F = Function; new F(…)`, `globalThis.Function(…)`):
    // any reference to Function other than `instanceof Function`.
    functionConstructor: /[=(,:]\s*Function\s*[;,)}]/.test(code) || /\bFunction\s*\(/.test(code) || /(?<![\w$.])Function(?![\w$])/.test(code.replace(/\binstanceof\s+Function\b/g, '')),
    nodeImports: /["']node:/.test(code) || /\brequire\s*\(/.test(code),
  };
}
