/** The words of the CLI, from the explanation package's locales (Vietnamese first). */
import { LOCALES, pick as pickText, type WordKey } from '@parindex/explain';
import type { FlagCode, NodeStatus } from '@parindex/engine';
import type { Lang } from './numbers.js';

export type { Lang };

export function t(lang: Lang, key: WordKey): string {
  return LOCALES[lang].words[key];
}

/** Pick the Vietnamese or English text of a thing that has `label`/`labelEn` or `title`/`titleEn`. */
export const pick = pickText;

export function flagLabel(lang: Lang, code: string): string {
  return LOCALES[lang].flags[code as FlagCode] ?? code;
}

export function statusLabel(lang: Lang, code: string): string {
  return LOCALES[lang].statuses[code as NodeStatus] ?? code;
}

/** A stage id for people: "self" → "tự chấm", "round1" → "thẩm định vòng 1". */
export function stageLabel(lang: Lang, stage: string): string {
  return LOCALES[lang].stage(stage);
}
