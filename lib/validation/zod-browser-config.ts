// zod 4's global configuration lives in `globalThis.__zod_globalConfig` (zod/v4/core/core.js:
// created on first load if absent, and shared by every copy of zod). Writing `jitless` there
// before zod loads is what `config({ jitless: true })` does, without loading zod's code: see
// instrumentation-client.ts for why the browser needs it.

type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };

export function configureZodForBrowser(target: ZodGlobal = globalThis as ZodGlobal): void {
  target.__zod_globalConfig ??= {};
  target.__zod_globalConfig.jitless = true;
}
