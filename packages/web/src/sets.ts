/** The sets the page can score with: the bundled ones, and any set file the user opens (compiled on first use). */
import { compile, type CompiledSet } from '@parindex/engine';

export interface SetChoice {
  ref: string;
  title: string;
  titleEn: string | undefined;
  bundled: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export class SetStore {
  private readonly raw = new Map<string, unknown>();
  private readonly compiled = new Map<string, CompiledSet>();
  readonly choices: SetChoice[] = [];

  constructor(bundled: readonly unknown[]) {
    for (const v of bundled) {
      if (!isObject(v)) continue;
      const ref = `${str(v.id)}@${str(v.version)}`;
      this.raw.set(ref, v);
      this.choices.push({ ref, title: str(v.title), titleEn: typeof v.titleEn === 'string' ? v.titleEn : undefined, bundled: true });
    }
  }

  has(ref: string): boolean {
    return this.raw.has(ref);
  }

  /** The compiled set; throws the engine's ParindexError when a set does not compile. */
  get(ref: string): CompiledSet {
    const done = this.compiled.get(ref);
    if (done) return done;
    const c = compile(this.raw.get(ref));
    this.compiled.set(ref, c);
    return c;
  }

  /** Compile a set file's JSON and offer it (replacing a set of the same ref). Throws ParindexError. */
  add(value: unknown): CompiledSet {
    const c = compile(value);
    const i = this.choices.findIndex((x) => x.ref === c.ref);
    const choice = { ref: c.ref, title: c.set.title, titleEn: c.set.titleEn, bundled: false };
    if (i >= 0) this.choices[i] = choice;
    else this.choices.push(choice);
    this.raw.set(c.ref, value);
    this.compiled.set(c.ref, c);
    return c;
  }
}
