// Types of set-validator-code.mjs (read by the drift test in src/schema.test.ts).
export declare const SET_VALIDATOR_OPTIONS: { allErrors: true; strict: false; allowUnionTypes: true };
export declare function setValidatorCode(schema: Record<string, unknown>): string;
