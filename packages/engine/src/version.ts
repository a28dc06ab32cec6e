/** Bumped with every change to scoring behaviour; recorded in every result's provenance. */
export const ENGINE_NAME = '@parindex/engine';
export const ENGINE_VERSION = '0.1.0';
