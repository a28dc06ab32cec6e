/**
 * `parindex validate <file…>`: criteria sets, evidence and appraisal files (the kind is detected from
 * the content). Every problem of every file at once; exit 1 when any file has an error.
 */
import { defineCommand } from 'citty';
import { diag, hasErrors, type Diagnostic } from '@parindex/rules';
import { checkEvidence, hashJson, parseAppraisal, score, ParindexError, type CompiledSet } from '../engine.js';
import { validateDocument } from '@parindex/explain';
import { CliError, detectKind, formatDiagnostic, kindDiagnostic, locateIn, readJsonFile, type FileKind, type JsonFile } from '../io.js';
import { compiledForEvidence, locateScoreDiagnostics, savedResultDiagnostics } from '../load.js';
import { ctxOf, emit, outputArgs, rulesArg } from './common.js';

export interface FileReport {
  file: string;
  kind: FileKind | null;
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

async function compiledOrDiagnostics(f: JsonFile, rules: string | undefined): Promise<{ compiled?: CompiledSet; diagnostics: Diagnostic[] }> {
  try {
    return { compiled: await compiledForEvidence(f, rules), diagnostics: [] };
  } catch (e) {
    if (e instanceof CliError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

export const validateCommand = Object.assign(
  defineCommand({
    meta: { name: 'validate', description: 'Check criteria-set, evidence and appraisal files: every problem with file:line:column / Kiểm tra tệp' },
    args: {
      files: { type: 'positional', required: true, description: 'Files to check (criteria sets, evidence, appraisals)', valueHint: 'file…' },
      rules: rulesArg,
      ...outputArgs,
    },
    async run({ args }) {
      const ctx = ctxOf(args);
      const { lang } = ctx;
      const files = [...args._];
      const read = files.map((file) => readJsonFile(file));
      const reports: FileReport[] = [];
      const evidenceByHash = new Map<string, { file: JsonFile; compiled: CompiledSet }>();
      const kinds = read.map((f) => (f.value ? (detectKind(f.value) ?? null) : null));
      // Evidence first, so that appraisal files can be checked against the evidence given with them.
      const order = read.map((_, i) => i).sort((a, b) => Number(kinds[b] === 'evidence') - Number(kinds[a] === 'evidence'));
      const byIndex = new Map<number, FileReport>();
      for (const i of order) {
        const f = read[i]!;
        const kind = kinds[i] ?? null;
        let diagnostics: Diagnostic[] = [...f.diagnostics];
        if (f.value) {
          if (kind === null) diagnostics.push(kindDiagnostic(f));
          else if (kind === 'set') diagnostics = (await import('@parindex/rules/node')).validateSetText(f.text, f.file).diagnostics;
          else if (kind === 'evidence') {
            const c = await compiledOrDiagnostics(f, args.rules);
            for (const d of c.diagnostics) diagnostics.push(d);
            if (c.compiled) {
              const found = locateScoreDiagnostics(checkEvidence(c.compiled, f.value), f, undefined);
              // One by one: a spread of 100,000 diagnostics overflows the stack.
              for (const d of found) diagnostics.push(d);
              if (!hasErrors(found)) evidenceByHash.set(hashJson(f.value), { file: f, compiled: c.compiled });
            }
          } else if (kind === 'appraisal') {
            const parsed = parseAppraisal(f.value);
            for (const d of locateIn(parsed.diagnostics, f)) diagnostics.push(d);
            if (parsed.value) {
              const ev = evidenceByHash.get(parsed.value.evidence.sha256);
              if (ev) {
                // Score every round against its evidence: the engine reports every appraisal problem (once).
                const seen = new Set(diagnostics.map((x) => `${x.code}|${x.file}|${x.path}`));
                for (const round of parsed.value.rounds) {
                  try {
                    score(ev.compiled, ev.file.value, { appraisal: f.value, round: round.id });
                  } catch (e) {
                    if (!(e instanceof ParindexError)) throw e;
                    for (const d of locateScoreDiagnostics(e.diagnostics, ev.file, f)) {
                      const key = `${d.code}|${d.file}|${d.path}`;
                      if (!seen.has(key)) {
                        seen.add(key);
                        diagnostics.push(d);
                      }
                    }
                  }
                }
              } else {
                const c = await compiledOrDiagnostics(f, args.rules);
                for (const d of c.diagnostics) diagnostics.push(d);
                if (c.compiled) {
                  parsed.value.rounds.forEach((r, ri) =>
                    r.items.forEach((it, ii) => {
                      const node = c.compiled!.nodes.get(it.criterion);
                      if (!node?.isLeaf) diagnostics.push(...locateIn([diag('APPRAISAL_UNKNOWN_CRITERION', `/rounds/${ri}/items/${ii}/criterion`, { code: it.criterion, set: c.compiled!.ref })], f));
                    }),
                  );
                }
              }
            }
          } else if (kind === 'result') {
            // A saved result (score --format json) must follow the published result schema.
            for (const d of await savedResultDiagnostics(f)) diagnostics.push(d);
          }
        }
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        byIndex.set(i, { file: f.file, kind, valid: errors === 0, errors, warnings: diagnostics.length - errors, diagnostics });
      }
      for (let i = 0; i < read.length; i++) reports.push(byIndex.get(i)!);

      const lines: string[] = [];
      for (const r of reports) for (const d of r.diagnostics) if (!(ctx.quiet && d.severity === 'warning')) lines.push(formatDiagnostic(d, lang));
      const bad = reports.filter((r) => !r.valid).length;
      const { summary, doc } = validateDocument(reports, lang);
      if (ctx.format === 'table') {
        // Terminal: the problems first, one per line, then the summary.
        const text = (lines.length ? lines.join('\n') + '\n' : '') + summary + '\n';
        if (ctx.out) emit(ctx, doc, reports);
        else process.stdout.write(text);
      } else {
        if (ctx.format !== 'json') doc.push({ kind: 'list', items: lines });
        emit(ctx, doc, reports);
      }
      return bad > 0 ? 1 : 0;
    },
  }),
  { variadic: true },
);
