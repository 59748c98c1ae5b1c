import { config } from 'zod';

// Runs in the browser before the application's own code (Next.js instrumentation-client).
//
// zod 4 probes once whether it may compile parsers with `new Function`, when the first object
// schema is built (the validation schemas are built as their modules load). The probe's error
// is caught, but under the portal's CSP (no 'unsafe-eval'; docs/decisions/009-security-headers.md)
// the browser still reports a securitypolicyviolation for it. `jitless` skips the probe and the
// compiled parsers in the browser; the server (no CSP there) keeps the faster compiled ones.
config({ jitless: true });
