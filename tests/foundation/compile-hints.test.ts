import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapConsumer, SourceMapGenerator } from 'source-map-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HINT } from '@/scripts/compile-hints.mjs';

// The post-build step of `npm run build` (docs/decisions/014-compile-hints.md), run as the CLI on
// a miniature `.next` folder shaped like the one Next.js 16 writes.

const SCRIPT = path.resolve('scripts/compile-hints.mjs');
let dir: string;

function write(rel: string, text: string) {
  const file = path.join(dir, '.next', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
const read = (rel: string) => fs.readFileSync(path.join(dir, '.next', rel), 'utf8');
const run = () => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });

/** A one-line chunk whose map points its first column at line 7 of app/page.tsx. */
function mapFor(file: string) {
  const gen = new SourceMapGenerator({ file });
  gen.addMapping({ generated: { line: 1, column: 0 }, original: { line: 7, column: 2 }, source: 'app/page.tsx' });
  return gen.toJSON();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'));
  write('build-manifest.json', JSON.stringify({ rootMainFiles: ['static/chunks/main.js'], polyfillFiles: ['static/chunks/polyfill.js'] }));
  write(
    'server/app/(portal)/tickets/page_client-reference-manifest.js',
    'globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n' +
      `globalThis.__RSC_MANIFEST["/(portal)/tickets/page"] = ${JSON.stringify({ clientModules: {}, entryJSFiles: { '[project]/app/layout': ['static/chunks/layout.js', 'static/chunks/main.js'] } })};`,
  );
  // An index map (what Turbopack writes) for main.js, a plain map for layout.js.
  write('static/chunks/main.js', 'main();\n//# sourceMappingURL=main.js.map');
  write('static/chunks/main.js.map', JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, map: mapFor('main.js') }] }));
  write('static/chunks/layout.js', 'layout();\n//# sourceMappingURL=layout.js.map');
  write('static/chunks/layout.js.map', JSON.stringify(mapFor('layout.js')));
  write('static/chunks/lazy.js', 'lazy();');
  write('static/chunks/polyfill.js', 'polyfill();');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compile hints', () => {
  it('marks the startup chunks named by the manifests, and only those', () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 of 2 startup chunks marked');
    expect(read('static/chunks/main.js')).toBe(`${HINT}\nmain();\n//# sourceMappingURL=main.js.map`);
    expect(read('static/chunks/layout.js').startsWith(`${HINT}\nlayout();`)).toBe(true);
    // Loaded later (dynamic import) or never by Chrome (nomodule polyfills): left as built.
    expect(read('static/chunks/lazy.js')).toBe('lazy();');
    expect(read('static/chunks/polyfill.js')).toBe('polyfill();');
  });

  it('keeps both kinds of source map pointing at the right source line', () => {
    expect(run().status).toBe(0);
    for (const name of ['main', 'layout']) {
      const consumer = new SourceMapConsumer(JSON.parse(read(`static/chunks/${name}.js.map`)));
      // The code moved to line 2; line 2 must still map to line 7 of app/page.tsx.
      expect(consumer.originalPositionFor({ line: 2, column: 0 })).toMatchObject({ source: 'app/page.tsx', line: 7 });
    }
  });

  it('changes nothing when run twice', () => {
    expect(run().status).toBe(0);
    const before = ['main.js', 'main.js.map', 'layout.js', 'layout.js.map'].map((f) => read(`static/chunks/${f}`));
    const again = run();
    expect(again.stdout).toContain('0 of 2 startup chunks marked (2 already were)');
    expect(['main.js', 'main.js.map', 'layout.js', 'layout.js.map'].map((f) => read(`static/chunks/${f}`))).toEqual(before);
  });

  it('refuses a folder without a build, with a clear message', () => {
    fs.rmSync(path.join(dir, '.next'), { recursive: true });
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no build in');
  });
});
