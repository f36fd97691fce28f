// Playwright: end-to-end tests of browser mode (`quire serve`) in Debian's Chromium, one worker.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  // `browser`: the UI in browser mode (runs everywhere); `electron`: the desktop app through
  // Playwright's _electron, which skips with a one-line reason where no Electron binary exists.
  projects: [
    { name: 'browser', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  // One server + browser at a time: the CI machines have two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  // Screenshots the specs save on purpose go to test-results/screenshots, outside this folder,
  // so a failing run's traces and the views' screenshots do not overwrite each other.
  outputDir: 'test-results/artifacts',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own browser download is not available here; Debian's Chromium is.
      executablePath: process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
