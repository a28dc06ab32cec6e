/**
 * The criteria sets shipped in rules/sets/. The page's build (scripts/build.mjs) replaces this module
 * with one that holds every set file's JSON, so that the page works offline with nothing to fetch; the
 * sources as type-checked (and as unit tests import them) hold none.
 */
export const BUNDLED_SETS: readonly unknown[] = [];
