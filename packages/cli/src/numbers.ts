/** The language of the CLI's output (its numbers and sentences come from @parindex/explain). */
export type { Lang } from '@parindex/explain';
