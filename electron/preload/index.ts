// Preload script (sandboxed, bundled to out/preload/preload.cjs): exposes `window.quire` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

export type { QuireBridge } from './bridge';

contextBridge.exposeInMainWorld('quire', createBridge(ipcRenderer));
