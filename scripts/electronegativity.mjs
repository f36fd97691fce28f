#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security checklist) over the code Quire ships, offline: fails
// on any HIGH or MEDIUM finding, prints the LOW and informational ones and those an `eng-disable`
// comment suppresses, and fails when one of those is not explained in SECURITY.md.
//
// Why not `npx electronegativity`: its CLI needs commander 2 but does not declare it, so it picks up
// the project's commander 14 and crashes ("version is not a function"); it also fetches translations
// from S3 and Electron's release list from GitHub. This drives the same parser, checks and global
// checks as its runner (dist/runner.js), with local translations and without the release-list check.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ENG_ROOT = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What is scanned: the Electron processes and the renderer, as shipped (tests excluded). */
export const SCAN_DIRS = ['electron', 'renderer'];

/** Needs network (GitHub's Electron release list); the pinned Electron version is checked by npm audit. */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

/** The extensions Electronegativity's parser reads (its util/file.js list); .mjs/.cjs it cannot parse. */
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/i;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/i;

/** Files to scan below `root`: SCAN_DIRS without node_modules and tests, plus package.json. */
export function listScanFiles(root) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a missing folder (e.g. a fixture app without a renderer) has nothing to scan
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (SCANNED.test(entry.name) && !TEST_FILE.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const dir of SCAN_DIRS) walk(path.join(root, dir));
  files.sort();
  // package.json gives the Electron version check (ELECTRON_VERSION_JSON_CHECK) something to read.
  const pkg = path.join(root, 'package.json');
  try {
    readFileSync(pkg);
    files.push(pkg);
  } catch {
    // no package.json: nothing to add
  }
  return files;
}

let translationsReady = false;

/** Electronegativity's checks read their texts from a global `__`; configure it from its bundled en-US. */
function useBundledTranslations() {
  if (translationsReady) return;
  const i18n = require(require.resolve('i18n', { paths: [ENG_ROOT] }));
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.join(ENG_ROOT, 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
  translationsReady = true;
}

/** The installed Electron's version (the checks' defaults depend on it). */
function installedElectronVersion() {
  return require('electron/package.json').version;
}

/**
 * Runs every check on `root`. Returns the findings the tool reports, those silenced by an
 * `eng-disable` comment (each must have a reason in SECURITY.md), and files it could not parse.
 */
export async function scanElectron({
  root = REPO_ROOT,
  electronVersion = installedElectronVersion(),
} = {}) {
  useBundledTranslations();
  const { Parser } = require(path.join(ENG_ROOT, 'dist', 'parser'));
  const { Finder, GlobalChecks } = require(path.join(ENG_ROOT, 'dist', 'finder'));
  const parser = new Parser(false, true);
  const globalChecker = new GlobalChecks([], EXCLUDED_CHECKS, undefined);
  // The Finder knows only atomic checks and rejects global-check names, as in the runner.
  const atomicExcluded = EXCLUDED_CHECKS.filter((c) => !c.includes('globalcheck'));
  const finder = await new Finder([], atomicExcluded, undefined);

  const atomic = [];
  const errors = [];
  for (const file of listScanFiles(root)) {
    try {
      const [type, data, content] = parser.parse(file, readFileSync(file, 'utf8'));
      if (data === null) continue;
      atomic.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (err) {
      errors.push({ file: path.relative(root, file), message: err.message });
    }
  }
  const suppressed = atomic
    .filter((i) => i.visibility?.inlineDisabled)
    .map((i) => toFinding(i, root));
  const all = await globalChecker.getResults(atomic, undefined);
  // As the runner does: drop what an eng-disable comment or a satisfied global check hid.
  const visible = all.filter(
    (i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled),
  );
  return { findings: visible.map((i) => toFinding(i, root)), suppressed, errors, raw: visible };
}

function toFinding(issue, root) {
  return {
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : path.relative(root, issue.file),
    line: issue.location?.line ?? 0,
    manualReview: Boolean(issue.manualReview),
    description: issue.description,
  };
}

/**
 * The verdict: HIGH and MEDIUM findings fail; the rest (and every suppression) must be named in
 * `explanations` (SECURITY.md's text), so nothing is waved through silently.
 */
export function review({ findings, suppressed, errors }, explanations) {
  const failing = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const reported = findings.filter((f) => !failing.includes(f));
  const unexplained = [...new Set([...reported, ...suppressed].map((f) => f.id))].filter(
    (id) => !explanations.includes(id),
  );
  const counts = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return {
    ok: failing.length === 0 && unexplained.length === 0 && errors.length === 0,
    counts,
    failing,
    reported,
    suppressed,
    unexplained,
    errors,
  };
}

const line = (f) => `  ${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.line}`;

/** The report printed by the command. */
export function formatReview(verdict) {
  const out = [];
  const { HIGH, MEDIUM, LOW, INFORMATIONAL } = verdict.counts;
  out.push(
    `Electronegativity: ${HIGH} high, ${MEDIUM} medium, ${LOW} low, ${INFORMATIONAL} informational; ${verdict.suppressed.length} suppressed by eng-disable.`,
  );
  if (verdict.failing.length) {
    out.push('Failing (HIGH/MEDIUM):');
    for (const f of verdict.failing) out.push(`${line(f)}\n      ${f.description}`);
  }
  if (verdict.reported.length) {
    out.push('Reported, not failing (each must be explained in SECURITY.md):');
    for (const f of verdict.reported) out.push(line(f));
  }
  if (verdict.suppressed.length) {
    out.push('Suppressed by an eng-disable comment (each must be explained in SECURITY.md):');
    for (const f of verdict.suppressed) out.push(line(f));
  }
  for (const id of verdict.unexplained) out.push(`Not explained in SECURITY.md: ${id}`);
  for (const e of verdict.errors) out.push(`Could not parse ${e.file}: ${e.message}`);
  return out.join('\n');
}

function parseArgs(argv) {
  const args = { root: REPO_ROOT, output: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root' && argv[i + 1]) args.root = path.resolve(argv[++i]);
    else if (arg === '--output' && argv[i + 1]) args.output = path.resolve(argv[++i]);
    else
      throw new Error(
        `electronegativity: unknown argument ${arg} (use --root DIR, --output FILE.csv|FILE.sarif)`,
      );
  }
  if (args.output && !/\.(csv|sarif)$/i.test(args.output)) {
    throw new Error(`electronegativity: --output must end in .csv or .sarif, got ${args.output}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const result = await scanElectron({ root: args.root });
  let explanations = '';
  try {
    explanations = readFileSync(path.join(args.root, 'SECURITY.md'), 'utf8');
  } catch {
    // no SECURITY.md: every LOW is then unexplained, which fails below
  }
  const verdict = review(result, explanations);
  if (args.output) {
    const { writeIssues } = require(path.join(ENG_ROOT, 'dist', 'util'));
    writeIssues(args.root, false, args.output, result.raw, /\.sarif$/i.test(args.output));
  }
  console.log(formatReview(verdict));
  process.exitCode = verdict.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  });
}
