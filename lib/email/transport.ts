import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resend } from 'resend';
import { env } from '@/lib/env';

// Two ways out for a mail (docs/decisions/007-email-outbox.md):
// - Resend when RESEND_API_KEY is set (RESEND_BASE_URL, read by the SDK, points it elsewhere,
//   e.g. a test fake); the outbox id is the Idempotency-Key, so a retry never sends twice.
// - Otherwise the dev mailbox: one JSON file per message in MAILBOX_DIR, and a log line with the
//   link, so a fresh clone can register and reset passwords with no mail account.

export type OutgoingMail = {
  /** The outbox id: the idempotency key and the mailbox file name. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The link inside, for the dev log line only. */
  link?: string | null;
  createdAt: Date;
};

export interface Transport {
  readonly name: 'resend' | 'mailbox';
  /** Resolves once the provider accepted the mail; throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
}

export class ResendTransport implements Transport {
  readonly name = 'resend' as const;
  private readonly client: Resend;

  constructor(
    apiKey: string,
    private readonly from: string,
    /** A provider that does not answer within this is a failed attempt (retried later). */
    private readonly timeoutMs: number = 15_000,
  ) {
    this.client = new Resend(apiKey);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { data, error } = await this.client.emails.send(
      { from: this.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text },
      { idempotencyKey: mail.id, signal: AbortSignal.timeout(this.timeoutMs) },
    );
    if (error || !data?.id) {
      const status = error && 'statusCode' in error && error.statusCode ? ` (${error.statusCode})` : '';
      throw new Error(`Resend refused the mail${status}: ${error?.message ?? 'no id in the reply'}`);
    }
  }
}

export class MailboxTransport implements Transport {
  readonly name = 'mailbox' as const;

  constructor(private readonly dir: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Named by the row's creation time and id: sorted by name = sorted by time, and a retry of
    // the same row overwrites its own file instead of adding a second one.
    const file = path.join(this.dir, `${mail.createdAt.getTime()}-${mail.id}.json`);
    const body = JSON.stringify(
      {
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        createdAt: mail.createdAt.toISOString(),
      },
      null,
      2,
    );
    // Write then rename, so a reader polling the folder never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, body, 'utf8');
    await rename(tmp, file);
    console.info(`[mail] to=${mail.to} subject="${mail.subject}"${mail.link ? ` link=${mail.link}` : ''}`);
  }
}

export function getTransport(): Transport {
  const e = env();
  if (e.RESEND_API_KEY) return new ResendTransport(e.RESEND_API_KEY, e.EMAIL_FROM, e.MAIL_SEND_TIMEOUT_SECONDS * 1000);
  return new MailboxTransport(e.MAILBOX_DIR);
}
