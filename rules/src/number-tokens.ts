/**
 * The grouped number tokens of each document readJson parsed ("3.000": 3 to JSON, 3000 to an officer),
 * by its root. Apart from ./json.ts so that scoring, which reads them, does not carry the JSON parser
 * (a page scoring values it already holds never parses a file).
 */
const NUMBER_TOKENS = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The unquoted numbers of a document read by readJson whose text JSON reads otherwise than an officer
 * may mean it ("3.000" is 3 to JSON, 3000 to the officer), by JSON pointer; undefined when there are none
 * or the value was not read by readJson (an API caller's value).
 */
export function numberTokensOf(root: unknown): ReadonlyMap<string, string> | undefined {
  return root !== null && typeof root === 'object' ? NUMBER_TOKENS.get(root) : undefined;
}

/** @internal readJson records the grouped number tokens of a document it parsed. */
export function recordNumberTokens(root: object, tokens: ReadonlyMap<string, string>): void {
  NUMBER_TOKENS.set(root, tokens);
}
