#!/usr/bin/env node
/**
 * Deterministic, seeded generator of sample commune evidence for model.commune-par@2026, for ranking
 * demos and the speed benchmark. Plain Node ESM, no dependencies.
 *
 *   node examples/generate.mjs --count 3321 --seed 1 --out /tmp/communes
 *
 * writes one evidence file per commune (commune-00001.json, …). In-process:
 *
 *   import { generateEvidence } from './examples/generate.mjs';
 *   const list = generateEvidence(3321, 1);
 *
 * The generator reads the set file at run time and follows its inputs, rules, documents and
 * applicability conditions, so it stays in step with the set. Every file is valid evidence:
 * numerators never exceed their denominators (atMost), dates lie inside the period, level ids exist,
 * tally counts are integers. Values vary across all tiers, with some criteria not applicable, some
 * inputs or documents missing, and some late dates. All values are samples ("sample": true).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SET_FILE = fileURLToPath(new URL('../rules/sets/model.commune-par/2026.json', import.meta.url));

/** mulberry32: a small 32-bit PRNG; same seed, same sequence. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const toDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const fromDate = (s) => Date.parse(s + 'T00:00:00Z');
const PREFIX = ['Xã', 'Phường'];
const NAMES = ['An', 'Bình', 'Cẩm', 'Đông', 'Gia', 'Hòa', 'Hưng', 'Kim', 'Lạc', 'Minh', 'Nam', 'Phú', 'Quang', 'Tân', 'Thanh', 'Thịnh', 'Trung', 'Vĩnh', 'Xuân', 'Yên'];
const TAILS = ['Sơn', 'Lợi', 'Phong', 'Hải', 'Thành', 'Lộc', 'Tiến', 'Điền', 'Hà', 'Thủy', 'Long', 'Đức', 'Phúc', 'Khê', 'Mỹ'];

/** Leaves of the set (fields, bonus and penalty items) with their paths. */
function leaves(set) {
  const out = [];
  const walk = (n) => (n.children ? n.children.forEach(walk) : out.push(n));
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return out;
}

/** Inputs named as "eq 0" applicability triggers anywhere in a condition. */
function zeroTriggers(cond, acc = new Set()) {
  if (!cond || typeof cond !== 'object') return acc;
  if (cond.op === 'eq' && cond.input && Number(cond.value) === 0) acc.add(cond.input);
  for (const k of ['all', 'any']) if (Array.isArray(cond[k])) cond[k].forEach((c) => zeroTriggers(c, acc));
  if (cond.not) zeroTriggers(cond.not, acc);
  return acc;
}

/** Deadlines of onTime items, by input id. */
function deadlines(leaf) {
  const m = new Map();
  if (leaf.rule?.type === 'onTime') for (const it of leaf.rule.items) if (typeof it.deadline === 'string') m.set(it.input, it.deadline);
  return m;
}

/** Generate `count` evidence objects for model.commune-par@2026 from `seed`. */
export function generateEvidence(count, seed = 1, set = JSON.parse(readFileSync(SET_FILE, 'utf8'))) {
  const rnd = mulberry32(seed);
  const r = (a, b) => a + (b - a) * rnd();
  const int = (a, b) => Math.floor(r(a, b + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const from = fromDate(set.period.from);
  const to = fromDate(set.period.to);
  const clampDate = (ms) => toDate(Math.min(to, Math.max(from, ms)));
  const all = leaves(set);
  const shared = set.inputs ?? [];
  const setRef = `${set.id}@${set.version}`;
  const out = [];

  for (let i = 1; i <= count; i++) {
    const q = rnd() ** 0.3; // quality of the commune: most are decent, a tail is weak
    // A share in [0, 1]: close to 1 for a good commune, spread out for a weak one.
    const rate = (spread = 0.35) => Math.min(1, Math.max(0, 1 - (1 - q) ** 1.3 * r(0, 1.5) - r(0, spread * 0.05)));
    const size = int(300, 6000); // yearly dossiers
    const values = new Map(); // every input value of this commune, by id

    // Shared unit facts first (denominators of other inputs).
    const received = size;
    values.set('dossiers_received', received);
    values.set('dossiers_resolved', Math.max(1, Math.round(received * r(0.93, 1))));
    values.set('civil_servants', int(18, 55));
    for (const def of shared) if (!values.has(def.id)) values.set(def.id, int(0, 100));

    const genInput = (def, leaf, naZero, dl) => {
      switch (def.type) {
        case 'boolean': {
          if (leaf.applicability?.notApplicableWhen?.input === def.id && leaf.applicability.notApplicableWhen.is === false) return rnd() < 0.8;
          const bonusLike = leaf.code.match(/^[BP]/);
          if (bonusLike) return rnd() < (leaf.code.startsWith('B') ? 0.25 * q : 0.15 * (1 - q));
          return rnd() < 0.1 + 0.88 * q;
        }
        case 'level': {
          const opts = def.options.map((o) => o.id); // declared best first
          const k = Math.min(opts.length - 1, Math.floor((1 - rate(0.5)) * opts.length));
          return opts[k];
        }
        case 'date': {
          const deadline = dl.get(def.id);
          if (deadline) {
            const late = rnd() < 0.25 * (1 - q) + 0.03;
            return clampDate(fromDate(deadline) + (late ? int(1, 40) : -int(0, 20)) * DAY);
          }
          return clampDate(from + int(0, Math.round((to - from) / DAY)) * DAY);
        }
        case 'tally': {
          const n = rnd() < 0.04 ? int(5, 29) : int(60, 600);
          const w = def.options.map((_, k) => Math.max(0.02, (k === 0 ? 2.2 * q : k === 1 ? 0.7 : (0.5 * (1 - q)) / k) + r(0, 0.2)));
          const sum = w.reduce((s, x) => s + x, 0);
          const t = {};
          let left = n;
          def.options.forEach((o, k) => {
            const c = k === def.options.length - 1 ? left : Math.min(left, Math.round((n * w[k]) / sum));
            t[o.id] = c;
            left -= c;
          });
          return t;
        }
        case 'percent': {
          const lo = def.min !== undefined ? Number(def.min) : 0;
          const hi = def.max !== undefined ? Number(def.max) : 100;
          const v = Math.round((lo + (hi - lo) * rate()) * 10) / 10;
          return Math.min(hi, Math.max(lo, v));
        }
        case 'count':
        case 'decimal': {
          if (def.atMost) return undefined; // second pass
          if (naZero.has(def.id) && rnd() < 0.1) return 0;
          if (/^P|^B/.test(leaf.code) || leaf.rule?.type === 'perItem') return rnd() < 0.6 ? 0 : int(1, 4);
          if (leaf.rule?.type === 'expression') return int(0, 10);
          if (def.id === 'staff_quota') return int(20, 40);
          if (def.id === 'staff_count') return Math.max(0, (values.get('staff_quota') ?? 30) + int(-4, 1));
          if (def.type === 'decimal') {
            const lo = def.min !== undefined ? Number(def.min) : 0;
            return def.unit?.startsWith('triệu') ? (rnd() < 0.12 ? 0 : int(2000, 40000)) : Math.round(r(lo, lo + 4) * 10) / 10;
          }
          const lo = Math.max(1, def.min !== undefined ? Number(def.min) : 0); // a denominator is 0 only as an NA trigger
          const hi = def.max !== undefined ? Number(def.max) : lo + pick([4, 10, 20, 40, 800, 2000]);
          return int(lo, hi);
        }
      }
      return undefined;
    };

    const entries = [];
    for (const def of shared) entries.push({ input: def.id, value: values.get(def.id) });

    for (const leaf of all) {
      const defs = leaf.inputs ?? [];
      const naZero = zeroTriggers(leaf.applicability?.notApplicableWhen);
      const dl = deadlines(leaf);
      const v = {};
      for (const def of defs) {
        const x = genInput(def, leaf, naZero, dl);
        if (x !== undefined) {
          v[def.id] = x;
          values.set(def.id, x);
        }
      }
      // Second pass: inputs bounded by another input (numerator ≤ denominator).
      for (const def of defs) {
        if (!def.atMost) continue;
        const den = Number(values.get(def.atMost) ?? 0);
        let x = den === 0 ? 0 : den * rate(0.3);
        x = def.type === 'count' ? Math.min(den, Math.floor(x)) : Math.min(den, Math.round(x * 10) / 10);
        if (def.type === 'count' && rnd() < 0.45 * q) x = den; // many communes reach 100%
        v[def.id] = x;
        values.set(def.id, x);
      }
      // Missing evidence: now and then an input is left out, or a document is not attached.
      const required = defs.filter((d) => d.required !== false);
      if (required.length && rnd() < 0.02) delete v[pick(required).id];
      for (const k of Object.keys(v)) if (typeof v[k] === 'number' && !Number.isFinite(v[k])) delete v[k];

      const entry = { criterion: leaf.code };
      if (Object.keys(v).length) entry.values = v;
      const docs = (leaf.documents ?? []).filter(() => rnd() > 0.06);
      if (docs.length) {
        entry.documents = docs.map((d) => ({
          ...(leaf.documents.length > 1 ? { for: d.id } : {}),
          number: `${int(1, 350)}/${d.kind === 'Quyết định' ? 'QĐ' : d.kind === 'Báo cáo' ? 'BC' : d.kind === 'Kế hoạch' ? 'KH' : d.kind === 'Đề án' ? 'ĐA' : 'UBND'}-UBND`,
          date: clampDate(from + int(5, 340) * DAY),
          title: d.label,
        }));
        if (docs.length < (leaf.documents ?? []).length && rnd() < 0.5) entry.explanation = 'Văn bản đang được sao lục, sẽ bổ sung khi thẩm định (mẫu).';
      } else if ((leaf.documents ?? []).length && rnd() < 0.5) {
        entry.explanation = 'Văn bản đang được sao lục, sẽ bổ sung khi thẩm định (mẫu).';
      }
      if (entry.values || entry.documents || entry.explanation) entries.push(entry);
    }

    const code = `GEN-${String(i).padStart(5, '0')}`;
    out.push({
      formatVersion: 1,
      sample: true,
      criteriaSet: setRef,
      unit: {
        code,
        name: `${pick(PREFIX)} ${pick(NAMES)} ${pick(TAILS)} (${code})`,
        level: rnd() < 0.8 ? 'commune' : 'ward',
        note: 'Đơn vị và số liệu GIẢ LẬP do examples/generate.mjs sinh ra (sample values, generated).',
      },
      // The evidence format's period (from, to, label): the set's English label is not part of it.
      period: { from: set.period.from, to: set.period.to, ...(set.period.label !== undefined ? { label: set.period.label } : {}) },
      entries,
    });
  }
  return out;
}

function parseArgs(argv) {
  const a = { count: 100, seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => argv[++i];
    if (k === '--count') a.count = Number(next());
    else if (k === '--seed') a.seed = Number(next());
    else if (k === '--out') a.out = next();
    else if (k === '--help' || k === '-h') a.help = true;
  }
  return a;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const a = parseArgs(process.argv.slice(2));
  if (a.help || !a.out || !Number.isInteger(a.count) || a.count < 1 || !Number.isFinite(a.seed)) {
    console.error('usage: node examples/generate.mjs --count <n> --seed <int> --out <dir>');
    process.exit(a.help ? 0 : 2);
  }
  mkdirSync(a.out, { recursive: true });
  const list = generateEvidence(a.count, a.seed);
  for (const ev of list) writeFileSync(join(a.out, `${ev.unit.code.toLowerCase().replace('gen-', 'commune-')}.json`), JSON.stringify(ev, null, 1) + '\n');
  console.error(`wrote ${list.length} evidence files to ${a.out} (seed ${a.seed})`);
}
