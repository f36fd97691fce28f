// Composition root of the services: builds every service for one library folder.
// Plain Node (no `electron` import) so the Electron main process, browser mode, the CLI and tests share it.
import { createDispatcher, type Dispatch } from '../../shared/api/dispatcher';
import type { Handlers } from '../../shared/api/contract';

export type ServicesOptions = {
  /** Library folder (created if missing). */
  libraryDir: string;
  mode: 'electron' | 'browser' | 'cli';
  appVersion?: string;
};

export type Services = {
  dispatch: Dispatch;
  handlers: Handlers;
  close(): Promise<void>;
};

export async function createServices(_opts: ServicesOptions): Promise<Services> {
  throw new Error('not yet wired');
}

export { createDispatcher };
