/** The messages between the server's main thread (./runner.ts) and its workers (./worker.ts). */
import type { Lang } from '@parindex/explain';

export type Route = 'validate' | 'score' | 'explain' | 'diff' | 'rank';

export interface Job {
  id: number;
  route: Route;
  /** The request body as text (parsed in the worker, with the limits of files). */
  text: string;
  lang: Lang;
  query: Record<string, string>;
  maxBytes: number;
}

/** The answer: HTTP status and the JSON text of the body (made in the worker). */
export interface Reply {
  id: number;
  status: number;
  body: string;
}

/** Rank's progress: inputs scored so far. */
export interface Progress {
  id: number;
  progress: { done: number; total: number };
}
