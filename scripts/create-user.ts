// npm run user:create -- --email a@b.c --role SUPER_ADMIN [--name "…"] [--company "…"]
// Creates a verified, active account. The password comes from PORTAL_PASSWORD or, on a terminal,
// from a hidden prompt (asked twice). Exit codes: 0 created, 1 refused (duplicate email, weak
// password, database error), 2 bad arguments. Nothing is written unless everything is valid.
// The database and password modules are imported only once the arguments are valid.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Role } from '@/db/schema';
import { CliError, loadEnv, openDatabase, runCli } from './lib/cli';
import { canPrompt, promptHidden } from './lib/prompt';

const ROLES = ['CLIENT', 'ADMIN', 'SUPER_ADMIN'] as const satisfies readonly Role[];
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

const USAGE = `Usage: npm run user:create -- --email <address> --role <${ROLES.join('|')}> [--name <name>] [--company <company>]

Creates a verified, active user. The password is read from the PORTAL_PASSWORD environment
variable, or asked for (hidden) when run in a terminal: ${PASSWORD_MIN}–${PASSWORD_MAX} characters, not a common password.

Example: PORTAL_PASSWORD='…' npm run user:create -- --email owner@agency.example --role SUPER_ADMIN --name "Jo Owner"`;

const argsSchema = z.object({
  email: z
    .string({ message: '--email is required' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: '--email must be an email address' })),
  role: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.enum(ROLES, { message: `--role must be one of ${ROLES.join(', ')}` }),
  ),
  name: z
    .string()
    .trim()
    .min(1, { message: '--name must not be empty' })
    .max(100, { message: '--name is too long (100 characters at most)' })
    .optional(),
  company: z
    .string()
    .trim()
    .min(1, { message: '--company must not be empty' })
    .max(100, { message: '--company is too long (100 characters at most)' })
    .optional(),
});

async function passwordSchema() {
  const { isCommonPassword, passwordLength } = await import('@/lib/auth/passwords');
  return z
    .string()
    .refine((p) => passwordLength(p) >= PASSWORD_MIN, {
      message: `The password must have at least ${PASSWORD_MIN} characters.`,
    })
    .refine((p) => passwordLength(p) <= PASSWORD_MAX, {
      message: `The password must have at most ${PASSWORD_MAX} characters.`,
    })
    .refine((p) => !isCommonPassword(p), {
      message: 'The password is too common: choose one that is not on lists of common passwords.',
    });
}

function usageError(message: string): CliError {
  return new CliError(`${message}\n\n${USAGE}`, 2);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PORTAL_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!canPrompt()) {
    throw usageError('No password: set PORTAL_PASSWORD (no terminal to ask on).');
  }
  const first = await promptHidden('Password: ');
  const check = (await passwordSchema()).safeParse(first);
  if (!check.success) throw new CliError(check.error.issues[0].message);
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new CliError('The passwords do not match. Nothing was created.');
  return first;
}

await runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        company: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw usageError(parsed.error.issues.map((i) => i.message).join('\n'));
  const { email, role, name, company } = parsed.data;

  loadEnv();
  const password = await readPassword();
  const strength = (await passwordSchema()).safeParse(password);
  if (!strength.success) throw new CliError(`${strength.error.issues[0].message} Nothing was created.`);

  const { where } = await openDatabase();
  const { eq } = await import('drizzle-orm');
  const { db } = await import('@/db');
  const { users } = await import('@/db/schema');
  const { hashPassword } = await import('@/lib/auth/passwords');
  const duplicate = () =>
    new CliError(`A user with the email ${email} already exists in ${where}. Nothing was created.`);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw duplicate();

  const passwordHash = await hashPassword(password);
  let created: { id: string };
  try {
    [created] = await db
      .insert(users)
      .values({
        email,
        role,
        name: name ?? null,
        company: company ?? null,
        passwordHash,
        emailVerified: true,
        active: true,
      })
      .returning({ id: users.id });
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '23505') throw duplicate();
    throw error;
  }
  console.log(`Created ${role} ${email}${name ? ` (${name})` : ''} in ${where}. id: ${created.id}`);
  return 0;
});
