// The security suite's tools: raw HTTP to the portal under test (our own cookie jar, any header,
// forged ones included), server actions posted directly by id as an attacker would, the
// database behind the server (row snapshots before/after), and figures for the summary table.
//
// The server is started by playwright.security.config.ts (scripts/e2e-server.mjs on its own port,
// database and mailbox); it writes SECURITY_STATE_FILE with its URL and database.
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SECURITY_PORT = Number(process.env.SECURITY_PORT ?? 3200);
export const STATE_FILE =
  process.env.SECURITY_STATE_FILE ?? path.join(ROOT, `test-results/security/state-${SECURITY_PORT}.json`);
export const FIGURES_FILE = path.join(ROOT, 'test-results/security/figures.jsonl');

export type ServerState = { baseUrl: string; databaseUrl: string; mailboxDir: string };

let state: ServerState | null = null;
/** The server under test (written by scripts/e2e-server.mjs once its database is ready). */
export function server(): ServerState {
  if (state) return state;
  const raw = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as ServerState;
  if (!raw.databaseUrl) throw new Error('the security suite needs a PostgreSQL server (TEST_DATABASE_URL)');
  state = raw;
  return state;
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

export type HttpResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  setCookies: string[];
  text: string;
  ms: number;
};

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  timeoutMs?: number;
};

/**
 * One HTTP request with exactly the headers given (node:http, not fetch: fetch forbids setting
 * Host and adds its own Origin rules). Redirects are not followed.
 */
export function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) headers[k] = v;
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers,
        agent: false,
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookies: res.headers['set-cookie'] ?? [],
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A random address in TEST-NET-3, sent as X-Forwarded-For so per-IP limits of one test do not touch another's. */
export function randomIp(): string {
  return `203.0.113.${randomInt(1, 255)}`;
}

/**
 * A visitor: a cookie jar and an address. `anonymous()` has no session; `signIn()` returns one
 * with the session cookie the real sign-in action issued.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly label: string,
    readonly ip: string = randomIp(),
  ) {}

  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const removed = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (removed || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathOrUrl: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const url = new URL(pathOrUrl, server().baseUrl).toString();
    const response = await request(url, {
      ...options,
      headers: { 'x-forwarded-for': this.ip, cookie: this.cookieHeader(), ...options.headers },
    });
    this.keep(response.setCookies);
    return response;
  }

  /** A copy with the same cookies (e.g. a session kept from before a password reset). */
  clone(label = `${this.label} (copy)`): Visitor {
    const copy = new Visitor(label, this.ip);
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    return copy;
  }
}

export function anonymous(label = 'anonymous'): Visitor {
  return new Visitor(label);
}

// ── Server actions ───────────────────────────────────────────────────────────────────────────

export type ActionRef = { id: string; file: string; name: string; page: string };

let manifest: ActionRef[] | null = null;
/** Every server action of the build: id, source file, export name and a page that uses it. */
export function buildActions(): ActionRef[] {
  if (manifest) return manifest;
  const file = path.join(ROOT, '.next/server/server-reference-manifest.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  manifest = Object.entries(raw.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    page: Object.keys(entry.workers)[0] ?? '',
  }));
  return manifest;
}

/** The build's id of the server action exported as `name` (unique across the app). */
export function action(name: string): ActionRef {
  const found = buildActions().filter((a) => a.name === name);
  if (found.length !== 1) throw new Error(`server action ${name}: ${found.length} matches in the build`);
  return found[0];
}

export type ActionResponse = HttpResponse & {
  /** The action's return value, when the response carries one (not for a redirect). */
  result: unknown;
  /** x-action-redirect, when the action redirected (sign-in, sign-out…). */
  redirect: string | null;
};

/** Encodes arguments as React's encodeReply does for plain JSON values ('$' strings are escaped). */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_key, value) => (typeof value === 'string' && value.startsWith('$') ? `$${value}` : value));
}

/** The action's return value from an RSC reply: the row that `0:{"a":"$@1"…}` points at. */
export function parseActionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get('0');
  if (!head) return undefined;
  try {
    const root = JSON.parse(head) as { a?: unknown };
    if (typeof root.a === 'string' && root.a.startsWith('$@')) {
      const row = rows.get(root.a.slice(2));
      return row === undefined ? undefined : JSON.parse(row);
    }
    return root.a;
  } catch {
    return undefined;
  }
}

export type PostActionOptions = {
  /** The page the POST goes to (default: one that is not gated for the visitor, see below). */
  path?: string;
  /** Origin header; default the server's own origin. null sends none. */
  origin?: string | null;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
};

/**
 * Posts a server action directly, the way the browser's fetch does (Next-Action header, text/plain
 * body of JSON arguments). The default path is /login for an anonymous visitor and /settings for a
 * signed-in one: pages the proxy lets them reach, so the action's own checks are what is tested.
 */
export async function postAction(
  visitor: Visitor,
  name: string,
  args: unknown[],
  options: PostActionOptions = {},
): Promise<ActionResponse> {
  const ref = action(name);
  const signedIn = [...visitor.cookies.keys()].some((k) => k.includes('session-token'));
  const target = options.path ?? (signedIn ? '/settings' : '/login');
  const origin = options.origin === undefined ? new URL(server().baseUrl).origin : options.origin;
  const response = await visitor.fetch(target, {
    method: 'POST',
    headers: {
      'next-action': ref.id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: origin ?? undefined,
      ...options.headers,
    },
    body: options.body ?? encodeArgs(args),
  });
  const redirect = (response.headers['x-action-redirect'] as string | undefined)?.split(';')[0] ?? null;
  return { ...response, result: parseActionResult(response.text), redirect };
}

/** Signs in through the real sign-in action; throws unless a session cookie came back. */
export async function signIn(email: string, password: string, label = email): Promise<Visitor> {
  const visitor = new Visitor(label);
  const response = await postAction(visitor, 'loginAction', [{ email, password }]);
  if (![...visitor.cookies.keys()].some((k) => k.includes('session-token'))) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.result)}`);
  }
  return visitor;
}

// ── Database ─────────────────────────────────────────────────────────────────────────────────

let pool: pg.Pool | null = null;
/** The database of the server under test. */
export function database(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: server().databaseUrl, max: 4 });
  return pool;
}

export async function sql<T extends Record<string, unknown> = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await database().query(text, params)).rows as T[];
}

export async function closeDatabase(): Promise<void> {
  await pool?.end();
  pool = null;
}

/**
 * Tables whose rows an attacker's refused request may legitimately add: the rate limiter's
 * counters and the activity log (failed sign-ins are logged by design).
 */
export const BOOKKEEPING_TABLES = ['rate_limits', 'activity_log', '__drizzle_migrations'];

/**
 * Waits until the outbox has sent what is due (the portal delivers mail just after answering), so
 * a snapshot does not catch an earlier allowed action's mail half-way. A row being sent is still
 * PENDING, but its claim already moved next_attempt_at into the future (db/queries/outbox.ts):
 * it is told apart from a failed one, waiting for its retry, by having no last_error yet. Gives up
 * after 15 s.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const [row] = await sql<{ n: number }>(
      `select count(*)::int as n from email_outbox
        where status = 'PENDING' and (next_attempt_at <= now() or last_error is null)`,
    );
    if (row.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A fingerprint of every row of every table (md5 of the rows in a stable order), per table, taken
 * once pending mail has settled.
 */
export async function snapshot(exclude: string[] = BOOKKEEPING_TABLES): Promise<Record<string, string>> {
  await settle();
  const tables = await sql<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (exclude.includes(name)) continue;
    const [row] = await sql<{ n: string; h: string | null }>(
      `select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as h from "${name}" t`,
    );
    out[name] = `${row.n}:${row.h ?? ''}`;
  }
  return out;
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

// ── Figures for the summary table ────────────────────────────────────────────────────────────

export type Figure = {
  /** Section of the summary, e.g. "Access matrix". */
  area: string;
  /** What was counted, e.g. "checks", "inputs", "requests". */
  label: string;
  value: number;
  /** Failures found (leaks, 500s, lost writes…); 0 when all is well. */
  failures?: number;
  note?: string;
};

/** Appends a figure for scripts/security.mjs's summary table. */
export function record(figure: Figure): void {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figure, at: new Date().toISOString() })}\n`);
}
