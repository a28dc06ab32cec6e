/** @internal The one place the engine imports the rules package from. */
export * from '@parindex/rules';
