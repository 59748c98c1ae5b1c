import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { configureZodForBrowser } from '@/lib/validation/zod-browser-config';

// instrumentation-client.ts makes zod jitless in the browser without importing zod, by writing
// zod's shared global configuration (lib/validation/zod-browser-config.ts). These tests guard the
// contract with zod: a fresh Node process (zod not yet loaded) with the flag set first must get a
// jitless zod that never calls `new Function` (the probe a strict CSP reports).

function probeCalls(setFlag: boolean): { jitless: unknown; miniJitless: unknown; functionCalls: number; parsed: unknown } {
  const script = `
    let calls = 0;
    globalThis.Function = new Proxy(Function, { construct(target, args) { calls++; return Reflect.construct(target, args); } });
    ${setFlag ? 'globalThis.__zod_globalConfig ??= {}; globalThis.__zod_globalConfig.jitless = true;' : ''}
    const { z, config } = await import('zod');
    const mini = await import('zod/mini');
    const schema = z.object({ a: z.string().min(1), b: z.object({ c: z.number() }) });
    const parsed = schema.parse({ a: 'x', b: { c: 1 } });
    mini.object({ d: mini.string() }).parse({ d: 'y' });
    console.log(JSON.stringify({ jitless: config().jitless ?? null, miniJitless: mini.config().jitless ?? null, functionCalls: calls, parsed }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe('zod jitless without importing zod (instrumentation-client)', () => {
  it('writes the flag into zod’s global configuration, keeping what is there', () => {
    const target: { __zod_globalConfig?: Record<string, unknown> } = {};
    configureZodForBrowser(target);
    expect(target.__zod_globalConfig).toEqual({ jitless: true });
    const existing = { __zod_globalConfig: { customError: 'kept' } as Record<string, unknown> };
    configureZodForBrowser(existing);
    expect(existing.__zod_globalConfig).toEqual({ customError: 'kept', jitless: true });
  });

  it('a flag written before zod loads makes zod (classic and mini) jitless: no new Function', () => {
    const result = probeCalls(true);
    expect(result).toEqual({ jitless: true, miniJitless: true, functionCalls: 0, parsed: { a: 'x', b: { c: 1 } } });
  });

  it('without it, zod probes new Function (the control: the probe is what the test detects)', () => {
    expect(probeCalls(false).functionCalls).toBeGreaterThan(0);
  });
});
