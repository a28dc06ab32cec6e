/** @internal The engine, as the CLI uses it (one import site). */
export * from '@parindex/engine';
import * as engine from '@parindex/engine';

type Extra = Pick<typeof engine, 'rank' | 'summarize' | 'mean' | 'diffResults' | 'sameValue'>;

/** rank, summarize and diffResults. */
export function extra(): Promise<Extra> {
  return Promise.resolve(engine);
}
