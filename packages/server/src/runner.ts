/**
 * The server's worker threads. Scoring is synchronous, so each request runs in a worker: when one runs
 * past its time limit (counted from its arrival, waiting included) the worker is terminated, a fresh
 * one takes its place, and the request gets the coded 503 API_TIMEOUT. The main thread only moves
 * bytes, so the server keeps answering.
 */
import { Worker } from 'node:worker_threads';
import { diag, type Diagnostic } from '@parindex/rules';
import { diagnosticText, type Lang } from '@parindex/explain';
import type { Job, Progress, Reply } from './protocol.js';

export interface RunnerOptions {
  threads: number;
  /** Time limit of one request, in milliseconds. */
  timeoutMs: number;
  /** Most requests waiting while every worker is busy; more get 503 API_BUSY. */
  maxPending: number;
  workerUrl: URL;
}

interface Pending {
  job: Job;
  resolve: (r: Reply) => void;
  onProgress: ((done: number, total: number) => void) | undefined;
  limit: number;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  current: Pending | undefined;
}

/** A coded error answer, made in the main thread. */
export function errorReply(id: number, status: number, d: Diagnostic, lang: Lang): Reply {
  return { id, status, body: JSON.stringify({ diagnostics: [{ ...d, text: diagnosticText(d, lang) }] }) };
}

export class Runner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died one after another without answering anything (a worker that cannot start). */
  private deaths = 0;

  constructor(private readonly options: RunnerOptions) {
    for (let i = 0; i < options.threads; i++) this.slots.push(this.start());
  }

  get threads(): number {
    return this.slots.length;
  }

  /** Run a job within `timeoutMs` (default: the runner's); resolves to its reply (never rejects). */
  run(job: Omit<Job, 'id'>, timeoutMs = this.options.timeoutMs, onProgress?: (done: number, total: number) => void): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve) => {
      if (this.slots.length === 0) {
        resolve(errorReply(id, 500, diag('API_INTERNAL', '', {}), job.lang));
        return;
      }
      const idle = this.slots.some((s) => s.current === undefined) && this.queue.length === 0;
      if (this.closed || (!idle && this.queue.length >= this.options.maxPending)) {
        resolve(errorReply(id, 503, diag('API_BUSY', '', { pending: this.queue.length }), job.lang));
        return;
      }
      const p: Pending = { job: { ...job, id }, resolve, onProgress, limit: timeoutMs, timer: setTimeout(() => this.expire(p), timeoutMs) };
      this.queue.push(p);
      this.pump();
    });
  }

  /** Terminate every worker; the requests waiting or running get 503. */
  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.queue.splice(0), ...this.slots.flatMap((s) => (s.current ? [s.current] : []))];
    for (const p of open) this.finish(p, errorReply(p.job.id, 503, diag('API_BUSY', '', { pending: 0 }), p.job.lang));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot {
    const worker = new Worker(this.options.workerUrl);
    const slot: Slot = { worker, current: undefined };
    const live = () => !this.closed && this.slots.includes(slot);
    worker.on('message', (m: Reply | Progress) => {
      const p = slot.current;
      if (!live() || !p || m.id !== p.job.id) return;
      if ('progress' in m) return p.onProgress?.(m.progress.done, m.progress.total);
      slot.current = undefined;
      this.deaths = 0;
      this.finish(p, m);
      this.pump();
    });
    // A worker that dies (out of memory, a crash) answers its request 500 and is replaced.
    const died = () => {
      if (!live()) return;
      const p = slot.current;
      this.replace(slot, true);
      if (p) this.finish(p, errorReply(p.job.id, 500, diag('API_INTERNAL', '', {}), p.job.lang));
      this.pump();
    };
    worker.on('error', died);
    worker.on('exit', died);
    return slot;
  }

  /**
   * A fresh worker in the slot's place; the old one is terminated (its events are ignored from now).
   * After a few deaths in a row with no answer between them the worker cannot start: the slot is
   * dropped, and with no slot left every request is answered 500 at once rather than restarting forever.
   */
  private replace(slot: Slot, died = false): void {
    const i = this.slots.indexOf(slot);
    if (died && ++this.deaths > 3 * this.options.threads) this.slots.splice(i, 1);
    else this.slots[i] = this.start();
    slot.current = undefined;
    void slot.worker.terminate();
    if (this.slots.length === 0) for (const p of this.queue.splice(0)) this.finish(p, errorReply(p.job.id, 500, diag('API_INTERNAL', '', {}), p.job.lang));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      slot.worker.postMessage(p.job);
    }
  }

  private finish(p: Pending, reply: Reply): void {
    clearTimeout(p.timer);
    p.resolve(reply);
  }

  private expire(p: Pending): void {
    const reply = errorReply(p.job.id, 503, diag('API_TIMEOUT', '', { limit: p.limit }), p.job.lang);
    const waiting = this.queue.indexOf(p);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      return this.finish(p, reply);
    }
    const slot = this.slots.find((s) => s.current === p);
    if (slot) this.replace(slot);
    this.finish(p, reply);
    this.pump();
  }
}
