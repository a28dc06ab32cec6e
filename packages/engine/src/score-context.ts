/** @internal What scoring one unit carries from node to node: the set, the evidence, what was found. */
import { Decimal, decText, type Diagnostic, type Rounding, type RoundingLevel } from './deps.js';
import type { CompiledNode, CompiledSet } from './compile.js';
import type { LeafReading } from './leaf.js';
import type { Evidence } from './evidence.js';
import type { CriterionRecord, Flag, FlagCode, NodeStatus, RoundingStep, Step } from './result.js';
import type { Prepared } from './values.js';

export const ZERO = new Decimal(0);

const MODES = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
} as const;

/** The value rounded as declared (nothing when nothing is declared), without a step: for what a change would give. */
export function roundedAs(value: Decimal, rounding: Rounding | undefined): Decimal {
  return rounding ? value.toDecimalPlaces(rounding.places, MODES[rounding.mode]) : value;
}

/** Round where the set declares it, recording the step (when there is a list of steps: the compact form has none). */
export function round(value: Decimal, rounding: Rounding | undefined, level: RoundingLevel, steps: Step[] | null, part?: string): Decimal {
  if (!rounding) return value;
  const to = value.toDecimalPlaces(rounding.places, MODES[rounding.mode]);
  if (steps === null) return to;
  const step: RoundingStep = { kind: 'round', level, from: decText(value), to: decText(to), places: rounding.places, mode: rounding.mode };
  if (part !== undefined) step.part = part;
  steps.push(step);
  return to;
}

export interface Ctx {
  compiled: CompiledSet;
  /**
   * Build each leaf's trace (inputs, documents, advice, source): the full result. Without it the same
   * stages decide the same points, statuses and flags, and only the compact record is kept.
   */
  trace: boolean;
  evidence: Evidence;
  prepared: Prepared;
  diagnostics: Diagnostic[];
  flags: Flag[];
  notApplicable: Set<string>;
  /** The exact figures and status of the last node result built (see keepExact). */
  last: Exact & { status: NodeStatus };
  /**
   * The compact form's criterion records, each made as its criterion is scored (a group's place is
   * taken before its children's, filled after them: the order toCompact gives); null in the full form.
   */
  records: CriterionRecord[] | null;
  /**
   * How many records are made (or have their place taken): records is made of the length the set's
   * nodes give (one record each), not grown one by one (which left garbage, and room to spare in every
   * kept result).
   */
  recorded: number;
  /**
   * How leaves read their inputs (leaf.ts leafReading): the reader, and the unit's lists of what its
   * leaves read and of the steps they wrote, each leaf's from where its own start (finish() copies a
   * leaf's steps into its trace, in a list of their exact length).
   */
  reading: LeafReading;
}

/**
 * The flags of every node without any, in the compact form: one frozen empty list, shared by all the
 * records of all units. A compact record is kept for every unit of a ranking and most nodes have no
 * flag: a list each was a third of the objects a kept record holds, and the collector copies each.
 * The full form keeps a list of its own per node.
 */
export const NO_FLAGS: FlagCode[] = Object.freeze([]) as unknown as FlagCode[];
/** A node's one flag, in the compact form: a frozen list per flag code, shared as NO_FLAGS is. */
const ONE_FLAG = new Map<FlagCode, FlagCode[]>();
/**
 * The flags a node keeps. In the compact form, a list of one flag (most flagged nodes) is the shared one
 * and a longer list a copy of its exact length: a list grown by push has room for 17 (~150 bytes), and a
 * ranking keeps every record.
 */
export function flagsKept(ctx: Ctx, flags: FlagCode[] | null): FlagCode[] {
  if (ctx.trace) return flags ?? [];
  if (flags === null || flags.length === 0) return NO_FLAGS;
  if (flags.length > 1) return flags.slice();
  const code = flags[0]!;
  let one = ONE_FLAG.get(code);
  if (!one) ONE_FLAG.set(code, (one = Object.freeze([code]) as unknown as FlagCode[]));
  return one;
}

/**
 * A criterion's compact record. A ranking keeps one per criterion per unit, and two in three are a
 * criterion scored in full or scored zero out of its whole maximum, with no flag: those are the
 * node's records made at compile (CompiledNode.usual), frozen and shared by the results of every unit
 * as NO_FLAGS is, so that a kept result holds fewer objects of its own (the collector copies each one
 * it holds). The others are the result's own.
 */
export function keptRecord(node: CompiledNode, status: NodeStatus, points: Decimal, applicableMax: Decimal, flags: FlagCode[]): CriterionRecord {
  const usual = node.usual;
  if (usual !== null && flags === NO_FLAGS && status === 'scored' && applicableMax.eq(node.max) && (points.eq(node.max) || points.isZero())) return usual[+points.isZero()]!;
  return { code: node.code, status, points: pointsText(node, points), applicableMax: pointsText(node, applicableMax), flags };
}

/** Points of a node as text: its maximum's text made at compile when they equal it (equal decimals have one text). */
export const pointsText = (node: CompiledNode, points: Decimal): string => (points.eq(node.max) ? node.maxText : decText(points));

export function addFlag(ctx: Ctx, flags: FlagCode[], code: FlagCode, criterion: string): void {
  if (!flags.includes(code)) {
    flags.push(code);
    ctx.flags.push({ code, criterion });
  }
}

/**
 * The exact points and applicable maximum of the node (or block) result just built, so that sums do
 * not parse the result's decimal strings back: the caller reads them right after each call (ctx.last
 * is one object per unit, overwritten by each node: whoever keeps the figures copies them). A zero is
 * kept as +0, exactly as parsing "0" would give.
 */
export interface Exact {
  points: Decimal;
  applicableMax: Decimal;
}
/** A zero as +0, the one ZERO object (as parsing "0" would give). */
export const plusZero = (d: Decimal): Decimal => (d.isZero() ? ZERO : d);
export function keepExact<T extends object>(ctx: Ctx, r: T, points: Decimal, applicableMax: Decimal): T {
  const last = ctx.last;
  last.points = plusZero(points);
  last.applicableMax = plusZero(applicableMax);
  return r;
}
