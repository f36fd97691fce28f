// Types of electronegativity.mjs, for the TypeScript test that imports it.

export type Finding = {
  id: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
  description: string;
};

export type ScanResult = {
  findings: Finding[];
  suppressed: Finding[];
  errors: { file: string; message: string }[];
  raw: unknown[];
};

export type Verdict = {
  ok: boolean;
  counts: Record<Finding['severity'], number>;
  failing: Finding[];
  reported: Finding[];
  suppressed: Finding[];
  unexplained: string[];
  errors: { file: string; message: string }[];
};

export const SCAN_DIRS: string[];
export function listScanFiles(root: string): string[];
export function scanElectron(options?: {
  root?: string;
  electronVersion?: string;
}): Promise<ScanResult>;
export function review(result: Omit<ScanResult, 'raw'>, explanations: string): Verdict;
export function formatReview(verdict: Verdict): string;
