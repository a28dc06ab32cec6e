/**
 * `parindex rank <files or folders>`: score many units with ONE compiled set and rank them. A unit
 * that fails is reported (stderr and the output) and skipped; the others are still ranked; exit 1.
 */
import { statSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { defineCommand } from 'citty';
import { diag, ParindexError, type Diagnostic } from '@parindex/rules';
import { extra, score, type CompiledSet, type ScoreResult } from '../engine.js';
import type { Doc } from '../format/doc.js';
import { bandText } from '../format/result-view.js';
import { pick, t } from '../i18n.js';
import { CliError, detectKind, formatDiagnostic, locateIn, readJsonFile, UsageError } from '../io.js';
import { compiledForEvidence, locateScoreDiagnostics } from '../load.js';
import { formatNumber, formatPercent } from '../numbers.js';
import { ctxOf, emit, outputArgs, rulesArg } from './common.js';

/** A one-line progress bar on stderr (only on a terminal). */
export function progress(enabled: boolean, total: number): { tick(label: string): void; done(): void } {
  if (!enabled || total === 0) return { tick() {}, done() {} };
  let n = 0;
  const width = 30;
  return {
    tick(label: string) {
      n++;
      const filled = Math.round((n / total) * width);
      const name = label.length > 40 ? '…' + label.slice(-39) : label;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total} ${name}\u001b[K`);
    },
    done() {
      process.stderr.write('\r\u001b[K');
    },
  };
}

interface Failed {
  file: string;
  diagnostics: Diagnostic[];
}

export const rankCommand = Object.assign(
  defineCommand({
    meta: { name: 'rank', description: 'Score many units with one criteria set and rank them / Xếp hạng nhiều đơn vị' },
    args: {
      paths: { type: 'positional', required: true, description: 'Evidence files or folders (searched recursively for *.json)', valueHint: 'file|folder…' },
      set: { type: 'string', valueHint: 'id[@version]', description: 'Rank only evidence for this criteria set (default: the set of the first evidence file)' },
      rules: rulesArg,
      ...outputArgs,
    },
    async run({ args }) {
      const ctx = ctxOf(args);
      const { lang } = ctx;
      const vi = lang === 'vi';
      const files: Array<{ file: string; explicit: boolean }> = [];
      for (const p of args._) {
        let dir = false;
        try {
          dir = statSync(p).isDirectory();
        } catch {
          /* reported as FILE_NOT_FOUND below */
        }
        if (dir) for (const f of (await import('@parindex/rules/node')).listJsonFiles(p)) files.push({ file: f, explicit: false });
        else files.push({ file: p, explicit: true });
      }
      if (files.length === 0) throw new UsageError('no files to rank', { vi: 'không có tệp nào để xếp hạng' });
      const failed: Failed[] = [];
      const skipped: string[] = [];
      const scored: Array<{ file: string; result: ScoreResult }> = [];
      let compiled: CompiledSet | undefined;
      const bar = progress(process.stderr.isTTY === true && !ctx.quiet, files.length);
      // The same file named twice (or reached through a folder and by name) is ranked once.
      const seen = new Set<string>();
      for (const { file, explicit } of files) {
        const real = realpathOr(file);
        if (seen.has(real)) continue;
        seen.add(real);
        bar.tick(file);
        const f = readJsonFile(file);
        if (!f.value) {
          failed.push({ file, diagnostics: f.diagnostics });
          continue;
        }
        const kind = detectKind(f.value);
        if (kind !== 'evidence') {
          if (explicit) failed.push({ file, diagnostics: [{ ...diag('FILE_KIND_UNKNOWN', '', { hint: 'rank needs evidence files (with "entries")' }), file, line: 1, column: 1 }] });
          else skipped.push(file);
          continue;
        }
        try {
          if (!compiled && args.set && !args.rules && f.value.criteriaSet !== args.set && !(typeof f.value.criteriaSet === 'string' && f.value.criteriaSet.startsWith(args.set + '@'))) {
            if (explicit) failed.push({ file, diagnostics: locateIn([diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given: String(f.value.criteriaSet), expected: args.set })], f) });
            else skipped.push(`${file} (${String(f.value.criteriaSet)})`);
            continue;
          }
          compiled ??= await compiledForEvidence(f, args.rules);
          if (!args.rules && typeof f.value.criteriaSet === 'string' && f.value.criteriaSet !== compiled.ref) {
            if (!explicit) {
              skipped.push(`${file} (${f.value.criteriaSet})`);
              continue;
            }
            failed.push({ file, diagnostics: locateIn([diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given: f.value.criteriaSet, expected: compiled.ref })], f) });
            continue;
          }
          const result = score(compiled, f.value);
          const first = scored.find((x) => x.result.unit.code === result.unit.code);
          if (first) {
            failed.push({ file, diagnostics: locateIn([diag('RANK_DUPLICATE_UNIT', '/unit/code', { unit: result.unit.code, first: first.file })], f) });
            continue;
          }
          scored.push({ file, result });
        } catch (e) {
          if (e instanceof ParindexError) failed.push({ file, diagnostics: locateScoreDiagnostics(e.diagnostics, f, undefined) });
          else if (e instanceof CliError) failed.push({ file, diagnostics: e.diagnostics });
          else throw e;
        }
      }
      bar.done();
      for (const x of failed) for (const d of x.diagnostics) if (!(ctx.quiet && d.severity === 'warning')) process.stderr.write(formatDiagnostic(d, lang) + '\n');

      const policy = compiled?.set.policies.ranking ?? 'dense';
      const { rank, summarize } = await extra();
      const results = scored.map((s) => s.result);
      const rows = rank(results, policy);
      const summary = summarize(results, policy);
      const places = compiled?.set.displayPlaces ?? 2;
      const idx = (v: string) => formatNumber(v, lang, { places, fixed: true });
      const ruleText =
        policy === 'dense'
          ? vi ? 'Xếp hạng theo chỉ số từ cao xuống thấp; các đơn vị bằng chỉ số đồng hạng, đơn vị kế tiếp nhận hạng liền sau (1, 2, 3, 3, 4).' : 'Ranked by index, highest first; equal indices share a rank and the next unit takes the next number (dense: 1, 2, 3, 3, 4).'
          : vi ? 'Xếp hạng theo chỉ số từ cao xuống thấp; các đơn vị bằng chỉ số đồng hạng, đơn vị kế tiếp bỏ qua số hạng đã dùng (1, 2, 3, 3, 5).' : 'Ranked by index, highest first; equal indices share a rank and the next rank skips (competition: 1, 2, 3, 3, 5).';
      const doc: Doc = [
        { kind: 'title', text: vi ? `Xếp hạng: ${compiled ? pick(lang, compiled.set.title, compiled.set.titleEn) : ''}` : `Ranking: ${compiled ? pick(lang, compiled.set.title, compiled.set.titleEn) : ''}` },
        { kind: 'para', text: `${compiled ? `${t(lang, 'criteriaSet')}: ${compiled.ref}. ` : ''}${ruleText}` },
        {
          kind: 'table',
          columns: [{ label: t(lang, 'rank'), align: 'right' }, { label: t(lang, 'code') }, { label: t(lang, 'name'), width: 40 }, { label: t(lang, 'total'), align: 'right' }, { label: t(lang, 'applicableMax'), align: 'right' }, { label: t(lang, 'index'), align: 'right' }, { label: t(lang, 'classification') }],
          rows: rows.map((r) => ({
            cells: [`${r.rank}${r.tied ? '=' : ''}`, r.result.unit.code, r.result.unit.name, formatNumber(r.result.totals.points, lang, { places: 4 }), formatNumber(r.result.totals.applicableMax, lang), idx(r.index), bandText(r.result.totals, lang)],
          })),
        },
        { kind: 'para', text: `${t(lang, 'meanIndex')} (${vi ? 'bình quân cộng chỉ số của' : 'plain mean of'} ${summary.index.count} ${vi ? 'đơn vị' : 'units'}): ${summary.index.mean === null ? '—' : idx(summary.index.mean)}` },
      ];
      if (summary.bands.length) {
        doc.push({ kind: 'heading', text: vi ? 'Nhóm xếp loại' : 'By classification' });
        doc.push({
          kind: 'list',
          items: summary.bands.map((b) => `${b.code ? `${b.code} — ${pick(lang, b.label ?? '', b.labelEn)}` : t(lang, 'unclassified')} (${b.units.length}): ${b.units.map((i) => results[i]!.unit.name).join(', ')}`),
        });
      }
      if (summary.fields.length) {
        doc.push({ kind: 'heading', text: vi ? 'Điểm bình quân theo lĩnh vực' : 'Mean points by field' });
        doc.push({
          kind: 'table',
          columns: [{ label: t(lang, 'code') }, { label: t(lang, 'field'), width: 50 }, { label: t(lang, 'max'), align: 'right' }, { label: t(lang, 'mean'), align: 'right' }, { label: t(lang, 'percent'), align: 'right' }],
          rows: summary.fields.map((f) => ({ cells: [f.code, pick(lang, f.title, f.titleEn), formatNumber(f.nominalMax, lang), f.points.mean === null ? '—' : formatNumber(f.points.mean, lang, { places }), formatPercent(f.percent.mean, lang, places)] })),
        });
      }
      if (failed.length) {
        doc.push({ kind: 'heading', text: vi ? `Không xếp hạng được (${failed.length} tệp có lỗi)` : `Not ranked (${failed.length} file${failed.length === 1 ? '' : 's'} with errors)` });
        doc.push({ kind: 'list', items: failed.map((x) => `${x.file}: ${x.diagnostics.filter((d) => d.severity === 'error').length} ${vi ? 'lỗi' : 'errors'} — ${(vi ? x.diagnostics[0]?.messageVi : x.diagnostics[0]?.message) ?? ''}`) });
      }
      if (skipped.length) doc.push({ kind: 'para', text: `${vi ? 'Bỏ qua (không phải minh chứng của bộ tiêu chí này)' : 'Skipped (not evidence for this criteria set)'}: ${skipped.join(', ')}` });
      const data = {
        criteriaSet: compiled?.ref ?? null,
        policy,
        ranking: rows.map((r) => ({
          rank: r.rank,
          tied: r.tied,
          file: scored[r.input]!.file,
          unit: r.result.unit,
          points: r.result.totals.points,
          applicableMax: r.result.totals.applicableMax,
          index: r.index,
          classification: r.result.totals.classification,
        })),
        summary: { ...summary, bands: summary.bands.map((b) => ({ ...b, units: b.units.map((i) => results[i]!.unit.code) })) },
        failed,
        skipped,
      };
      emit(ctx, doc, data);
      return failed.length ? 1 : 0;
    },
  }),
  { variadic: true },
);

/** @internal The real path of a file, or the path itself when it cannot be resolved. */
function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
