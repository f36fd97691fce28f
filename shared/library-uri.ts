// Whether a library name is a URI (`s3://bucket/prefix`) rather than a folder. Kept apart from the
// services' location.ts so the CLI's and the Electron main process's path handling load no service.

export function isRemoteLibrary(name: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(name);
}
