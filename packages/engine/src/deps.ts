/** @internal The one place the browser-safe engine imports the rules package from (the Node-only pool worker also reads files with @parindex/rules/files). */
export * from '@parindex/rules';
