// Types of build-default-model.mjs, for the TypeScript test that imports it.

export const MODEL_ID: string;
export const BUILD_REVISION: number;
export function manifestBase(version: string | null): Record<string, unknown>;
export function isUpToDate(dir: string, base: Record<string, unknown>): boolean;
export function buildDefaultModel(options?: {
  out?: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ built: boolean; dir: string; manifest?: Record<string, unknown> }>;
