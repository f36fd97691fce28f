// The renderer runs under a CSP without 'unsafe-eval' (electron/main/content-security-policy.ts):
// tell zod so before any schema is used, instead of letting it probe `new Function` and trip a
// CSP violation report on every start. Imported first by main.tsx.
import { config } from 'zod';

config({ jitless: true });
