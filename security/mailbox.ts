// The dev mailbox of the server under test (server().mailboxDir): one JSON file per message,
// { id, to, subject, html, text, createdAt }. The security specs read token links from it and
// check what a mail carries (every link on APP_URL, user text escaped).
import fs from 'node:fs';
import path from 'node:path';
import { server } from './harness';

export type Mail = { id: string; file: string; to: string; subject: string; html: string; text: string; createdAt: string };

/** Every message in the mailbox, oldest first. */
export function readMailbox(): Mail[] {
  const dir = server().mailboxDir;
  if (!fs.existsSync(dir)) return [];
  const mails: Mail[] = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      mails.push({
        id: String(raw.id ?? file),
        file,
        to: (Array.isArray(raw.to) ? raw.to.join(', ') : String(raw.to ?? '')).toLowerCase(),
        subject: String(raw.subject ?? ''),
        html: String(raw.html ?? ''),
        text: String(raw.text ?? ''),
        createdAt: String(raw.createdAt ?? ''),
      });
    } catch {
      // a file being written: the next poll reads it
    }
  }
  return mails.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Ids of the messages in the mailbox now, to find the ones a later step sends. */
export function mailIds(): Set<string> {
  return new Set(readMailbox().map((m) => m.id));
}

/** Messages not in `before`. */
export function mailsSince(before: Set<string>): Mail[] {
  return readMailbox().filter((m) => !before.has(m.id));
}

function addressedTo(mail: Mail, to: string): boolean {
  const address = to.trim().toLowerCase();
  return mail.to.split(/\s*,\s*/).some((t) => t === address || t.endsWith(`<${address}>`));
}

/**
 * Waits for a message to `to` whose subject matches, not among `seen` (ids already handed out or
 * present before the step), and returns the newest such.
 */
export async function waitForMail(
  to: string,
  subject: RegExp,
  { seen = new Set<string>(), timeout = 20_000 }: { seen?: Set<string>; timeout?: number } = {},
): Promise<Mail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = readMailbox()
      .filter((m) => !seen.has(m.id) && addressedTo(m, to) && subject.test(m.subject))
      .at(-1);
    if (found) {
      seen.add(found.id);
      return found;
    }
    if (Date.now() > deadline) {
      const list = readMailbox()
        .map((m) => `  ${m.to}: ${m.subject}`)
        .join('\n');
      throw new Error(`no mail to ${to} matching ${String(subject)} within ${timeout} ms; mailbox:\n${list || '  (empty)'}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Every link a message carries: href/src/action values of the html part and URLs in the text part. */
export function mailLinks(mail: Mail): string[] {
  const found: string[] = [];
  for (const m of mail.html.matchAll(/\b(?:href|src|action)\s*=\s*"([^"]*)"/gi)) found.push(m[1].replace(/&amp;/g, '&'));
  for (const m of mail.text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]+/gi)) found.push(m[0]);
  return [...new Set(found)];
}

/** The token of the first link to `route` (e.g. /reset-password) in the message. */
export function tokenFrom(mail: Mail, route: string): string {
  for (const link of mailLinks(mail)) {
    try {
      const url = new URL(link);
      const token = url.searchParams.get('token');
      if (url.pathname === route && token) return token;
    } catch {
      // not a URL
    }
  }
  throw new Error(`no ${route}?token= link in "${mail.subject}" to ${mail.to}`);
}
