/**
 * The part of papaparse the core uses, for tsconfig.core.json: @types/papaparse references Node's types, which
 * would let Node APIs into the core's compile unnoticed.
 */
declare const Papa: {
  unparse(
    data: unknown[][],
    config?: {
      delimiter?: string;
      newline?: string;
      quotes?: boolean;
      quoteChar?: string;
      escapeChar?: string;
    },
  ): string;
};
export default Papa;
