import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import * as React from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { requestPasswordReset } from '@/db/queries/accounts';
import { emailOutbox } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import { deliverNow, flushDeliveries, queueEmail, retryDue, TOKEN_LINK } from '@/lib/email/outbox';
import { getTransport, MailboxTransport, ResendTransport } from '@/lib/email/transport';
import { resetEnvCache } from '@/lib/env';
import { createUser, readMailbox } from '../helpers/factories';
import { Sample } from './sample-mail';

// The outbox and its two transports. Resend is exercised against a local fake that speaks its
// HTTP API: POST /emails with a Bearer key and an Idempotency-Key, JSON reply { id }.

type Received = { key: string | null; auth: string | null; body: Record<string, unknown> };

class FakeResend {
  server!: Server;
  requests: Received[] = [];
  /** Delivered mails by idempotency key (Resend sends a key's mail once). */
  delivered = new Map<string, Record<string, unknown>>();
  failNext = 0;

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const body = JSON.parse((await read(req)) || '{}') as Record<string, unknown>;
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      this.requests.push({ key, auth: req.headers.authorization ?? null, body });
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.statusCode = 404;
        return res.end(JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Not found' }));
      }
      if (req.headers.authorization !== 'Bearer re_test_key') {
        res.statusCode = 401;
        return res.end(JSON.stringify({ statusCode: 401, name: 'missing_api_key', message: 'Missing API key' }));
      }
      if (this.failNext > 0) {
        this.failNext -= 1;
        res.statusCode = 500;
        return res.end(JSON.stringify({ statusCode: 500, name: 'internal_server_error', message: 'Something broke' }));
      }
      if (key && !this.delivered.has(key)) this.delivered.set(key, body);
      res.statusCode = 200;
      res.end(JSON.stringify({ id: `email_${key ?? Math.random()}` }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

const fake = new FakeResend();
let base = '';

beforeAll(async () => {
  base = await fake.start();
});
afterAll(async () => {
  await fake.stop();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
});
beforeEach(async () => {
  await flushDeliveries();
});

function useResend() {
  process.env.RESEND_API_KEY = 're_test_key';
  process.env.RESEND_BASE_URL = base;
  process.env.EMAIL_FROM = 'Agency <portal@agency.test>';
  resetEnvCache();
}
function useMailbox() {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.EMAIL_FROM;
  resetEnvCache();
}

async function row(id: string) {
  const [r] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return r;
}

describe('queueEmail', () => {
  it('stores html and text with the link only as a placeholder; the link itself encrypted', async () => {
    const link = 'http://localhost:3000/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const id = await queueEmail(db, {
      to: ' Someone@Example.test ',
      template: 'sample',
      subject: 'Sample',
      element: React.createElement(Sample, { url: TOKEN_LINK, name: 'Sam' }),
      link,
    });
    const r = await row(id);
    expect(r).toMatchObject({ toAddress: 'someone@example.test', status: 'PENDING', attempts: 0 });
    expect(r.html).toContain(TOKEN_LINK);
    expect(r.text).toContain(TOKEN_LINK);
    expect(r.text).toContain('Hello Sam');
    expect(`${r.html}${r.text}${r.secret}`).not.toContain('AAAAAAAAAAAA');
    expect(decryptSecret(r.secret!)).toBe(link);
  });

  it('refuses an element that renders the real link, or lacks the placeholder', async () => {
    const link = 'http://localhost:3000/verify-email?token=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    await expect(
      queueEmail(db, { to: 'a@example.test', template: 't', subject: 's', element: React.createElement(Sample, { url: link, name: 'x' }), link }),
    ).rejects.toThrow();
    await expect(
      queueEmail(db, { to: 'a@example.test', template: 't', subject: 's', element: React.createElement(Sample, { name: 'x' }), link }),
    ).rejects.toThrow();
  });

  it('is part of the caller transaction: a rollback leaves no mail', async () => {
    const before = (await db.select().from(emailOutbox)).length;
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, { to: 'rollback@example.test', template: 't', subject: 's', element: React.createElement(Sample, { name: 'x' }) });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await db.select().from(emailOutbox)).length).toBe(before);
  });
});

describe('Resend transport (local fake of the HTTP API)', () => {
  it('is chosen when RESEND_API_KEY is set', () => {
    useResend();
    expect(getTransport()).toBeInstanceOf(ResendTransport);
    useMailbox();
    expect(getTransport()).toBeInstanceOf(MailboxTransport);
  });

  it('a 500 is retried later with the same Idempotency-Key; exactly one mail is delivered; the secret is erased', async () => {
    useResend();
    await db.delete(emailOutbox); // only this test's mail in the retry pass
    const link = 'http://localhost:3000/reset-password?token=CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC';
    const id = await queueEmail(db, {
      to: 'client@example.test',
      template: 'sample',
      subject: 'Reset your password',
      element: React.createElement(Sample, { url: TOKEN_LINK, name: 'Cleo' }),
      link,
    });
    fake.failNext = 1;
    fake.requests = [];

    expect(await deliverNow([id])).toMatchObject({ sent: 0, retry: 1 });
    let r = await row(id);
    expect(r).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(r.lastError).toMatch(/500/);
    expect(r.secret).not.toBeNull();
    expect(r.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000); // backs off

    // Not due yet: the retry pass leaves it alone.
    expect(await retryDue()).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(1);

    // Due: the retry pass sends it.
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
    expect(await retryDue()).toMatchObject({ sent: 1 });
    r = await row(id);
    expect(r).toMatchObject({ status: 'SENT', attempts: 2, secret: null, lastError: null });
    expect(r.sentAt).toBeInstanceOf(Date);

    // A late duplicate attempt changes nothing (already SENT).
    expect(await deliverNow([id])).toMatchObject({ skipped: 1 });

    expect(fake.requests).toHaveLength(2);
    for (const req of fake.requests) {
      expect(req.auth).toBe('Bearer re_test_key');
      expect(req.key).toBe(id);
    }
    expect([...fake.delivered.keys()].filter((k) => k === id)).toHaveLength(1);
    const sent = fake.delivered.get(id)!;
    expect(sent).toMatchObject({ from: 'Agency <portal@agency.test>', to: ['client@example.test'], subject: 'Reset your password' });
    expect(sent.html).toContain('token=CCCC');
    expect(sent.text).toContain(link);
    expect(String(sent.html)).not.toContain(TOKEN_LINK);
    useMailbox();
  });

  it('gives up (DEAD) after 5 attempts and erases the secret', async () => {
    useResend();
    const id = await queueEmail(db, {
      to: 'dead@example.test',
      template: 'sample',
      subject: 'Never',
      element: React.createElement(Sample, { url: TOKEN_LINK, name: 'D' }),
      link: 'http://localhost:3000/verify-email?token=DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD',
    });
    fake.failNext = 100;
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      await db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
      const report = await deliverNow([id]);
      outcomes.push(report.dead ? 'dead' : report.retry ? 'retry' : 'other');
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'dead']);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'DEAD', attempts: 5, secret: null });
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
    expect(await deliverNow([id])).toMatchObject({ skipped: 1 });
    fake.failNext = 0;
    useMailbox();
  });

  it('a wrong API key is a failure, retried later (not lost)', async () => {
    useResend(); // RESEND_BASE_URL → the fake
    const id = await queueEmail(db, { to: 'k@example.test', template: 't', subject: 's', element: React.createElement(Sample, { name: 'k' }) });
    expect(await deliverNow([id], new ResendTransport('re_wrong', 'a@b.c'))).toMatchObject({ retry: 1 });
    useMailbox();
    expect((await row(id)).lastError).toMatch(/401|API key/);
  });
});

describe('dev mailbox transport', () => {
  it('writes one JSON file per message with the real link, and logs the link; the secret is erased', async () => {
    useMailbox();
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email }, { ip: '192.0.2.200' });
    await flushDeliveries();
    const mails = readMailbox().filter((m) => m.to === user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Reset your password' });
    expect(mails[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(mails[0].links.some((l) => /^http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}$/.test(l))).toBe(true);
    expect(mails[0].html).not.toContain(TOKEN_LINK);
    expect(mails[0].text).not.toContain(TOKEN_LINK);
    const [r] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, mails[0].id));
    expect(r).toMatchObject({ status: 'SENT', secret: null });
  });
});
