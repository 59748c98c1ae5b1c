import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { log, sleep, step, warn } from './log';
import { ROOT } from './database';
import type { Options } from './options';

// The portal under test: the production build (`next build` once, reused while it exists unless
// --rebuild) started as `npm start` starts it (scripts/start.mjs: one `next start` per core, or
// --servers N) on its own port against the bench database, in bench mode
// (DB_QUERY_COUNTER=1 and a random BENCH_SECRET for /api/bench/queries).

const ISOLATED_TREE = '/tmp/portal-bench-tree';
// What is not source: never copied into the isolated tree.
const NOT_SOURCE = new Set(['.git', 'node_modules', '.next', '.data', 'test-results', 'playwright-report', 'bench', '.bench-gen-test.ts']);

export type App = {
  baseUrl: string;
  benchSecret: string;
  dir: string;
  /** The launcher (`npm start`'s scripts/start.mjs); its servers are its children. */
  child: ChildProcess;
  /** How many `next start` servers the launcher runs. */
  servers: number;
  stop: () => Promise<void>;
  /** Server log lines (last ones), for error reports. */
  output: () => string;
};

function sourceStamp(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!rel && NOT_SOURCE.has(entry.name)) continue;
      if (entry.name === 'tsconfig.tsbuildinfo' || entry.name === '.bench-source-stamp') continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        const st = fs.statSync(path.join(dir, child));
        hash.update(`${child}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk('');
  return hash.digest('hex');
}

/** Copies the source tree (node_modules hard-linked) to a private folder; true when it changed. */
function syncIsolatedTree(): boolean {
  const stampFile = path.join(ISOLATED_TREE, '.bench-source-stamp');
  const stamp = sourceStamp(ROOT);
  const same = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  const lockStamp = fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs.toString();
  const modulesStampFile = path.join(ISOLATED_TREE, '.bench-modules-stamp');
  fs.mkdirSync(ISOLATED_TREE, { recursive: true });
  if (!fs.existsSync(modulesStampFile) || fs.readFileSync(modulesStampFile, 'utf8') !== lockStamp) {
    log('isolated tree: hard-linking node_modules');
    fs.rmSync(path.join(ISOLATED_TREE, 'node_modules'), { recursive: true, force: true });
    // cp -al: a copy made of hard links (same file system), seconds instead of a real copy.
    const r = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(ISOLATED_TREE, 'node_modules')]);
    if (r.status !== 0) throw new Error(`cp -al node_modules failed: ${r.stderr}`);
    fs.writeFileSync(modulesStampFile, lockStamp);
  }
  if (same) return false;
  for (const entry of fs.readdirSync(ISOLATED_TREE)) {
    if (['node_modules', '.next', '.bench-modules-stamp'].includes(entry)) continue;
    fs.rmSync(path.join(ISOLATED_TREE, entry), { recursive: true, force: true });
  }
  for (const entry of fs.readdirSync(ROOT)) {
    if (NOT_SOURCE.has(entry)) continue;
    fs.cpSync(path.join(ROOT, entry), path.join(ISOLATED_TREE, entry), { recursive: true, preserveTimestamps: true });
  }
  fs.writeFileSync(stampFile, stamp);
  return true;
}

/** The folder to build and start in, built if needed. */
export async function ensureBuild(opts: Options): Promise<string> {
  let dir = ROOT;
  let changed = false;
  if (opts.isolated && opts.reuseBuild && fs.existsSync(path.join(ISOLATED_TREE, '.next', 'BUILD_ID'))) {
    log(`next build: reusing ${ISOLATED_TREE}/.next as it is (--reuse-build)`);
    return ISOLATED_TREE;
  }
  if (opts.isolated) {
    changed = syncIsolatedTree();
    dir = ISOLATED_TREE;
    log(`isolated tree: ${ISOLATED_TREE}${changed ? ' (source changed)' : ''}`);
  }
  const hasBuild = fs.existsSync(path.join(dir, '.next', 'BUILD_ID'));
  if (hasBuild && !opts.rebuild && !changed) {
    log(`next build: reusing ${path.join(dir, '.next')} (--rebuild to build again)`);
    return dir;
  }
  await step(`next build in ${dir} (a few minutes on 2 cores)`, async () => {
    const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', PGLITE_DIR: '' } as NodeJS.ProcessEnv;
    const child = spawn(path.join(dir, 'node_modules/.bin/next'), ['build'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (d: Buffer) => {
      tail = (tail + d).slice(-8000);
      for (const line of String(d).split('\n')) if (line.trim()) log(`  build: ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`next build failed (exit ${code})\n${tail}`);
    // The post-build step of `npm run build` (docs/decisions/014-compile-hints.md).
    const hints = spawnSync(process.execPath, [path.join(dir, 'scripts/compile-hints.mjs'), dir], { encoding: 'utf8' });
    if (hints.status !== 0) throw new Error(`compile hints failed: ${hints.stderr}`);
    log(`  ${hints.stdout.trim()}`);
  });
  return dir;
}

export async function startApp(opts: Options, dir: string, databaseUrl: string): Promise<App> {
  const baseUrl = `http://localhost:${opts.port}`;
  if (await isListening(baseUrl)) throw new Error(`port ${opts.port} is taken: stop what runs there or pass --port`);
  const benchSecret = randomBytes(24).toString('base64url');
  const mailbox = '/tmp/portal-bench-mailbox';
  fs.rmSync(mailbox, { recursive: true, force: true });
  fs.mkdirSync(mailbox, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: '',
    NEON_WS_PROXY: '',
    PGLITE_DIR: '',
    DB_QUERY_COUNTER: '1',
    BENCH_SECRET: benchSecret,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_URL: baseUrl,
    APP_URL: baseUrl,
    AUTH_TRUST_HOST: 'true',
    RESEND_API_KEY: '',
    AGENCY_NOTIFY_EMAIL: '',
    CRON_SECRET: '',
    MAILBOX_DIR: mailbox,
    WEB_CONCURRENCY: opts.servers === null ? (process.env.WEB_CONCURRENCY ?? '') : String(opts.servers),
  };
  // What `npm start` runs: one `next start` per core (docs/decisions/015-one-server-per-core.md).
  const child = spawn(process.execPath, [path.join(dir, 'scripts/start.mjs'), '-p', String(opts.port), '-H', '127.0.0.1'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const app: App = {
    baseUrl,
    benchSecret,
    dir,
    child,
    servers: 0,
    output: () => output,
    stop: async () => {
      if (exited) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
  // Ready when every server has said so (the first one answers while the others still start).
  const serversAnnounced = () => Number(/npm start: (\d+) server/.exec(output)?.[1] ?? NaN);
  const ready = () => (output.match(/Ready in/g) ?? []).length >= serversAnnounced();
  const started = Date.now();
  while (!(ready() && (await isListening(`${baseUrl}/api/health`)))) {
    if (exited) throw new Error(`npm start exited:\n${output}`);
    if (Date.now() - started > 60_000) {
      await app.stop();
      throw new Error(`npm start did not answer within 60 s:\n${output}`);
    }
    await sleep(250);
  }
  app.servers = serversAnnounced();
  log(`npm start: ${baseUrl}, ${app.servers} server(s) (pid ${child.pid}, from ${dir})`);
  return app;
}

async function isListening(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** The id of a server action, from the build's server-reference manifest. */
export function actionId(dir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${exportedName} from ${filename} in the build`);
}

export type SignIn = { cookie: string; ms: number; status: number; redirect: string | null };

/**
 * Signs in the way the login form does: the browser posts the `loginAction` server action to
 * /login (Next-Action header, the arguments encoded as React's encodeReply does for plain
 * objects); a success answers with the session cookie and an x-action-redirect header.
 */
export async function signIn(app: App, loginActionId: string, email: string, password: string): Promise<SignIn> {
  const t0 = performance.now();
  const res = await fetch(`${app.baseUrl}/login`, {
    method: 'POST',
    headers: {
      'Next-Action': loginActionId,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: app.baseUrl,
    },
    body: JSON.stringify([{ email, password, callbackUrl: '$undefined' }]),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  return { cookie: sessionCookieSet(res), ms, status: res.status, redirect: res.headers.get('x-action-redirect') };
}

/** The session cookie a response sets, as a Cookie header ('' when it sets none or removes it). */
function sessionCookieSet(res: Response): string {
  const lines = res.headers.getSetCookie().filter((c) => /authjs\.session-token/.test(c) && !/;\s*max-age=0/i.test(c));
  return lines.map((c) => c.split(';')[0]).join('; ');
}

/**
 * The session cookie as a browser would hold it now. The proxy renews a session at most every
 * 5 minutes and a browser keeps the renewed cookie (decision 005); a bench that kept sending the
 * sign-in cookie would, after 5 minutes, pay for re-sealing it on every request.
 */
export async function currentCookie(app: App, cookie: string): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/health`, { headers: { cookie }, redirect: 'manual' });
  await res.arrayBuffer();
  return sessionCookieSet(res) || cookie;
}

export async function signInOrThrow(app: App, loginActionId: string, email: string, password: string): Promise<string> {
  const r = await signIn(app, loginActionId, email, password);
  if (!r.cookie) throw new Error(`sign-in as ${email} failed (HTTP ${r.status}, redirect ${r.redirect ?? 'none'})`);
  log(`signed in as ${email} (${Math.round(r.ms)} ms, redirect ${r.redirect ?? '—'})`);
  return r.cookie;
}

/**
 * Queries counted by the app since it started (bench mode only). The route is not public (the
 * proxy sends a signed-out request to /login), so the bench sends a session cookie too.
 */
export async function queryCount(app: App, cookie: string): Promise<number> {
  const res = await fetch(`${app.baseUrl}/api/bench/queries`, {
    headers: { 'x-bench-secret': app.benchSecret, cookie },
    redirect: 'manual',
  });
  if (res.status !== 200) throw new Error(`/api/bench/queries answered ${res.status}`);
  const body = (await res.json()) as { count: number };
  return body.count;
}

export function warnIfDown(app: App): void {
  if (app.child.exitCode !== null) warn(`the app exited:\n${app.output()}`);
}
