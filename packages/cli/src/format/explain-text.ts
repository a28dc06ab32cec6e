/** The audit trail of one criterion in sentences: steps, tier taken, and what would raise it. */
import { atPointer, dec, type Condition } from '@parindex/rules';
import { type CompiledSet, type Improvement, type NodeResult, type Step, type TraceInput } from '../engine.js';
import { pick, stageLabel } from '../i18n.js';
import { formatNumber, formatValue, type Lang } from '../numbers.js';
import { boundsText, conditionText, inputIndex, pts } from './rule-text.js';

function inputInfo(compiled: CompiledSet, id: string, lang: Lang): { label: string; unit: string | undefined; phrase: string } {
  const def = compiled.inputs.get(id)?.def;
  const label = def ? pick(lang, def.label, def.labelEn) : id;
  const unit = def ? (lang === 'en' ? (def.unitEn ?? def.unit) : def.unit) : undefined;
  return { label, unit, phrase: countPhrase(label, unit, lang) };
}

/**
 * "Số hồ sơ giải quyết đúng hạn" + unit "hồ sơ" → "hồ sơ giải quyết đúng hạn", so that "Thêm 6 hồ sơ
 * giải quyết đúng hạn" reads naturally; English "Dossiers resolved on time" → "dossiers resolved on time".
 */
export function countPhrase(label: string, unit: string | undefined, lang: Lang): string {
  if (lang === 'vi') {
    const m = /^(?:Tổng\s+)?số\s+(?:lượng\s+)?(.*)$/i.exec(label);
    if (m && unit && m[1]!.toLowerCase().startsWith(unit.toLowerCase())) return m[1]!;
    if (m && !unit) return m[1]!;
    return unit ? `${unit} (${label})` : `(${label})`;
  }
  const l = label.replace(/^(the\s+)?(total\s+)?number\s+of\s+/i, '');
  return l.charAt(0).toLowerCase() + l.slice(1);
}

const P = (v: string, lang: Lang) => formatNumber(v, lang);

/** The condition at a JSON pointer of the set, as the officer reads it (labels, not input ids). */
export function conditionAt(at: string, compiled: CompiledSet, lang: Lang): string {
  const c = atPointer(compiled.set, at) as Condition | undefined;
  return c ? conditionText(c, { lang, inputs: inputIndex(compiled.set) }) : at;
}

/** The rule of criterion `code` (its trace's steps and advice refer into it). */
const ruleOf = (compiled: CompiledSet, code: string | undefined) => (code === undefined ? undefined : compiled.nodes.get(code)?.node.rule);

export function improvementText(im: Improvement, compiled: CompiledSet, lang: Lang, suffix = '', code?: string): string {
  const vi = lang === 'vi';
  const gain = (after: string | null, g: string | null) =>
    after === null ? (vi ? 'để được chấm điểm' : 'to be scored') : vi ? `để đạt ${pts(after, lang)} (+${P(g ?? '0', lang)})` : `to reach ${P(after, lang)} (+${P(g ?? '0', lang)})`;
  switch (im.kind) {
    case 'raise': {
      const i = inputInfo(compiled, im.input, lang);
      const unit = i.unit;
      const s = vi
        ? `Tăng “${i.label}” thêm ${P(im.delta, lang)}${unit ? ' ' + unit : ''} (từ ${P(im.from, lang)}${suffix} lên ${im.strict ? 'trên ' : ''}${P(im.to, lang)}${suffix}) ${gain(im.pointsAfter, im.gain)}`
        : `Raise “${i.label}” by ${P(im.delta, lang)}${unit ? ' ' + unit : ''} (from ${P(im.from, lang)}${suffix} to ${im.strict ? 'above ' : ''}${P(im.to, lang)}${suffix}) ${gain(im.pointsAfter, im.gain)}`;
      return im.feasible ? s : s + (vi ? ' — không thể đạt với số liệu hiện có' : ' — not reachable with the current figures');
    }
    case 'raiseRatio': {
      const n = inputInfo(compiled, im.numerator, lang);
      const d = inputInfo(compiled, im.denominator, lang);
      const target = `${im.strict ? (vi ? 'trên ' : 'above ') : ''}${P(im.target, lang)}${suffix}`;
      const s = vi
        ? `Thêm ${P(im.delta, lang)} ${n.phrase} ${gain(im.pointsAfter, im.gain)} (${P(im.from, lang)} → ${P(im.to, lang)}; tỉ lệ ${target})`
        : `${P(im.delta, lang)} more ${n.phrase} reach ${P(im.pointsAfter, lang)} (+${P(im.gain, lang)}) (${P(im.from, lang)} → ${P(im.to, lang)}; ratio ${target})`;
      return (im.feasible ? s : s + (vi ? ` — vượt quá “${d.label}”, không thể đạt` : ` — more than “${d.label}”, not reachable`)).replace(/\s+/g, ' ');
    }
    case 'lower': {
      const i = inputInfo(compiled, im.input, lang);
      const unit = i.unit;
      return vi
        ? `Giảm “${i.label}” ${P(im.delta, lang)}${unit ? ' ' + unit : ''} (từ ${P(im.from, lang)} xuống ${P(im.to, lang)}) ${gain(im.pointsAfter, im.gain)}`
        : `Lower “${i.label}” by ${P(im.delta, lang)}${unit ? ' ' + unit : ''} (from ${P(im.from, lang)} to ${P(im.to, lang)}) ${gain(im.pointsAfter, im.gain)}`;
    }
    case 'set': {
      const i = inputInfo(compiled, im.input, lang);
      const to = typeof im.to === 'boolean' ? formatValue(im.to, lang) : (optionLabel(compiled, im.input, im.to, lang) ?? im.to);
      if (im.to === true) return vi ? `Đáp ứng “${i.label}” ${gain(im.pointsAfter, im.gain)}` : `Meet “${i.label}” ${gain(im.pointsAfter, im.gain)}`;
      return vi ? `Đạt mức “${to}” cho “${i.label}” ${gain(im.pointsAfter, im.gain)}` : `Reach “${to}” for “${i.label}” ${gain(im.pointsAfter, im.gain)}`;
    }
    case 'meet': {
      const conditions = im.conditions.map((at) => conditionAt(at, compiled, lang)).join(vi ? ' và ' : ' and ');
      return vi ? `Đáp ứng điều kiện: ${conditions} ${gain(im.pointsAfter, im.gain)}` : `Meet the condition: ${conditions} ${gain(im.pointsAfter, im.gain)}`;
    }
    case 'none':
      return vi
        ? { ruleMaximum: 'Quy tắc không cho thêm điểm ở bất kỳ giá trị nào', noBetterValue: 'Không có giá trị nào của các số liệu cho thêm điểm', searchBound: 'Không tìm được thay đổi nào cho thêm điểm trong giới hạn tìm kiếm' }[im.reason]
        : { ruleMaximum: 'The rule gives no more points at any value', noBetterValue: 'No value of the inputs gives more points', searchBound: 'No change giving more points was found within the search bound' }[im.reason];
    case 'onTime': {
      const labels = im.inputs.map((x) => `“${inputInfo(compiled, x, lang).label}”`).join(', ');
      return vi ? `Hoàn thành đúng hạn ${labels} ${gain(im.pointsAfter, im.gain)}` : `Do ${labels} on time ${gain(im.pointsAfter, im.gain)}`;
    }
    case 'provide': {
      const parts: string[] = [];
      if (im.inputs.length) parts.push(im.inputs.map((x) => `“${inputInfo(compiled, x, lang).label}”`).join(', '));
      if (im.documents.length) parts.push((vi ? 'tài liệu ' : 'the documents ') + im.documents.map((x) => `“${code === undefined ? x : documentLabel(compiled, code, x, x, lang)}”`).join(', '));
      return `${vi ? 'Bổ sung' : 'Provide'} ${parts.join(vi ? ' và ' : ' and ')} ${gain(im.pointsAfter, im.gain)}`;
    }
    case 'survey': {
      const def = compiled.inputs.get(im.input)?.def;
      const opt = def?.options?.find((o) => o.id === im.option);
      const label = opt ? pick(lang, opt.label, opt.labelEn) : im.option;
      return vi ? `Thêm ${P(im.more, lang)} phiếu trả lời “${label}” ${gain(im.pointsAfter, im.gain)}` : `${P(im.more, lang)} more “${label}” answers ${gain(im.pointsAfter, im.gain)}`;
    }
  }
}

export function inputLine(i: TraceInput, lang: Lang, compiled?: CompiledSet): string {
  const vi = lang === 'vi';
  const unitText = vi ? i.unit : (compiled?.inputs.get(i.id)?.def.unitEn ?? i.unit);
  const unit = unitText && i.value !== null && typeof i.value !== 'object' && typeof i.value !== 'boolean' ? ' ' + unitText : '';
  const from = i.entry === null ? (vi ? 'chưa có' : 'not given') : `${vi ? 'mục' : 'entry'} #${i.entry}`;
  const corrected = i.corrected ? ` — ${stageLabel(lang, i.corrected.round)} ${vi ? 'sửa từ' : 'corrected from'} ${formatValue(i.corrected.from, lang)} (${i.corrected.reason})` : '';
  const opt = typeof i.value === 'string' ? compiled?.inputs.get(i.id)?.def.options?.find((o) => o.id === i.value) : undefined;
  const shown = opt ? `${pick(lang, opt.label, opt.labelEn)} (${opt.id})` : formatValue(i.value, lang);
  return `${pick(lang, i.label, i.labelEn)}: ${shown}${unit} [${i.id}; ${from}]${corrected}`;
}

/** @internal An option of an input in the language asked for (the trace keeps the Vietnamese label). */
function optionLabel(compiled: CompiledSet, input: string, option: string, lang: Lang): string | undefined {
  const o = compiled.inputs.get(input)?.def.options?.find((x) => x.id === option);
  return o ? pick(lang, o.label, o.labelEn) : undefined;
}

/** @internal A part of a "parts" rule of criterion `code` in the language asked for. */
function partLabel(compiled: CompiledSet, code: string | undefined, id: string, lang: Lang): string | undefined {
  const rule = code === undefined ? undefined : compiled.nodes.get(code)?.node.rule;
  const p = rule?.type === 'parts' ? rule.parts.find((x) => x.id === id) : undefined;
  return p ? pick(lang, p.label, p.labelEn) : undefined;
}

/** @internal A tier's own label in the language asked for, if the set gives one. */
function tierLabel(compiled: CompiledSet, code: string | undefined, index: number, lang: Lang): string | undefined {
  const rule = ruleOf(compiled, code);
  const t = rule?.type === 'tiers' ? rule.tiers[index] : undefined;
  return t?.label === undefined ? undefined : lang === 'en' ? t.labelEn : t.label;
}

/** @internal An on-time item's own label in the language asked for, if the set gives one. */
function onTimeLabel(compiled: CompiledSet, code: string | undefined, input: string, lang: Lang): string | undefined {
  const rule = ruleOf(compiled, code);
  const item = rule?.type === 'onTime' ? rule.items.find((i) => i.input === input) : undefined;
  return item?.label === undefined ? undefined : lang === 'en' ? item.labelEn : item.label;
}

/** @internal Why a criterion did not apply, in words. */
function notApplicableReason(s: Extract<Step, { kind: 'notApplicable' }>, compiled: CompiledSet, code: string | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  if (s.cause === 'zeroDenominator') return `${vi ? 'mẫu số bằng 0' : 'zero denominator'}: ${inputInfo(compiled, s.input, lang).label}`;
  if (s.cause === 'tooFewAnswers') return vi ? `${P(s.answers, lang)} phiếu, cần ít nhất ${P(String(s.minAnswers), lang)}` : `${P(s.answers, lang)} answers, at least ${P(String(s.minAnswers), lang)} needed`;
  const a = code === undefined ? undefined : compiled.nodes.get(code)?.node.applicability;
  const reason = a ? (vi ? a.reason : (a.reasonEn ?? undefined)) : undefined;
  return reason ?? conditionAt(s.at, compiled, lang);
}

/** @internal A required document of criterion `code` in the language asked for. */
export function documentLabel(compiled: CompiledSet, code: string, id: string, fallback: string, lang: Lang): string {
  const d = compiled.nodes.get(code)?.documents.find((x) => x.id === id);
  return d ? pick(lang, d.label, d.labelEn) : fallback;
}

/** One step of the working, or null when it says nothing new. */
export function stepText(s: Step, lang: Lang, compiled: CompiledSet, suffix = '', code?: string): string | null {
  const vi = lang === 'vi';
  const label = (id: string) => inputInfo(compiled, id, lang).label;
  switch (s.kind) {
    case 'ratio':
      return `${vi ? 'Tỉ lệ' : 'Ratio'} = ${P(s.numerator.value, lang)} ÷ ${P(s.denominator.value, lang)}${s.times !== '1' ? ` × ${P(s.times, lang)}` : ''} = ${formatNumber(s.value, lang, { places: 6 })}${s.exact ? '' : '…'}`;
    case 'value':
      return `${label(s.input)} = ${P(s.value, lang)}`;
    case 'tier':
      return `${vi ? 'Bậc áp dụng' : 'Tier taken'}: ${tierLabel(compiled, code, s.index, lang) ?? boundsText({ ...(s.min !== null ? { min: s.min, minInclusive: s.minInclusive } : {}), ...(s.max !== null ? { max: s.max, maxInclusive: s.maxInclusive } : {}) }, suffix, lang)} → ${pts(s.points, lang)}`;
    case 'boolean':
      return `${label(s.input)}: ${formatValue(s.value, lang)} → ${pts(s.points, lang)}`;
    case 'level':
      return `${label(s.input)}: ${optionLabel(compiled, s.input, s.level, lang) ?? s.level} → ${pts(s.points, lang)}${s.fraction ? ` (${P(s.fraction, lang)} × ${vi ? 'tối đa' : 'max'})` : ''}`;
    case 'condition':
      return `${conditionAt(s.at, compiled, lang)}: ${s.result ? (vi ? 'đạt' : 'met') : vi ? 'không đạt' : 'not met'}`;
    case 'proportional':
      return `${vi ? 'Tỉ lệ điểm' : 'Proportion'} ${formatNumber(s.fraction, lang, { places: 6 })} → ${pts(s.points, lang)}`;
    case 'part':
      return `${partLabel(compiled, code, s.id, lang) ?? s.id}: ${s.met ? (vi ? 'đạt' : 'met') : vi ? 'không đạt' : 'not met'} → ${pts(s.points, lang)}`;
    case 'perItem':
      return vi
        ? `${P(s.items, lang)} trường hợp × ${P(s.each, lang)} = ${P(s.change, lang)}${s.limited ? ' (đã áp giới hạn)' : ''}; ${P(s.base, lang)} → ${pts(s.points, lang)}`
        : `${P(s.items, lang)} × ${P(s.each, lang)} = ${P(s.change, lang)}${s.limited ? ' (limited)' : ''}; ${P(s.base, lang)} → ${pts(s.points, lang)}`;
    case 'survey':
      return vi
        ? `${P(s.answers, lang)} phiếu, tỉ lệ có trọng số ${formatNumber(s.share, lang, { places: 6 })} → ${pts(s.points, lang)}`
        : `${P(s.answers, lang)} answers, weighted share ${formatNumber(s.share, lang, { places: 6 })} → ${pts(s.points, lang)}`;
    case 'onTime': {
      const st = s.status === 'onTime' ? (vi ? 'đúng hạn' : 'on time') : s.status === 'late' ? (vi ? `trễ ${s.daysLate ?? '?'} ngày` : `${s.daysLate ?? '?'} days late`) : vi ? 'chưa có' : 'missing';
      return `${onTimeLabel(compiled, code, s.input, lang) ?? label(s.input)}: ${s.date ?? '—'} (${vi ? 'hạn' : 'due'} ${s.deadline ?? '—'}) — ${st}`;
    }
    case 'onTimeResult':
      return null;
    case 'expression':
      return `${vi ? 'Kết quả biểu thức' : 'Expression result'}: ${P(s.result, lang)}`;
    case 'clamp':
      return `${vi ? 'Giới hạn' : 'Limited'} (${s.bound}): ${P(s.from, lang)} → ${P(s.to, lang)}`;
    case 'round':
      return `${vi ? 'Làm tròn' : 'Rounded'} ${s.places} ${vi ? 'chữ số' : 'places'} (${s.mode}): ${P(s.from, lang)} → ${P(s.to, lang)}`;
    case 'notApplicable':
      return `${vi ? 'Không áp dụng' : 'Not applicable'} (${notApplicableReason(s, compiled, code, lang)}): ${s.policy === 'fullPoints' ? (vi ? 'tính đủ điểm' : 'full points') : vi ? 'trừ khỏi điểm tối đa' : 'taken out of the maximum'}`;
    case 'zeroDenominator':
      return `${vi ? 'Mẫu số bằng 0' : 'Zero denominator'} (${label(s.input)}): ${s.policy}`;
    case 'missing': {
      const what = [...s.inputs.map(label), ...s.documents.map((d) => (code === undefined ? d : documentLabel(compiled, code, d, d, lang)))].join(', ');
      return `${vi ? 'Thiếu' : 'Missing'}: ${what} — ${s.policy === 'zero' ? (vi ? '0 điểm' : 'zero points') : vi ? 'vẫn chấm, cần giải trình' : 'scored, needs an explanation'}${s.explanation ? ` (${vi ? 'giải trình' : 'explanation'}: ${s.explanation})` : ''}`;
    }
    case 'override':
      return `${stageLabel(lang, s.round)}: ${P(s.from, lang)} → ${pts(s.to, lang)} — ${s.reason}${s.by ? ` (${s.by})` : ''}`;
  }
}

/** The node earned less than its applicable maximum. */
export function lost(n: NodeResult): boolean {
  return dec(n.applicableMax).gt(dec(n.points));
}

/** "%" when the rule's value is a percentage (a ratio × 100 or a percent input), else "". */
export function valueSuffix(compiled: CompiledSet, code: string): string {
  const rule = compiled.nodes.get(code)?.rule;
  if (!rule || !('value' in rule)) return '';
  const v = rule.value;
  if ('ratio' in v) return v.ratio.times !== undefined && dec(v.ratio.times).eq(100) ? '%' : '';
  return compiled.inputs.get(v.input)?.def.type === 'percent' ? '%' : '';
}
