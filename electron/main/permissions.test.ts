// Tests for the permission policy: one harmless permission for Quire's own pages, nothing else for anyone.
import { describe, expect, it } from 'vitest';
import { createAppUrlPolicy } from './app-url';
import { allowPermissionCheck, allowPermissionRequest, GRANTED_PERMISSIONS } from './permissions';

const { isAppUrl } = createAppUrlPolicy();

// Electron's permission names (session.setPermissionRequestHandler docs), all refused.
const REFUSED = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'keyboardLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'idle-detection',
  'window-management',
  'hid',
  'serial',
  'usb',
  'storage-access',
  'top-level-storage-access',
  'fileSystem',
  'speaker-selection',
  'unknown',
];

describe('permission requests', () => {
  it('grants only a sanitised clipboard write, and only to app://quire', () => {
    expect([...GRANTED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
    expect(
      allowPermissionRequest('clipboard-sanitized-write', 'app://quire/index.html', isAppUrl),
    ).toBe(true);
    for (const url of ['https://evil.example/', 'file:///x/index.html', undefined]) {
      expect(allowPermissionRequest('clipboard-sanitized-write', url, isAppUrl)).toBe(false);
    }
  });

  it('refuses everything else, even to Quire’s own page', () => {
    for (const permission of REFUSED) {
      expect(
        allowPermissionRequest(permission, 'app://quire/index.html', isAppUrl),
        permission,
      ).toBe(false);
    }
  });
});

describe('permission checks', () => {
  it('answers the same way for origins', () => {
    expect(allowPermissionCheck('clipboard-sanitized-write', 'app://quire', isAppUrl)).toBe(true);
    expect(
      allowPermissionCheck('clipboard-sanitized-write', 'https://evil.example', isAppUrl),
    ).toBe(false);
    for (const permission of REFUSED) {
      expect(allowPermissionCheck(permission, 'app://quire', isAppUrl), permission).toBe(false);
    }
  });
});
