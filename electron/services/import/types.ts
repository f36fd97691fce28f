// The importer contract: each format turns text into paper drafts plus a report of what it skipped.
import type { Progress } from '@shared/api/contract';
import type { ImportFormat, PaperDraft, SkippedRecord } from '@shared/api/schemas';

export type ParseContext = {
  /** File name, for messages and format detection. */
  name: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
};

export type ParseOutcome = {
  records: PaperDraft[];
  /** Records that could not be used (no title, unreadable entry…), each with a reason. */
  skipped: SkippedRecord[];
  /** File-level remarks that do not stop the import (e.g. "decoded as Windows-1252"). */
  warnings: string[];
};

export type Importer = {
  format: ImportFormat;
  /** Name shown to users, e.g. "BibTeX". */
  label: string;
  /** Lower-case file extensions without the dot. */
  extensions: string[];
  /** Cheap check on the first few KB of text: does it look like this format? */
  sniff(head: string): boolean;
  /**
   * Parses the whole text. Throws QuireError('invalid_file', message naming the problem)
   * when the file as a whole cannot be read; record-level problems go to `skipped`.
   */
  parse(text: string, ctx: ParseContext): Promise<ParseOutcome>;
};
