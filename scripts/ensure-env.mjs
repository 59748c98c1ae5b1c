// `npm run dev` on a fresh clone: make sure AUTH_SECRET exists, so the portal starts with no setup.
// Writes .env.local (git-ignored) once; never overwrites a value that is already there.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, appendFileSync } from 'node:fs';

const file = '.env.local';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(current)) {
  const lines = [
    current && !current.endsWith('\n') ? '\n' : '',
    '# Written by scripts/ensure-env.mjs for local development.\n',
    `AUTH_SECRET=${randomBytes(32).toString('base64url')}\n`,
    /^APP_URL=/m.test(current) ? '' : 'APP_URL=http://localhost:3000\n',
  ];
  appendFileSync(file, lines.join(''), { mode: 0o600 });
  console.log('Wrote a random AUTH_SECRET to .env.local');
}
