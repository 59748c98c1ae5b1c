#!/usr/bin/env node
// Runs after `next build` (npm run build, the e2e server and the bench call it): marks the
// JavaScript chunks that pages run at startup with V8's explicit compile hint
// `//# allFunctionsCalledOnLoad`. Chrome then compiles their functions on the background thread
// that streams the script, instead of lazily on the main thread while the page hydrates, which
// was most of the longest task of every page load (docs/decisions/014-compile-hints.md).
// Chunks loaded later (dynamic imports) are left alone: compiling them eagerly would be waste.
//
// Usage: node scripts/compile-hints.mjs [project dir]   (idempotent; prints what it marked)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HINT = '//# allFunctionsCalledOnLoad';

/** Chunk paths (relative to .next) every page's HTML loads: the root main files and each
 *  route's entry chunks, from the manifests `next build` writes. */
export function startupChunks(distDir) {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8'));
  const chunks = new Set(build.rootMainFiles ?? []);
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('_client-reference-manifest.js')) {
        // `globalThis.__RSC_MANIFEST["/route"] = {...}`: the JSON object after the first `= `.
        const text = fs.readFileSync(full, 'utf8');
        const json = text.slice(text.indexOf('= {') + 2).trim().replace(/;$/, '');
        const manifest = JSON.parse(json);
        for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const f of files) chunks.add(f);
      }
    }
  };
  walk(path.join(distDir, 'server', 'app'));
  return [...chunks].filter((f) => f.endsWith('.js')).sort();
}

/** Puts the hint on the chunk's first line; shifts its source map (if any) one line down.
 *  Returns false when the chunk already has it. */
export function addHint(file) {
  const code = fs.readFileSync(file, 'utf8');
  if (code.startsWith(HINT)) return false;
  fs.writeFileSync(file, `${HINT}\n${code}`);
  const mapName = code.slice(-300).match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
  const mapFile = mapName && path.join(path.dirname(file), mapName);
  if (mapFile && fs.existsSync(mapFile)) {
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    if (Array.isArray(map.sections)) for (const s of map.sections) s.offset.line += 1;
    else map.mappings = `;${map.mappings}`;
    fs.writeFileSync(mapFile, JSON.stringify(map));
  }
  return true;
}

function main() {
  const root = path.resolve(process.argv[2] ?? '.');
  const distDir = path.join(root, '.next');
  if (!fs.existsSync(path.join(distDir, 'build-manifest.json'))) {
    console.error(`compile-hints: no build in ${distDir} (run next build first)`);
    process.exit(1);
  }
  const chunks = startupChunks(distDir);
  let marked = 0;
  for (const rel of chunks) if (addHint(path.join(distDir, rel))) marked += 1;
  console.log(`compile-hints: ${marked} of ${chunks.length} startup chunks marked (${chunks.length - marked} already were)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
