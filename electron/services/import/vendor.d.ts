// Type declarations for the untyped parsing libraries the importers and their tests use.

declare module '@citation-js/core' {
  type ChainOptions = { target?: string; generateGraph?: boolean; strict?: boolean };
  export const plugins: {
    input: { chain(input: unknown, options?: ChainOptions): unknown };
    config: { get(name: string): Record<string, unknown> };
  };
  export class Cite {
    constructor(data?: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** LaTeX accent commands → combining marks, and text commands → characters (null: none). */
  const constants: {
    diacritics: Record<string, string>;
    commands: Record<string, string | null>;
  };
  export default constants;
}
declare module '@citation-js/plugin-ris';

declare module 'bibtex-parse' {
  type Entry = { key: string; type: string } & Record<string, string | number | undefined>;
  const bibtexParse: { entries(bibtex: string): Entry[] };
  export default bibtexParse;
}
