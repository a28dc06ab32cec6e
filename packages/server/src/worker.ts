/**
 * A worker thread of the JSON API: answers one job at a time (./routes.ts). The main thread stops it
 * when a job runs past the time limit and starts another, so a slow request never blocks the server.
 * No stack trace leaves it: an unexpected failure is the coded API_INTERNAL.
 */
import { parentPort } from 'node:worker_threads';
import { diag } from '@parindex/rules';
import { RequestError } from './body.js';
import type { Job, Progress, Reply } from './protocol.js';
import { rankRoute } from './rank.js';
import { diffRoute, explainRoute, scoreRoute, validateRoute, worded, type Answer, type RouteInput } from './routes.js';

const ROUTES: Record<Job['route'], (input: RouteInput, job: Job) => Answer> = {
  validate: validateRoute,
  score: scoreRoute,
  explain: explainRoute,
  diff: diffRoute,
  // Progress at most about a hundred times a batch (and at its end).
  rank: (input, job) =>
    rankRoute(input, (done, total) => {
      if (parentPort && (done === total || done % Math.max(1, Math.floor(total / 100)) === 0)) parentPort.postMessage({ id: job.id, progress: { done, total } } satisfies Progress);
    }),
};

/** One job's answer; never throws. */
export function answer(job: Job): Reply {
  const input: RouteInput = { text: job.text, lang: job.lang, query: job.query, maxBytes: job.maxBytes };
  try {
    const a = ROUTES[job.route](input, job);
    return { id: job.id, status: a.status, body: JSON.stringify(a.body) };
  } catch (e) {
    if (e instanceof RequestError) return { id: job.id, status: e.status, body: JSON.stringify({ diagnostics: worded(e.diagnostics, job.lang) }) };
    if (process.env.PARINDEX_DEBUG === '1') console.error(e);
    return { id: job.id, status: 500, body: JSON.stringify({ diagnostics: worded([diag('API_INTERNAL', '', {})], job.lang) }) };
  }
}

parentPort?.on('message', (job: Job) => parentPort!.postMessage(answer(job)));
