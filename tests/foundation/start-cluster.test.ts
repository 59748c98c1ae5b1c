import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workerCount } from '@/scripts/lib/cluster.mjs';

// `npm start` (scripts/start.mjs → scripts/lib/cluster.mjs; docs/decisions/015-one-server-per-core.md).
// The process tests run the real launcher on small HTTP servers that answer with their pid, so they
// need no build; the bench's smoke run in CI starts the real `next start` through it.

describe('workerCount', () => {
  const pg = { DATABASE_URL: 'postgres://u@db/portal' };

  it('starts one server per core on a PostgreSQL server, WEB_CONCURRENCY overriding', () => {
    expect(workerCount(pg, 4)).toMatchObject({ ok: true, workers: 4 });
    expect(workerCount({ ...pg, WEB_CONCURRENCY: '3' }, 4)).toMatchObject({ ok: true, workers: 3 });
    expect(workerCount({ ...pg, WEB_CONCURRENCY: ' ' }, 2)).toMatchObject({ ok: true, workers: 2 });
    expect(workerCount({ DATABASE_DRIVER: 'neon', DATABASE_URL: 'postgres://u@x.neon.tech/db' }, 2)).toMatchObject({ workers: 2 });
  });

  it('starts one server on embedded PGlite, and refuses more', () => {
    expect(workerCount({}, 8)).toMatchObject({ ok: true, workers: 1 });
    expect(workerCount({ ...pg, DATABASE_DRIVER: 'pglite' }, 8)).toMatchObject({ ok: true, workers: 1 });
    expect(workerCount({ WEB_CONCURRENCY: '1' }, 8)).toMatchObject({ ok: true, workers: 1 });
    const refused = workerCount({ WEB_CONCURRENCY: '2' }, 8);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/PGlite.*one process.*DATABASE_URL/);
  });

  it('names WEB_CONCURRENCY when its value is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '65', '1.5', 'two', '-1']) {
      const r = workerCount({ ...pg, WEB_CONCURRENCY: bad }, 2);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.error, bad).toBe('WEB_CONCURRENCY: expected a whole number from 1 to 64');
    }
  });
});

describe('scripts/start.mjs', () => {
  it('refuses a bad WEB_CONCURRENCY with one line, before starting anything', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATABASE_DRIVER: '', ...env }, timeout: 30_000 });
    const pglite = run({ WEB_CONCURRENCY: '2' });
    expect(pglite.status).toBe(1);
    expect(pglite.stderr.trim()).toMatch(/^npm start: WEB_CONCURRENCY=2: the embedded PGlite database can be opened by one process only/);
    const word = run({ WEB_CONCURRENCY: 'many' });
    expect(word.status).toBe(1);
    expect(word.stderr.trim()).toBe('npm start: WEB_CONCURRENCY: expected a whole number from 1 to 64');
    expect(word.stdout).toBe('');
  });
});

describe('runCluster', () => {
  let dir = '';
  let launcher: ChildProcess | null = null;
  afterEach(() => {
    if (launcher?.exitCode === null) launcher.kill('SIGKILL');
    launcher = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function freePort(): Promise<number> {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((r) => server.close(r));
    return port;
  }

  /** Starts the launcher on `workers` pid-answering servers; FAIL makes every server exit before it listens. */
  async function start(workers: number, extraEnv: Record<string, string> = {}) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-cluster-'));
    const worker = path.join(dir, 'worker.mjs');
    fs.writeFileSync(
      worker,
      `import http from 'node:http';
if (process.env.FAIL) process.exit(3);
http.createServer((req, res) => res.end(String(process.pid))).listen(Number(process.env.PORT), '127.0.0.1');`,
    );
    const harness = path.join(dir, 'harness.mjs');
    fs.writeFileSync(
      harness,
      `import { runCluster } from ${JSON.stringify(path.resolve('scripts/lib/cluster.mjs'))};
process.exitCode = await runCluster({ exec: ${JSON.stringify(worker)}, args: [], workers: ${workers}, stopTimeoutMs: 2000 });`,
    );
    const port = await freePort();
    const child = spawn(process.execPath, [harness], { env: { ...process.env, PORT: String(port), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher = child;
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, port, exited, output: () => output };
  }

  /** The pid that answers a new connection (no keep-alive: the primary deals connections, not requests). */
  const pidAt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 2000 }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(Number(body)));
        })
        .on('timeout', function (this: http.ClientRequest) {
          this.destroy(new Error('no answer within 2 s'));
        })
        .on('error', reject);
    });

  /** Pids that answer on the port over `tries` fresh connections (the primary deals them in turn). */
  async function pidsAt(port: number, tries = 8): Promise<Set<number>> {
    const pids = new Set<number>();
    for (let i = 0; i < tries; i++) {
      try {
        pids.add(await pidAt(port));
      } catch {
        /* not listening yet */
      }
    }
    return pids;
  }

  async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const v = await probe();
      if (done(v)) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('shares one port between the servers, replaces one that dies, and stops them all on SIGTERM', async () => {
    const { child, port, exited, output } = await start(2);
    const first = await until(() => pidsAt(port), (s) => s.size === 2, 'two servers on one port');
    const [victim, survivor] = [...first];

    process.kill(victim, 'SIGKILL');
    const after = await until(() => pidsAt(port), (s) => s.size === 2 && !s.has(victim), 'a replacement server');
    expect(after.has(survivor)).toBe(true);
    expect(output()).toMatch(new RegExp(`server ${victim} exited \\(signal SIGKILL\\); starting another`));

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of after) expect(alive(pid), `server ${pid} after SIGTERM`).toBe(false);
    expect(output()).toMatch(/SIGTERM: stopping 2 server\(s\)/);
  });

  it('ends with exit code 1, instead of restarting, when a server exits before it listens', async () => {
    const { exited, output } = await start(2, { FAIL: '1' });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/server \d+ exited \(code 3\) before it was ready; stopping/);
  });
});
