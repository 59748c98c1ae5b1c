import { render } from '@react-email/render';
import type * as React from 'react';
import { db, type DbOrTx } from '@/db';
import {
  claimOutbox,
  dueOutboxIds,
  getOutboxRow,
  insertOutbox,
  markOutboxFailed,
  markOutboxSent,
} from '@/db/queries/outbox';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { env } from '@/lib/env';
import { getTransport, type Transport } from './transport';

// Every mail is first an email_outbox row, written inside the caller's transaction, so a provider
// failure never loses the user's action (docs/decisions/007-email-outbox.md).
//
//   const ids: string[] = [];
//   await db.transaction(async (tx) => {
//     …the change…
//     ids.push(await queueEmail(tx, { to, template: 'ticket-reply', subject, element: <TicketReply … /> }));
//   });
//   deliverSoon(ids);
//
// A token link is passed as `link` and the element is rendered with TOKEN_LINK in its place: the
// stored html/text hold only the placeholder, the link itself is kept AES-256-GCM encrypted in
// `secret` and put back at send time; `secret` is erased once the mail is sent (or dead).

/** Put this where the token link goes (href and text); queueEmail stores the real link encrypted. */
export const TOKEN_LINK = 'https://link.invalid/__PORTAL_TOKEN_LINK__';

export type QueuedMessage = {
  to: string;
  /** The template's file name, e.g. 'verify-email'. */
  template: string;
  subject: string;
  element: React.ReactElement;
  /** A link that carries a token: never stored in clear. */
  link?: string;
};

export async function queueEmail(tx: DbOrTx, msg: QueuedMessage): Promise<string> {
  const html = await render(msg.element);
  const text = await render(msg.element, { plainText: true });
  let secret: string | null = null;
  if (msg.link) {
    if (!html.includes(TOKEN_LINK) || !text.includes(TOKEN_LINK)) {
      throw new Error(`queueEmail(${msg.template}): render the element with TOKEN_LINK where the link goes`);
    }
    if (html.includes(msg.link) || text.includes(msg.link)) {
      throw new Error(`queueEmail(${msg.template}): the token link must not be rendered into the body`);
    }
    secret = encryptSecret(msg.link);
  }
  return insertOutbox(tx, {
    toAddress: msg.to.trim().toLowerCase(),
    template: msg.template,
    subject: msg.subject,
    html,
    text,
    secret,
  });
}

function escapeHtmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'skipped';

/** One delivery attempt for one row; never throws. */
export async function deliverOne(id: string, transport: Transport = getTransport()): Promise<DeliveryOutcome> {
  let claimed;
  try {
    claimed = await claimOutbox(db, id, env().OUTBOX_BACKOFF_SECONDS);
  } catch (err) {
    console.error(`[mail] could not claim ${id}:`, (err as Error).message);
    return 'skipped';
  }
  if (!claimed) return 'skipped';
  try {
    let { html, text } = claimed;
    let link: string | null = null;
    if (claimed.secret) {
      link = decryptSecret(claimed.secret);
      html = html.split(TOKEN_LINK).join(escapeHtmlAttr(link));
      text = text.split(TOKEN_LINK).join(link);
    }
    await transport.send({
      id: claimed.id,
      to: claimed.toAddress,
      subject: claimed.subject,
      html,
      text,
      link,
      createdAt: claimed.createdAt,
    });
    await markOutboxSent(db, claimed.id);
    return 'sent';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    try {
      const status = await markOutboxFailed(db, claimed.id, message);
      console.error(`[mail] ${claimed.template} to ${claimed.toAddress} failed (attempt ${claimed.attempts}): ${message}`);
      return status === 'DEAD' ? 'dead' : 'retry';
    } catch (markErr) {
      console.error(`[mail] could not record the failure of ${id}:`, (markErr as Error).message);
      return 'retry';
    }
  }
}

export type DeliveryReport = { sent: number; retry: number; dead: number; skipped: number };

function emptyReport(): DeliveryReport {
  return { sent: 0, retry: 0, dead: 0, skipped: 0 };
}

/** Delivers the given rows now, one after another, and reports what happened. */
export async function deliverNow(ids: readonly string[], transport?: Transport): Promise<DeliveryReport> {
  const report = emptyReport();
  if (ids.length === 0) return report;
  const t = transport ?? getTransport();
  for (const id of ids) report[await deliverOne(id, t)] += 1;
  return report;
}

const inflight = new Set<Promise<unknown>>();

/**
 * Fire-and-forget delivery after the caller's transaction committed. Never throws; a failure is
 * left to the retry pass. Inside a request it runs after the response (`after`, which keeps a
 * serverless function alive for it); elsewhere (scripts, tests) it starts at once.
 */
export function deliverSoon(ids: readonly string[]): void {
  if (ids.length === 0) return;
  const run = () => deliverNow(ids).catch((err) => console.error('[mail] delivery failed:', (err as Error).message));
  const p = (async () => {
    try {
      const { after } = await import('next/server');
      after(run);
    } catch {
      // Outside a request (`after` throws there): deliver now.
      await run();
    }
  })();
  inflight.add(p);
  void p.finally(() => inflight.delete(p));
}

/** Waits for every delivery started by deliverSoon in this process (tests, scripts). */
export async function flushDeliveries(): Promise<void> {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}

/** The retry pass (cron): every due PENDING row gets one more attempt. */
export async function retryDue(options: { limit?: number; transport?: Transport } = {}): Promise<DeliveryReport> {
  const ids = await dueOutboxIds(db, options.limit ?? 100);
  return deliverNow(ids, options.transport);
}

export { getOutboxRow };
