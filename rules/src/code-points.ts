/**
 * @internal The length of a string as the schemas count it (code points: an emoji is one character), for
 * the size limits of set, evidence and appraisal fields; one definition for the zod path and the
 * zod-free checks, so that both say the same length.
 */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
