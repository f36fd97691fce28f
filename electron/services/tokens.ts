// Random tokens and ids that users see and type: undo tokens printed as `quire tag undo <token>`,
// suggestion ids. base64url, but never starting with "-", which a command line reads as an option
// (`quire tag undo -Bzss…` failed with "unknown option").
import { randomBytes } from 'node:crypto';

export function newToken(bytes = 9): string {
  return randomBytes(bytes).toString('base64url').replace(/^-/, 'x');
}
