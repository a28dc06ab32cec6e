import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ stdin: { contents: process.argv[2], resolveDir: '/work/main/packages/engine/dist' }, bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, absWorkingDir: '/work/main' });
const text = r.outputFiles[0].text;
console.log('min', text.length, 'gzip', gzipSync(text, {level: 9}).length, 'newF', /new Function|=Function\b|Function\(/.test(text));
const by = {};
for (const [f, o] of Object.entries(r.metafile.outputs)) for (const [inp, x] of Object.entries(o.inputs)) { const k = inp.replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').split('/').slice(0, 4).join('/'); by[k] = (by[k]||0) + x.bytesInOutput; }
Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,v])=>console.log(String(v).padStart(8), k));
