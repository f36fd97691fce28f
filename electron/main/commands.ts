// Menu commands main sends to the renderer: re-exported from the shared IPC protocol, where the
// renderer can see them too. Type-only where possible: the sandboxed preload bundles this file.
export {
  IPC_COMMAND as QUIRE_COMMAND,
  type MenuCommand as QuireCommand,
} from '../../shared/api/ipc';
