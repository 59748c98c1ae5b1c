// Runs in the browser before the application's own code (Next.js instrumentation-client).
//
// zod 4 probes once whether it may compile parsers with `new Function`, when the first object
// schema is built (the validation schemas are built as their modules load). The probe's error
// is caught, but under the portal's CSP (no 'unsafe-eval'; docs/decisions/009-security-headers.md)
// the browser still reports a securitypolicyviolation for it. `jitless` skips the probe and the
// compiled parsers in the browser; the server (no CSP there) keeps the faster compiled ones.
//
// zod keeps its configuration in `globalThis.__zod_globalConfig` (shared by every copy of zod, and
// what `config({ jitless: true })` writes to), so it is set here without importing zod: this file
// runs on every page, and most pages load no zod at all (docs/decisions/008-performance.md).
// tests/foundation/zod-browser-config.test.ts checks that zod still reads it from there.
import { configureZodForBrowser } from './lib/validation/zod-browser-config';

configureZodForBrowser();
