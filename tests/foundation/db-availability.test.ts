import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import {
  databaseDown,
  isConnectionError,
  noteDatabaseError,
  noteDatabaseOk,
  registerDatabaseProbe,
  PROBE_INTERVAL_MS,
} from '@/lib/db-availability';
import { unavailableResponse } from '@/lib/unavailable-page';

// docs/decisions/011-database-outage.md: which failures mean "the database is down", the probe
// that clears it, the 503 answer, and the mail settings the faults test relies on.

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it('knows a stopped, starting, unreachable or full server', () => {
    for (const e of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      // drizzle wraps the driver's error: the cause chain is walked
      Object.assign(new Error('Failed query: select 1'), { cause: withCode('ECONNREFUSED') }),
    ]) {
      expect(isConnectionError(e), String(e.message)).toBe(true);
    }
  });

  it('does not take a failing statement for an outage', () => {
    for (const e of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation "nope" does not exist'),
      withCode('22P02', 'invalid input syntax for type uuid'),
      new Error('Not found'),
      null,
      'a string',
    ]) {
      expect(isConnectionError(e)).toBe(false);
    }
  });
});

describe('the down flag and its probe', () => {
  it('goes down on a connection failure only, and the probe brings it back once the database answers', async () => {
    let answers = false;
    let probes = 0;
    registerDatabaseProbe(async () => {
      probes++;
      if (!answers) throw withCode('ECONNREFUSED');
    });
    noteDatabaseError(withCode('23505'));
    expect(databaseDown()).toBe(false);

    noteDatabaseError(withCode('ECONNREFUSED'));
    expect(databaseDown()).toBe(true);
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS * 2.5));
    expect(probes).toBeGreaterThanOrEqual(1);
    expect(databaseDown()).toBe(true);

    answers = true;
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS * 2.5));
    expect(databaseDown()).toBe(false);
    const after = probes;
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS * 1.5));
    expect(probes).toBe(after); // the probe stops once the database is back
  });

  it('any successful query clears it at once', () => {
    registerDatabaseProbe(async () => undefined);
    noteDatabaseError(withCode('57P01'));
    expect(databaseDown()).toBe(true);
    noteDatabaseOk();
    expect(databaseDown()).toBe(false);
  });
});

describe('the 503 answer', () => {
  it('is a readable page for a browser and a line of text for a server action, never cached', async () => {
    const page = unavailableResponse(new Request('http://localhost/dashboard', { headers: { accept: 'text/html' } }));
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('temporarily unavailable');
    expect(html).not.toContain('<script');

    const action = unavailableResponse(new Request('http://localhost/tickets', { method: 'POST', headers: { 'next-action': 'abc' } }));
    expect(action.status).toBe(503);
    expect(action.headers.get('content-type')).toContain('text/plain');
  });
});

describe('mail retry settings', () => {
  const base = { AUTH_SECRET: 'x'.repeat(32) };
  it('default to a 60 s backoff base and a 15 s send timeout', () => {
    const r = parseEnv(base);
    expect(r.ok && r.env.OUTBOX_BACKOFF_SECONDS).toBe(60);
    expect(r.ok && r.env.MAIL_SEND_TIMEOUT_SECONDS).toBe(15);
  });

  it('accept whole seconds and name the variable otherwise', () => {
    const ok = parseEnv({ ...base, OUTBOX_BACKOFF_SECONDS: '2', MAIL_SEND_TIMEOUT_SECONDS: '3' });
    expect(ok.ok && [ok.env.OUTBOX_BACKOFF_SECONDS, ok.env.MAIL_SEND_TIMEOUT_SECONDS]).toEqual([2, 3]);
    const bad = parseEnv({ ...base, OUTBOX_BACKOFF_SECONDS: 'soon', MAIL_SEND_TIMEOUT_SECONDS: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.some((e) => e.startsWith('OUTBOX_BACKOFF_SECONDS:'))).toBe(true);
      expect(bad.errors.some((e) => e.startsWith('MAIL_SEND_TIMEOUT_SECONDS:'))).toBe(true);
    }
  });
});

describe('password hashing gate settings', () => {
  const base = { AUTH_SECRET: 'x'.repeat(32) };
  it('accept a slot count and a duty cycle in range, and name the variable otherwise', () => {
    const ok = parseEnv({ ...base, PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_DUTY_CYCLE: '0.25', WEB_CONCURRENCY: '2' });
    expect(ok.ok && [ok.env.PASSWORD_HASH_CONCURRENCY, ok.env.PASSWORD_HASH_DUTY_CYCLE, ok.env.WEB_CONCURRENCY]).toEqual([2, 0.25, 2]);
    const bad = parseEnv({ ...base, PASSWORD_HASH_CONCURRENCY: '0', PASSWORD_HASH_DUTY_CYCLE: '2', WEB_CONCURRENCY: '1.5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.some((e) => e.startsWith('PASSWORD_HASH_CONCURRENCY:'))).toBe(true);
      expect(bad.errors.some((e) => e.startsWith('PASSWORD_HASH_DUTY_CYCLE:'))).toBe(true);
      expect(bad.errors).toContain('WEB_CONCURRENCY: expected a whole number from 1 to 64');
    }
  });
});
