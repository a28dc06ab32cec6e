/**
 * The records of the shipped sets (src/shipped.ts, written to dist/shipped-sets/ by scripts/bundle.mjs):
 * every shipped set has one, the built records are what the sets give today (drift), a set compiled from
 * its record is the set compiled with every check (same hash, same value in the same key order, same
 * scores of every example), and a file that is not byte for byte the one recorded is never taken from it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCriteriaSet } from '@parindex/rules';
import { BUNDLED_SETS_DIR } from '@parindex/rules/node';
import { walkJsonFiles } from '@parindex/rules/files';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, score } from '../src/engine.js';
import { setShippedSets, shippedRecord, shippedSet, writeShippedSets, type ShippedRecord } from '../src/shipped.js';
import { ROOT, tempDir } from './helpers.js';

const files = walkJsonFiles(BUNDLED_SETS_DIR).files;
const examples = walkJsonFiles(join(ROOT, 'examples')).files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { criteriaSet?: string; entries?: unknown });

describe('the shipped-set records', () => {
  afterAll(() => setShippedSets(undefined));

  it('every shipped set has a record, the value the full check gives, in its key order', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const record = shippedRecord(file);
      expect(record, file).toBeDefined();
      const raw = JSON.parse(readFileSync(file, 'utf8'));
      expect(JSON.stringify(record!.set)).toBe(JSON.stringify(parseCriteriaSet(raw).value));
      expect(record!.source).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  });

  it('a set compiled from its record is the set compiled with every check: hash, value, and the scores of every example', () => {
    let scored = 0;
    for (const file of files) {
      const record = shippedRecord(file)!;
      const checked = compile(JSON.parse(readFileSync(file, 'utf8')));
      const fromRecord = compile(JSON.parse(JSON.stringify(record.set)), { validated: { sha256: record.sha256 } });
      expect(fromRecord.sha256).toBe(checked.sha256);
      expect(JSON.stringify(fromRecord.set)).toBe(JSON.stringify(checked.set));
      expect([...fromRecord.nodes.keys()]).toEqual([...checked.nodes.keys()]);
      for (const ev of examples.filter((e) => e.criteriaSet === checked.ref && Array.isArray(e.entries))) {
        expect(JSON.stringify(score(fromRecord, ev))).toBe(JSON.stringify(score(checked, ev)));
        scored++;
      }
    }
    expect(scored).toBeGreaterThanOrEqual(8);
  });

  it('the built records (dist/shipped-sets/) are the records of the shipped files as they are now', () => {
    const built = join(ROOT, 'packages/cli/dist/shipped-sets');
    expect(existsSync(built), 'build first: node packages/cli/scripts/bundle.mjs').toBe(true);
    const names = walkJsonFiles(built).files.map((f) => relative(built, f));
    expect(names.sort()).toEqual(files.map((f) => relative(BUNDLED_SETS_DIR, f)).sort());
    for (const file of files) {
      const onDisk = JSON.parse(readFileSync(join(built, relative(BUNDLED_SETS_DIR, file)), 'utf8')) as ShippedRecord;
      expect(JSON.stringify(onDisk), file).toBe(JSON.stringify(shippedRecord(file)));
    }
  });

  it('takes a set from its record only for the very bytes recorded; anything else is checked in full', () => {
    const sets = join(tempDir(), 'sets');
    const out = join(tempDir(), 'records');
    cpSync(join(BUNDLED_SETS_DIR, 'model.commune-sipas'), join(sets, 'model.commune-sipas'), { recursive: true });
    writeFileSync(join(sets, 'broken.json'), '{"id": "x", "fields": 3}');
    expect(writeShippedSets(sets, out)).toEqual([join('model.commune-sipas', '2026.json')]);
    const file = join(sets, 'model.commune-sipas', '2026.json');
    // Not told where the records are: nothing is taken from one.
    setShippedSets(undefined);
    expect(shippedSet(file, sets)).toBeUndefined();
    setShippedSets(pathToFileURL(`${out}/`));
    const got = shippedSet(file, sets)!;
    expect(got.sha256).toBe(compile(JSON.parse(readFileSync(file, 'utf8'))).sha256);
    expect(got.set.id).toBe('model.commune-sipas');
    // Outside the sets folder, or without a record: no.
    expect(shippedSet(join(sets, 'broken.json'), sets)).toBeUndefined();
    expect(shippedSet(file, join(sets, 'model.commune-sipas'))).toBeUndefined();
    // One byte more (a space at the end, the same set to JSON): the file is not the one recorded.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text} `);
    expect(shippedSet(file, sets)).toBeUndefined();
    writeFileSync(file, text);
    expect(shippedSet(file, sets)).toBeDefined();
    // A record that cannot be read, or of another format: no.
    const record = join(out, 'model.commune-sipas', '2026.json');
    const good = readFileSync(record, 'utf8');
    for (const bad of ['{', JSON.stringify({ ...JSON.parse(good), format: 2 }), JSON.stringify({ ...JSON.parse(good), set: null })]) {
      writeFileSync(record, bad);
      expect(shippedSet(file, sets)).toBeUndefined();
    }
    expect(readdirSync(join(out, 'model.commune-sipas'))).toEqual(['2026.json']);
  });
});
