// A migrated PGlite data folder, built once and copied for each test file.
// Creating a PGlite database runs initdb inside WebAssembly: 6–9 s on a 2-core machine, per file.
// Opening a copy of an initialised, migrated folder takes under a second. The template is cached
// under node_modules/.cache, keyed by the migrations and the PGlite version, so a changed
// migration builds a new one (docs/decisions/004-test-databases.md).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '../../db/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

export async function ensurePgliteTemplate(root = process.cwd()): Promise<string> {
  const migrationsFolder = path.join(root, 'drizzle');
  const hash = createHash('sha256');
  hash.update(readVersion(root));
  for (const file of listFiles(migrationsFolder)) {
    hash.update(path.relative(migrationsFolder, file));
    hash.update(fs.readFileSync(file));
  }
  const key = hash.digest('hex').slice(0, 16);
  const cacheDir = path.join(root, 'node_modules', '.cache', 'agency-portal');
  const target = path.join(cacheDir, `pglite-template-${key}`);
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return target;

  fs.mkdirSync(cacheDir, { recursive: true });
  const building = `${target}.building-${process.pid}-${randomBytes(3).toString('hex')}`;
  const client = openPglite(building);
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.close();
  }
  try {
    fs.renameSync(building, target);
  } catch {
    // Another run finished the same template first: use theirs.
    fs.rmSync(building, { recursive: true, force: true });
  }
  // Templates of earlier migrations are of no further use once no run can still be copying them.
  const hourAgo = Date.now() - 3_600_000;
  for (const name of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    if (
      name.startsWith('pglite-template-') &&
      !name.startsWith(`pglite-template-${key}`) &&
      fs.statSync(full).mtimeMs < hourAgo
    ) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
  return target;
}

/** Copies the template into a new folder inside `parent` and returns it (the caller removes it). */
export function copyPgliteTemplate(template: string, parent: string, prefix = 'pglite-'): string {
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

function readVersion(root: string): string {
  const pkg = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    })
    .sort();
}
