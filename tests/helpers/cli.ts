// Runs the CLI entry points in scripts/ as child processes (through the local tsx, as
// `npm run …` does) against a database of their own: a PGlite folder in a temp dir on the PGlite
// stage, a fresh database on TEST_DATABASE_URL's server otherwise (through pg or the Neon driver,
// as the stage says).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '@/db/pglite';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { copyPgliteTemplate } from '../setup/pglite-template';

export type CliResult = { code: number; stdout: string; stderr: string; output: string };

const TSX = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs `tsx scripts/<script>` with `args`; resolves with the exit code and output (never rejects). */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [path.join('scripts', script), ...args],
      {
        cwd: process.cwd(),
        // NODE_ENV=test: @next/env then skips .env.local; empty values keep a developer's .env out.
        env: { ...process.env, NODE_ENV: 'test', PORTAL_PASSWORD: '', ...env } as NodeJS.ProcessEnv,
        timeout: 90_000,
        maxBuffer: 10 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
    child.stdin?.end(); // no terminal, no input
  });
}

export type CliDatabase = {
  /** Environment for runScript that points the script at this database. */
  env: Record<string, string | undefined>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  dispose(): Promise<void>;
};

/**
 * A database for one CLI test. On PGlite: a copy of the migrated template (`migrated: false` →
 * a folder that does not exist yet). On a server: a new database, migrated unless
 * `migrated: false` (the scripts migrate only the embedded database by themselves).
 */
export async function cliDatabase({ migrated = true } = {}): Promise<CliDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  // Inside the run's temp folder, which tests/setup/global.ts removes at the end.
  const tempRoot = inject('tempRoot') || os.tmpdir();
  if (!serverUrl) {
    const template = inject('pgliteTemplate');
    const parent = fs.mkdtempSync(path.join(tempRoot, 'cli-'));
    const dir = migrated && template ? copyPgliteTemplate(template, parent) : path.join(parent, 'pglite');
    return {
      env: { PGLITE_DIR: dir, DATABASE_URL: '', DATABASE_DRIVER: '' },
      async query<T>(text: string, params?: unknown[]) {
        const client = openPglite(dir);
        try {
          return (await client.query<T>(text, params)).rows;
        } finally {
          await client.close();
        }
      },
      async dispose() {
        fs.rmSync(parent, { recursive: true, force: true });
      },
    };
  }

  const name = `portal_cli_${inject('runId') || 'adhoc'}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database: CliDatabase = {
    env: { DATABASE_URL: url.toString(), PGLITE_DIR: '' },
    async query<T>(text: string, params?: unknown[]) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async dispose() {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  if (migrated) {
    // In-process (the migrate script itself is tested on its own): saves a child process per test.
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
    } finally {
      await client.end();
    }
  }
  return database;
}

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** True when util-linux `script` is there to run a command on a pseudo-terminal. */
export function hasScriptCommand(): boolean {
  return ['/usr/bin/script', '/bin/script'].some((p) => fs.existsSync(p));
}

/**
 * Runs `tsx scripts/<script>` on a pseudo-terminal (util-linux `script`), typing each answer
 * when its prompt appears. Resolves with the exit code and everything the terminal showed.
 */
export function runOnTerminal(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  answers: [prompt: string, answer: string][],
): Promise<{ code: number; screen: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [TSX, path.join('scripts', script), ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = execFile('script', ['-qefc', command, '/dev/null'], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: 'test', PORTAL_PASSWORD: '', ...env } as NodeJS.ProcessEnv,
      timeout: 90_000,
    });
    let screen = '';
    let next = 0;
    child.stdout?.on('data', (chunk: string) => {
      screen += chunk;
      while (next < answers.length && screen.split(answers[next][0]).length - 1 >= countPrompts(answers, next)) {
        child.stdin?.write(`${answers[next][1]}\r`);
        next += 1;
      }
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, screen }));
  });
}

// How many times answers[index]'s prompt must have appeared before it is answered (the same
// prompt may be asked more than once).
function countPrompts(answers: [string, string][], index: number): number {
  return answers.slice(0, index + 1).filter(([prompt]) => prompt === answers[index][0]).length;
}
