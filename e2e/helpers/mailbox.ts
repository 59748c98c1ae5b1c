// Reads the dev mailbox of the server under test (scripts/e2e-server.mjs sets MAILBOX_DIR to
// .data/e2e-mailbox and empties it at start): one JSON file per message,
// { id, to, subject, html, text, createdAt }.
import fs from 'node:fs';
import path from 'node:path';
import { E2E_MAILBOX_DIR } from '../../scripts/lib/e2e-constants.mjs';

export type Mail = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  createdAt: string;
  links: string[];
};

export const MAILBOX_DIR = path.resolve(E2E_MAILBOX_DIR);

/** Every message in the mailbox, oldest first. */
export function readMailbox(): Mail[] {
  if (!fs.existsSync(MAILBOX_DIR)) return [];
  const mails: Mail[] = [];
  for (const name of fs.readdirSync(MAILBOX_DIR)) {
    if (!name.endsWith('.json')) continue;
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(MAILBOX_DIR, name), 'utf8')) as Record<string, unknown>;
      const html = String(raw.html ?? '');
      const text = String(raw.text ?? '');
      mails.push({
        id: String(raw.id ?? name),
        to: Array.isArray(raw.to) ? raw.to.join(', ') : String(raw.to ?? ''),
        subject: String(raw.subject ?? ''),
        html,
        text,
        createdAt: String(raw.createdAt ?? ''),
        links: links(text, html),
      });
    } catch {
      // a file being written: read it on the next poll
    }
  }
  return mails.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

// Messages already handed to a test: a later waitForMail for the same address and subject waits
// for a new one (e.g. a second reset link) instead of returning the old one again.
const delivered = new Set<string>();

/**
 * Waits for a message to `to` (case-insensitive) whose subject matches `subject` (a RegExp, or a
 * string it must contain) and returns the newest one not yet returned by an earlier call.
 */
export async function waitForMail(
  to: string,
  subject: RegExp | string,
  { timeout = 20_000 }: { timeout?: number } = {},
): Promise<Mail> {
  const address = to.trim().toLowerCase();
  const matches = (s: string) => (typeof subject === 'string' ? s.includes(subject) : subject.test(s));
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = readMailbox()
      .filter((m) => !delivered.has(m.id))
      .filter((m) =>
        m.to
          .toLowerCase()
          .split(/\s*,\s*/)
          .some((t) => t === address || t.endsWith(`<${address}>`)),
      )
      .filter((m) => matches(m.subject))
      .at(-1);
    if (found) {
      delivered.add(found.id);
      return found;
    }
    if (Date.now() > deadline) {
      const seen = readMailbox()
        .map((m) => `  ${m.to}: ${m.subject}`)
        .join('\n');
      throw new Error(
        `No mail to ${to} matching ${String(subject)} within ${timeout} ms. Mailbox:\n${seen || '  (empty)'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The http(s) links of a message (html hrefs first, then the text body), without duplicates. */
function links(text: string, html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/href="(https?:\/\/[^"]+)"/g)) found.push(m[1].replace(/&amp;/g, '&'));
  for (const m of text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) found.push(m[0]);
  return [...new Set(found)];
}
