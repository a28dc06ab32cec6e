/**
 * What both entries export alike (@parindex/engine and its dashboard entry @parindex/engine/scoring):
 * scoring, the result types, ranking and summaries. Each entry adds its own compile().
 */
export { ENGINE_NAME, ENGINE_VERSION } from './version.js';
export { score, checkEvidence, type ScoreOptions } from './score.js';
export type * from './result.js';
export { ParindexError, type Diagnostic, type DiagnosticCode } from './deps.js';
export {
  rank,
  summarize,
  mean,
  rankingJson,
  RANK_ROUNDING_DEFAULT,
  type RankingPolicy,
  type RankRow,
  type RankSummary,
  type Mean,
  type IndexMean,
  type FieldMean,
  type BandGroup,
  type RankRounding,
  type SummarizeOptions,
  type Rankable,
  type Summarizable,
  type Listable,
} from './rank.js';
export { toSummary, toCompact, type ScoreSummary, type FieldSummary, type BlockSummary } from './summary.js';
