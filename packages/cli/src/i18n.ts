/** The words of the CLI, Vietnamese first. Sentences with parameters use {name} placeholders. */
import type { Lang } from './numbers.js';

export type { Lang };

const L = {
  points: ['điểm', 'points'],
  max: ['Điểm tối đa', 'Maximum'],
  applicableMax: ['Điểm tối đa áp dụng', 'Applicable maximum'],
  code: ['Mã', 'Code'],
  stt: ['STT', 'No.'],
  field: ['Lĩnh vực', 'Field'],
  criterion: ['Lĩnh vực / tiêu chí', 'Field / criterion'],
  title: ['Tên', 'Title'],
  rule: ['Cách chấm', 'Rule'],
  selfScore: ['Điểm tự chấm', 'Self-score'],
  appraised: ['Điểm thẩm định', 'Appraised score'],
  score: ['Điểm', 'Points'],
  percent: ['Tỉ lệ', '%'],
  documents: ['Tài liệu kiểm chứng', 'Evidence documents'],
  notes: ['Ghi chú', 'Notes'],
  total: ['Tổng điểm', 'Total points'],
  index: ['Chỉ số', 'Index'],
  classification: ['Xếp loại', 'Classification'],
  unit: ['Đơn vị', 'Unit'],
  criteriaSet: ['Bộ tiêu chí', 'Criteria set'],
  period: ['Kỳ đánh giá', 'Period'],
  stage: ['Kết quả', 'Score'],
  self: ['tự chấm', 'self-assessment'],
  status: ['Trạng thái', 'Status'],
  issuer: ['Cơ quan ban hành', 'Issuer'],
  decision: ['Văn bản', 'Decision'],
  scale: ['Thang điểm', 'Scale'],
  policies: ['Quy định chung', 'Policies'],
  rounding: ['Làm tròn', 'Rounding'],
  none: ['không', 'none'],
  sample: ['Số liệu mẫu (không phải số liệu thật của đơn vị)', 'Sample figures (not a real unit\'s data)'],
  flags: ['Lưu ý', 'Flags'],
  bonus: ['Điểm thưởng', 'Bonus'],
  penalty: ['Điểm trừ', 'Penalty'],
  rank: ['Hạng', 'Rank'],
  name: ['Tên đơn vị', 'Unit name'],
  mean: ['Bình quân', 'Mean'],
  meanIndex: ['Chỉ số bình quân', 'Mean index'],
  unclassified: ['Chưa xếp loại', 'Unclassified'],
  inputs: ['Số liệu', 'Inputs'],
  steps: ['Cách tính', 'Working'],
  improve: ['Để tăng điểm', 'To raise the score'],
  provided: ['có', 'provided'],
  missing: ['thiếu', 'missing'],
  optional: ['không bắt buộc', 'optional'],
  entry: ['mục', 'entry'],
  change: ['Thay đổi', 'Change'],
  why: ['Lý do', 'Why'],
  fullMarks: ['Đạt tối đa', 'Full marks'],
  file: ['Tệp', 'File'],
  kind: ['Loại', 'Kind'],
  result: ['Kết quả', 'Result'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof L;

export function t(lang: Lang, key: LabelKey): string {
  return L[key][lang === 'vi' ? 0 : 1];
}

/** Pick the Vietnamese or English text of a thing that has `label`/`labelEn` or `title`/`titleEn`. */
export function pick(lang: Lang, vi: string, en: string | undefined): string {
  return lang === 'en' && en ? en : vi;
}

export const FLAG_LABELS: Record<string, readonly [string, string]> = {
  notApplicable: ['Không áp dụng', 'Not applicable'],
  missingInput: ['Thiếu số liệu', 'Missing inputs'],
  missingDocument: ['Thiếu tài liệu kiểm chứng', 'Missing documents'],
  needsExplanation: ['Cần giải trình', 'Needs a written explanation'],
  explained: ['Đã giải trình', 'Explained'],
  claimMismatch: ['Điểm tự chấm khác điểm tính theo minh chứng', 'Claimed points differ from the evidence'],
  invalid: ['Không hợp lệ', 'Invalid'],
  capped: ['Bị giới hạn mức trần', 'Capped'],
  belowZero: ['Bị trừ dưới 0', 'Deducted below zero'],
  overridden: ['Điểm do thẩm định điều chỉnh', 'Points set by the appraisal'],
  corrected: ['Số liệu được thẩm định sửa', 'Inputs corrected by the appraisal'],
};

export function flagLabel(lang: Lang, code: string): string {
  const l = FLAG_LABELS[code];
  return l ? l[lang === 'vi' ? 0 : 1] : code;
}

export const STATUS_LABELS: Record<string, readonly [string, string]> = {
  scored: ['đã chấm', 'scored'],
  notApplicable: ['không áp dụng', 'not applicable'],
  missingEvidence: ['thiếu minh chứng', 'missing evidence'],
  invalid: ['không hợp lệ', 'invalid'],
  overridden: ['thẩm định điều chỉnh', 'overridden'],
};

export function statusLabel(lang: Lang, code: string): string {
  const l = STATUS_LABELS[code];
  return l ? l[lang === 'vi' ? 0 : 1] : code;
}

/** Fill {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** A stage id for people: "self" → "tự chấm", "round1" → "thẩm định vòng 1". */
export function stageLabel(lang: Lang, stage: string): string {
  if (stage === 'self') return t(lang, 'self');
  const m = /^round([0-9]+)$/.exec(stage);
  if (m) return lang === 'vi' ? `thẩm định vòng ${m[1]}` : `appraisal round ${m[1]}`;
  if (stage === 'answer') return lang === 'vi' ? 'giải trình' : "unit's answer";
  return stage;
}
