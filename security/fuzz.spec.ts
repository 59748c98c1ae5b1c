import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { DEMO } from '../e2e/helpers/accounts';
import {
  BOOKKEEPING_TABLES,
  buildActions,
  changedTables,
  closeDatabase,
  encodeArgs,
  parseActionResult,
  postAction,
  record,
  server,
  signIn,
  snapshot,
  sql,
  Visitor,
  type ActionRef,
  type ActionResponse,
} from './harness';

// Issue 6, item 5 — fuzzing. fast-check properties over the input of EVERY server action of the
// build, posted over HTTP (by build id, as an attacker would) by a visitor the action admits:
// client actions as DEMO.client1, staff actions as DEMO.superAdmin, the auth actions anonymously
// (a fresh X-Forwarded-For per request, so a per-IP limit never masks an answer; "throttled" is a
// fine answer).
//
// Families of inputs (per action, each with its own fixed seed derived from FUZZ_SEED):
//   wrong    wrong types for the whole argument or for each real field, wrong arity
//   huge     one field (or the argument) a ~1 MB string / array, just under Next's 1 MB body limit
//   unicode  the real fields filled with emoji, RTL overrides, NUL bytes, lone surrogates…
//   shape    missing fields, extra fields, prototype-pollution keys (__proto__, constructor)
//   valid    structurally valid: fc.record over the real field names (lib/validation/*.ts) with
//            random values and ids from a pool (the fuzz's own ticket, project and client,
//            foreign and unknown ones)
//   raw      malformed bodies: not JSON, truncated JSON, unresolved RSC references ("$1", "$@0"),
//            wrong content types, invalid UTF-8, a 2 MB body beyond Next's 1 MB action limit
//
// Properties, for every input:
//   1. never a 5xx, and the answer is well formed: an action result ({ok:false, error:<text>} or
//      {ok:true}), an expected redirect (sign-out), or a clean 4xx refusal (413 too large…), never
//      a stack trace. Only for bodies Next/React must refuse before the action runs (raw family,
//      React's array limits) is Next's digest-only error accepted (see NEXT_DECODE_REFUSAL);
//   2. never a partial write. Scheme (sound and cheap): before and after EVERY input the row
//      count of every table is read in one query (bookkeeping tables — rate_limits,
//      activity_log — excluded, as in the harness); a rejected input must leave every count
//      unchanged. In-place updates are caught by full snapshot() fingerprints (md5 of every row)
//      taken before and after each run of one family on one action: when no input of that run
//      was accepted, both fingerprints must be equal (email_outbox excepted: see ASYNC_TABLES).
//      A run with an accepted input is not compared in full; the figures count both kinds.
//   3. the process stays healthy: GET /api/health answers 200 at the end, and a CLIENT is still
//      refused a staff action (no prototype pollution of the server's objects).
// A failing property prints its seed and path (FUZZ_SEED=<n> reproduces the whole run).

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const RUNS: Record<Family, number> = {
  wrong: 14,
  huge: 5,
  unicode: 12,
  shape: 12,
  valid: 14,
  raw: 8,
};
const FAMILIES = ['wrong', 'huge', 'unicode', 'shape', 'valid', 'raw'] as const;
type Family = (typeof FAMILIES)[number];

type Who = 'client' | 'staff' | 'anon';
/** One positional parameter of an action: a scalar, or an object whose real fields are listed. */
type Param = { scalar: fc.Arbitrary<unknown> } | { fields: Record<string, fc.Arbitrary<unknown>> };
type Entry = {
  who: Who;
  params: Param[];
  /** Answers that are a redirect by design (sign-out; a success that signs in or out). */
  redirects?: boolean;
  /** Returns nothing (sign-out): an empty answer is its result. */
  returnsNothing?: boolean;
};

// ── Value arbitraries ────────────────────────────────────────────────────────────────────────

const MB = 1_000_000;
// Strings just under Next's 1 MB (1,048,576 bytes) action body once JSON-encoded, so they reach
// the action; and two beyond it (multi-byte), which Next must refuse cleanly.
const HUGE_STRINGS = [
  'a'.repeat(MB),
  ' '.repeat(MB), // trims to ''
  '😀'.repeat(240_000), // 960 kB of UTF-8
  'ש'.repeat(500_000), // 1,000 kB of UTF-8, right-to-left
  `${'x'.repeat(40)}@${'y'.repeat(MB - 60)}.test`, // a 1 MB "email"
  'T-'.concat('0'.repeat(MB - 2)),
  'é'.repeat(600_000), // 1.2 MB of UTF-8: beyond the limit
];
const DEEP = JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) as unknown;
/**
 * Inputs React's reply decoder refuses before the action runs: arrays nested deeper than it
 * accepts, and "Maximum array nesting exceeded" — it counts the length of every string that sits
 * directly in an array (the argument list included) against a limit of 1e6 slots, so a 1 MB
 * string passed as a scalar argument (a ticket number) never reaches the action.
 */
function nestedDeeply(value: unknown, depth = 0): boolean {
  if (depth > 1_000) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => nestedDeeply(v, depth + 1));
}
const REACT_ARRAY_SLOTS = 1_000_000;
const hasDeep = (args: unknown[]) =>
  nestedDeeply(args) ||
  args.reduce<number>((n, a) => n + 1 + (typeof a === 'string' || Array.isArray(a) ? a.length : 0), 0) > REACT_ARRAY_SLOTS;
const huge = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...HUGE_STRINGS)).map(([p, s]) => p + s),
  },
  {
    weight: 1,
    arbitrary: fc.constant(Array.from({ length: 150_000 }, (_, i) => i)),
  }, // ~1 MB array
  { weight: 1, arbitrary: fc.constant(DEEP) }, // deep nesting (React refuses it before the action runs)
);

/** Strings that break naive code: NUL, lone surrogates, RTL overrides, emoji sequences, BOM… */
const NASTY = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDC00y',
  '\u202Egnp.exe',
  '\u200F\u200E\u2066',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  'ﷺ'.repeat(50),
  'Z̴̡̛͖͈̜͎̝̯̩͍̙̈́͐̈́̓͛̔̃̈́̕͝a̸̢̳̜̤̯͙̤͇̓̀̊̈́͑͊̓̀͘͝l̸̡̛̻̠̣̖͚̦̻̠̏̀̆̀̓̊̐̐͠g̷͔̯̪̜̙͔̅͐̀̕o̶',
  '\r\n\t\v\f\b',
  '%00%0d%0a',
  "'; drop table users; --",
  '${7*7}{{7*7}}',
  'T-000001\u0000',
  'client1@acme.test\u0000',
];
const unicodeString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }), // any code point, lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 10 })).map((p) => p.join('')),
);

/** Anything JSON can carry that is not what the action expects. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 20 }),
);

const FUZZ_TAG = randomBytes(3).toString('hex');
let emailCounter = 0;
/** A fresh address nobody has (never a demo account: the per-account sign-in limit would lock it). */
const freshEmail = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/), fc.constantFrom('fuzz.test', 'example.test', 'xn--bcher-kva.test'))
  .map(([local, domain]) => `${local.replace(/[._-]+$/, '')}.${FUZZ_TAG}${++emailCounter}@${domain}`);
const email = fc.oneof(freshEmail, fc.emailAddress());
const shortText = fc.string({ minLength: 1, maxLength: 60 });
const longText = fc.string({ minLength: 10, maxLength: 400 });
const password = fc.string({ minLength: 8, maxLength: 60 });
const token = fc.oneof(fc.base64String({ minLength: 43, maxLength: 44 }), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/));
const isoDate = fc
  .date({
    min: new Date('1990-01-01'),
    max: new Date('2120-12-31'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const budget = fc.oneof(
  fc.constant(''),
  fc.nat({ max: 200_000_000 }).map(String),
  fc.double({ min: -10, max: 1e9, noNaN: true }),
  fc.constant('£2,500.50'),
);
const projectType = fc.constantFrom(
  'WEBSITE',
  'E_COMMERCE',
  'WEB_APP',
  'MOBILE_APP',
  'BRANDING',
  'MARKETING',
  'OTHER',
  'website',
);
const projectStatus = fc.constantFrom('PENDING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED', 'CANCELLED', 'DONE');
const ticketStatus = fc.constantFrom('OPEN', 'PENDING', 'RESOLVED', 'CLOSED', 'open', 'ARCHIVED');
const priority = fc.constantFrom('LOW', 'MEDIUM', 'HIGH', 'URGENT', 'CRITICAL', '');
const role = fc.constantFrom('CLIENT', 'ADMIN', 'SUPER_ADMIN', 'ROOT');

// Ids the actions may really find: filled in beforeAll with the fuzz's OWN ticket, project and
// client (so that accepted writes never touch the demo data other specs rely on), plus foreign
// and unknown ones.
const pool = {
  ticket: [] as string[],
  project: [] as string[],
  user: [] as string[],
  notification: [] as string[],
  staff: [] as string[],
};
const fromPool = (key: keyof typeof pool, random: fc.Arbitrary<string>) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant(null).chain(() => fc.constantFrom(...pool[key])),
    },
    { weight: 1, arbitrary: random },
  );
const ticketNumber = () =>
  fromPool(
    'ticket',
    fc.oneof(
      fc.nat({ max: 999_999 }).map((n) => `T-${String(n).padStart(6, '0')}`),
      fc.string({ maxLength: 12 }),
    ),
  );
const id = (key: keyof typeof pool) => () => fromPool(key, fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })));

// ── The table: every server action of the build ──────────────────────────────────────────────
// Keyed by `<source file>#<export name>`: resendVerificationAction exists twice (sign-in page and
// the admin client page). Field names are those of lib/validation/*.ts.

const authTable = (fields: Record<string, fc.Arbitrary<unknown>>): Entry => ({
  who: 'anon',
  params: [{ fields }],
});
const obj =
  (who: Who, fields: () => Record<string, fc.Arbitrary<unknown>>): (() => Entry) =>
  () => ({ who, params: [{ fields: fields() }] });

const TABLE: Record<string, () => Entry> = {
  'app/(auth)/accept-invite/actions.ts#acceptInviteAction': () =>
    authTable({ token, name: shortText, password, confirmPassword: password }),
  'app/(auth)/forgot-password/actions.ts#forgotPasswordAction': () => authTable({ email }),
  'app/(auth)/login/actions.ts#loginAction': () => ({
    ...authTable({
      email,
      password,
      callbackUrl: fc.oneof(fc.webPath(), fc.webUrl(), fc.string()),
    }),
    redirects: true,
  }),
  'app/(auth)/login/actions.ts#resendVerificationAction': () => authTable({ email }),
  'app/(auth)/register/actions.ts#registerAction': () =>
    authTable({
      name: shortText,
      company: fc.string({ maxLength: 60 }),
      email: freshEmail,
      password,
      confirmPassword: password,
    }),
  'app/(auth)/reset-password/actions.ts#resetPasswordAction': () => ({
    ...authTable({ token, password, confirmPassword: password }),
    redirects: true,
  }),
  'app/(auth)/setup/actions.ts#setupAction': () =>
    authTable({
      name: shortText,
      email: freshEmail,
      password,
      confirmPassword: password,
    }),
  'app/(auth)/verify-email/actions.ts#verifyEmailAction': () => authTable({ token }),
  'app/(auth)/verify-email/actions.ts#resendLinkAction': () => authTable({ email }),
  'components/auth/sign-out-action.ts#signOutAction': () => ({
    who: 'anon',
    params: [],
    redirects: true,
    returnsNothing: true,
  }),

  'app/(portal)/notifications/actions.ts#markNotificationReadAction': () => ({
    who: 'client',
    params: [{ scalar: id('notification')() }],
  }),
  'app/(portal)/notifications/actions.ts#markAllNotificationsReadAction': () => ({ who: 'client', params: [] }),
  'app/(portal)/notifications/actions.ts#saveNotificationPreferencesAction': obj('client', () => ({
    email: fc.dictionary(
      fc.constantFrom('TICKET_REPLY', 'TICKET_STATUS', 'PROJECT_STATUS', 'TICKET_CREATED', 'NOPE'),
      fc.boolean(),
    ),
  })),
  'app/(portal)/projects/new/actions.ts#requestProjectAction': obj('client', () => ({
    title: shortText,
    type: projectType,
    description: longText,
    requirements: longText,
    budget,
    startDate: isoDate,
    endDate: isoDate,
  })),
  'app/(portal)/settings/actions.ts#updateProfileAction': obj('client', () => ({
    name: shortText,
    company: fc.string({ maxLength: 60 }),
  })),
  'app/(portal)/settings/actions.ts#changePasswordAction': obj('client', () => ({
    currentPassword: password,
    newPassword: password,
    confirmPassword: password,
  })),
  'app/(portal)/settings/actions.ts#changeEmailAction': obj('client', () => ({
    newEmail: freshEmail,
    password,
  })),
  'app/(portal)/tickets/[ticketNumber]/actions.ts#replyAction': () => ({
    who: 'client',
    params: [{ scalar: ticketNumber() }, { fields: { content: longText } }],
  }),
  'app/(portal)/tickets/[ticketNumber]/actions.ts#changeStatusAction': () => ({
    who: 'client',
    params: [{ scalar: ticketNumber() }, { scalar: ticketStatus }],
  }),
  'app/(portal)/tickets/new/actions.ts#createTicketAction': obj('client', () => ({
    subject: shortText,
    description: longText,
    projectId: fc.oneof(id('project')(), fc.constantFrom('', 'none')),
    priority,
  })),

  'app/admin/clients/[id]/actions.ts#updateClientAction': obj('staff', () => ({
    clientId: id('user')(),
    email: freshEmail,
    name: shortText,
    company: fc.string({ maxLength: 60 }),
  })),
  'app/admin/clients/[id]/actions.ts#setClientActiveAction': obj('staff', () => ({ userId: id('user')(), active: fc.boolean() })),
  'app/admin/clients/[id]/actions.ts#resendInvitationAction': obj('staff', () => ({ userId: id('user')() })),
  'app/admin/clients/[id]/actions.ts#resendVerificationAction': obj('staff', () => ({ userId: id('user')() })),
  'app/admin/clients/[id]/actions.ts#createProjectForClientAction': obj('staff', () => ({
    clientId: id('user')(),
    title: shortText,
    type: projectType,
    description: fc.string({ maxLength: 200 }),
    requirements: fc.string({ maxLength: 200 }),
    budget,
    startDate: isoDate,
    endDate: isoDate,
  })),
  'app/admin/clients/actions.ts#inviteClientAction': obj('staff', () => ({
    email: freshEmail,
    name: shortText,
    company: fc.string({ maxLength: 60 }),
  })),
  'app/admin/projects/[id]/actions.ts#updateProjectAction': obj('staff', () => ({
    projectId: id('project')(),
    title: shortText,
    type: projectType,
    description: fc.string({ maxLength: 200 }),
    requirements: fc.string({ maxLength: 200 }),
    budget,
    startDate: isoDate,
    endDate: isoDate,
  })),
  'app/admin/projects/[id]/actions.ts#moveProjectAction': obj('staff', () => ({
    projectId: id('project')(),
    to: projectStatus,
    from: projectStatus,
  })),
  'app/admin/tickets/[ticketNumber]/actions.ts#replyAsAgencyAction': () => ({
    who: 'staff',
    params: [{ scalar: ticketNumber() }, { fields: { content: longText, internal: fc.boolean() } }],
  }),
  'app/admin/tickets/[ticketNumber]/actions.ts#setTicketStatusAction': () => ({
    who: 'staff',
    params: [{ scalar: ticketNumber() }, { scalar: ticketStatus }],
  }),
  'app/admin/tickets/[ticketNumber]/actions.ts#setTicketPriorityAction': () => ({
    who: 'staff',
    params: [{ scalar: ticketNumber() }, { scalar: priority }],
  }),
  'app/admin/tickets/[ticketNumber]/actions.ts#assignTicketAction': () => ({
    who: 'staff',
    params: [
      { scalar: ticketNumber() },
      {
        fields: {
          assigneeId: fc.oneof(id('staff')(), fc.constantFrom('', 'none')),
        },
      },
    ],
  }),
  'app/admin/users/actions.ts#inviteStaffAction': obj('staff', () => ({
    email: freshEmail,
    name: shortText,
    role: fc.constantFrom('ADMIN', 'SUPER_ADMIN', 'CLIENT'),
  })),
  'app/admin/users/actions.ts#changeRoleAction': obj('staff', () => ({
    userId: id('user')(),
    role,
  })),
  'app/admin/users/actions.ts#setUserActiveAction': obj('staff', () => ({
    userId: id('user')(),
    active: fc.boolean(),
  })),
  'app/admin/users/actions.ts#deletionPreviewAction': obj('staff', () => ({
    userId: id('user')(),
  })),
  // confirmEmail never matches: the fuzz deletes nobody.
  'app/admin/users/actions.ts#deleteUserAction': obj('staff', () => ({
    userId: id('user')(),
    confirmEmail: email,
  })),
};

// ── Families ─────────────────────────────────────────────────────────────────────────────────

type Probe = { args: unknown[] } | { raw: { contentType?: string; body: string | Buffer; label: string } };

const validArg = (p: Param): fc.Arbitrary<unknown> => ('scalar' in p ? p.scalar : fc.record(p.fields));
const validArgs = (e: Entry) => fc.tuple(...e.params.map(validArg));

/** Objects with own prototype-pollution keys (JSON.parse makes "__proto__" an own property). */
const POLLUTION = [
  '{"__proto__":{"role":"SUPER_ADMIN","ok":true,"isAdmin":true}}',
  '{"constructor":{"prototype":{"role":"SUPER_ADMIN","polluted":true}}}',
  '{"__proto__":{"__proto__":{"polluted":true}},"prototype":{"polluted":true}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
].map((text) => JSON.parse(text) as Record<string, unknown>);

function families(e: Entry): Record<Exclude<Family, 'raw'>, fc.Arbitrary<unknown[]>> {
  const slots: { i: number; key?: string }[] = e.params.flatMap((p, i) =>
    'scalar' in p ? [{ i }] : Object.keys(p.fields).map((key) => ({ i, key })),
  );
  const put = (args: unknown[], slot: { i: number; key?: string } | undefined, value: unknown): unknown[] => {
    if (!slot) return [value];
    const copy = args.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? { ...a } : a));
    if (slot.key === undefined) copy[slot.i] = value;
    else (copy[slot.i] as Record<string, unknown>)[slot.key] = value;
    return copy;
  };
  const arity = fc.array(wrongValue, { maxLength: 4 });
  const slot = fc.nat().map((n) => (slots.length ? slots[n % slots.length] : undefined));

  const wrong: fc.Arbitrary<unknown[]> = fc.oneof(
    // the whole argument(s) of the wrong type
    fc.tuple(...e.params.map(() => wrongValue)),
    // each real field of the wrong type
    fc.tuple(
      ...e.params.map((p) =>
        'scalar' in p ? wrongValue : fc.record(Object.fromEntries(Object.keys(p.fields).map((k) => [k, wrongValue]))),
      ),
    ),
    // one field of the wrong type, the rest valid
    fc.tuple(validArgs(e), slot, wrongValue).map(([args, s, v]) => put(args, s, v)),
    // wrong arity
    arity,
  );
  const hugeFamily = fc.tuple(validArgs(e), slot, huge).map(([args, s, v]) => put(args, s, v));
  const unicode = fc.tuple(
    ...e.params.map((p) =>
      'scalar' in p
        ? fc.oneof({ weight: 2, arbitrary: unicodeString }, { weight: 1, arbitrary: p.scalar })
        : fc.record(
            Object.fromEntries(
              Object.entries(p.fields).map(([k, v]) => [
                k,
                fc.oneof({ weight: 2, arbitrary: unicodeString }, { weight: 1, arbitrary: v }),
              ]),
            ),
          ),
    ),
  );
  const shape: fc.Arbitrary<unknown[]> = fc.oneof(
    // missing fields (any subset), missing trailing arguments
    fc.tuple(...e.params.map((p) => ('scalar' in p ? p.scalar : fc.record(p.fields, { requiredKeys: [] })))),
    fc.tuple(validArgs(e), fc.nat()).map(([args, n]) => args.slice(0, args.length ? n % args.length : 0)),
    // extra fields (and extra arguments)
    fc
      .tuple(
        validArgs(e),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 6 }),
      )
      .map(([args, extra]) => {
        const objIndex = e.params.findIndex((p) => 'fields' in p);
        if (objIndex < 0) return [...args, extra];
        const copy = [...args];
        copy[objIndex] = {
          ...(copy[objIndex] as object),
          ...extra,
          role: 'SUPER_ADMIN',
          clientId: 'someone-else',
          id: 'x',
          userId: 'y',
        };
        return copy;
      }),
    // prototype-pollution keys, alone or over valid fields
    fc.tuple(validArgs(e), fc.constantFrom(...POLLUTION), fc.boolean()).map(([args, polluted, merge]) => {
      const objIndex = e.params.findIndex((p) => 'fields' in p);
      if (objIndex < 0) return [...args, polluted];
      const copy = [...args];
      const base = merge ? (JSON.parse(JSON.stringify(copy[objIndex])) as Record<string, unknown>) : {};
      for (const [k, v] of Object.entries(polluted))
        Object.defineProperty(base, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      copy[objIndex] = base;
      return copy;
    }),
  );
  return { wrong, huge: hugeFamily, unicode, shape, valid: validArgs(e) };
}

const TWO_MB = `[${JSON.stringify('b'.repeat(2 * 1024 * 1024))}]`;
const RAW_BODIES: {
  contentType?: string;
  body: string | Buffer;
  label: string;
}[] = [
  {
    label: 'not JSON',
    contentType: 'text/plain;charset=UTF-8',
    body: 'definitely not json',
  },
  {
    label: 'truncated JSON',
    contentType: 'text/plain;charset=UTF-8',
    body: '[{"email":"a@b.test","passw',
  },
  {
    label: 'RSC reference "$1"',
    contentType: 'text/plain;charset=UTF-8',
    body: '"$1"',
  },
  {
    label: 'RSC reference ["$1"]',
    contentType: 'text/plain;charset=UTF-8',
    body: '["$1"]',
  },
  {
    label: 'RSC reference ["$@0"]',
    contentType: 'text/plain;charset=UTF-8',
    body: '["$@0"]',
  },
  {
    label: 'RSC reference $@0',
    contentType: 'text/plain;charset=UTF-8',
    body: '$@0',
  },
  {
    label: 'RSC Map/FormData/Blob references',
    contentType: 'text/plain;charset=UTF-8',
    body: '["$Q1","$K1","$B1","$F1"]',
  },
  { label: 'empty body', contentType: 'text/plain;charset=UTF-8', body: '' },
  {
    label: 'an object, not an argument list',
    contentType: 'text/plain;charset=UTF-8',
    body: '{"email":"a@b.test"}',
  },
  { label: 'null', contentType: 'text/plain;charset=UTF-8', body: 'null' },
  {
    label: 'unterminated deep nesting',
    contentType: 'text/plain;charset=UTF-8',
    body: '['.repeat(100_000),
  },
  {
    label: 'invalid UTF-8',
    contentType: 'text/plain;charset=UTF-8',
    body: Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x22, 0x5d]),
  },
  {
    label: 'application/json',
    contentType: 'application/json',
    body: '[{"email":"a@b.test"}]',
  },
  { label: 'no content type', body: '[{}]' },
  {
    label: 'multipart without boundary',
    contentType: 'multipart/form-data',
    body: 'garbage',
  },
  {
    label: 'multipart with a dangling reference',
    contentType: 'multipart/form-data; boundary=fuzzfuzz',
    body: '--fuzzfuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$1"]\r\n--fuzzfuzz--\r\n',
  },
  {
    label: 'truncated multipart',
    contentType: 'multipart/form-data; boundary=fuzzfuzz',
    body: '--fuzzfuzz\r\nContent-Disposition: form-da',
  },
  {
    label: 'urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    body: 'email=a%40b.test&%24ACTION_ID_x=1',
  },
  {
    label: '2 MB body (beyond the 1 MB action limit)',
    contentType: 'text/plain;charset=UTF-8',
    body: TWO_MB,
  },
  {
    label: '2 MB multipart body',
    contentType: 'multipart/form-data; boundary=fuzzfuzz',
    body: `--fuzzfuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n${TWO_MB}\r\n--fuzzfuzz--\r\n`,
  },
];

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

let client!: Visitor;
let staff!: Visitor;
/** A random address in 2001:db8::/32 (documentation prefix): a fresh one per auth request. */
const freshIp = () => `2001:db8:${randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}`;

function visitorFor(who: Who): Visitor {
  if (who === 'client') return client;
  if (who === 'staff') return staff;
  return new Visitor('anonymous fuzzer', freshIp());
}

/** postAction by build reference (names are not unique across the app: resendVerificationAction). */
async function post(ref: ActionRef, who: Who, probe: Probe): Promise<ActionResponse> {
  const visitor = visitorFor(who);
  const path = who === 'anon' ? '/login' : '/settings';
  const response = await visitor.fetch(path, {
    method: 'POST',
    headers: {
      'next-action': ref.id,
      'content-type': 'raw' in probe ? probe.raw.contentType : 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: new URL(server().baseUrl).origin,
    },
    body: 'raw' in probe ? probe.raw.body : encodeArgs(probe.args),
    timeoutMs: 60_000,
  });
  const redirect = (response.headers['x-action-redirect'] as string | undefined)?.split(';')[0] ?? null;
  return { ...response, result: parseActionResult(response.text), redirect };
}

type Verdict = { accepted: boolean; problem?: string };

/**
 * Next's own answer to a body it cannot decode (not JSON, a dangling Flight reference, a broken
 * multipart form, nesting beyond React's limit): the action never runs, and the reply is a
 * generic error row carrying only a digest (no message, no stack). Next 16.4 sends it with status
 * 500 (200 when the page streams); the app cannot change that short of re-parsing every action
 * body in proxy.ts. Accepted ONLY for inputs that Next must refuse before the action (the raw
 * family and the deep-nesting probe); anywhere else a 500 is a failure.
 */
const NEXT_DECODE_REFUSAL = /^0:\{"a":"\$@1",[^\n]*\}\n1:E\{"digest":"\d+"\}\n?$/;

/** Property 1: never a 5xx; a well-formed answer. */
function judge(entry: Entry, res: ActionResponse, undecodable = false): Verdict {
  const head = `${res.status} ${res.text.slice(0, 200).replace(/\s+/g, ' ')}`;
  if (undecodable && (res.status === 500 || res.status === 200) && NEXT_DECODE_REFUSAL.test(res.text)) {
    decodeRefusals++;
    return { accepted: false };
  }
  if (res.status >= 500) return { accepted: false, problem: `server error: ${head}` };
  if (/\n\s+at .+\(.+:\d+:\d+\)|node_modules\//.test(res.text))
    return { accepted: false, problem: `stack trace in the answer: ${head}` };
  if (res.status >= 400) return { accepted: false }; // a clean refusal (413, 404…)
  if (res.redirect) {
    if (!entry.redirects)
      return {
        accepted: false,
        problem: `unexpected redirect to ${res.redirect} (was the visitor signed out?)`,
      };
    return { accepted: true };
  }
  if (res.status !== 200) return { accepted: false, problem: `unexpected status: ${head}` };
  if (entry.returnsNothing && res.result === undefined && !/\bE\{/.test(res.text)) return { accepted: true };
  const r = res.result as { ok?: unknown; error?: unknown } | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean')
    return { accepted: false, problem: `not an action result: ${head}` };
  if (r.ok) return { accepted: true };
  if (typeof r.error !== 'string' || r.error.trim() === '')
    return { accepted: false, problem: `ok:false without a message: ${head}` };
  return { accepted: false };
}

// ── Database: row counts per table (property 2) ──────────────────────────────────────────────

let countQuery = '';
async function rowCounts(): Promise<Record<string, number>> {
  if (!countQuery) {
    const tables = await sql<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    countQuery = tables
      .filter((t) => !BOOKKEEPING_TABLES.includes(t.name))
      .map((t) => `select '${t.name}' as t, count(*)::int as n from "${t.name}"`)
      .join(' union all ');
  }
  const rows = await sql<{ t: string; n: number }>(countQuery);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}
const countDiff = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys({ ...a, ...b })
    .filter((t) => a[t] !== b[t])
    .map((t) => `${t} ${a[t]}→${b[t]}`);

// ── Figures ──────────────────────────────────────────────────────────────────────────────────

const tried: Record<Family, number> = {
  wrong: 0,
  huge: 0,
  unicode: 0,
  shape: 0,
  valid: 0,
  raw: 0,
};
const acceptedBy: Record<Family, number> = {
  wrong: 0,
  huge: 0,
  unicode: 0,
  shape: 0,
  valid: 0,
  raw: 0,
};
let fullCompared = 0;
let decodeRefusals = 0;
let fullSkipped = 0;
const failures: string[] = [];

function seedFor(key: string, family: Family): number {
  let h = BASE_SEED | 0;
  for (const ch of `${key}|${family}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

const short = (value: unknown) => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = '(unprintable)';
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

/**
 * changePasswordAction and changeEmailAction check the current password against the account's
 * sign-in limit (db/queries/accounts.ts): the fuzz's wrong passwords lock DEMO.client1 for 15
 * minutes by design. Clear that counter afterwards (as a successful sign-in does) so later specs
 * can sign in. Key format: lib/rate-limit.ts limitKey().
 */
async function unlockSignIn(email: string): Promise<void> {
  const key = `loginAccount:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
  await sql(`delete from rate_limits where key = $1`, [key]);
}

/**
 * Rows that change in place after the answer, by design: the outbox delivers, retries and erases
 * token links of mail queued by EARLIER accepted inputs. Its in-place fingerprint is left out of
 * the run comparison; its row count (the only way a rejected input could write there: a new mail)
 * is still checked on every input.
 */
const ASYNC_TABLES = ['email_outbox'];

const keyOf = (ref: ActionRef) => `${ref.file.replace(/^\.\//, '')}#${ref.name}`;

// ── Tests ────────────────────────────────────────────────────────────────────────────────────

test.afterAll(closeDatabase);

test('every server action of the build has a fuzz entry, and every entry an action', () => {
  const built = buildActions().map(keyOf).sort();
  expect(built.length).toBeGreaterThan(0);
  expect(
    built.filter((k) => !(k in TABLE)),
    'actions of the build without a fuzz entry',
  ).toEqual([]);
  expect(
    Object.keys(TABLE).filter((k) => !built.includes(k)),
    'fuzz entries without an action',
  ).toEqual([]);
});

test('fuzzing every server action: never a 5xx, never a partial write', async () => {
  test.setTimeout(20 * 60_000);
  console.log(`fuzz: FUZZ_SEED=${BASE_SEED} (set it to reproduce a run)`);

  client = await signIn(DEMO.client1.email, DEMO.password);
  staff = await signIn(DEMO.superAdmin.email, DEMO.password);

  // The fuzz's own records, so accepted writes stay away from the demo data of other specs.
  const ticket = await postAction(client, 'createTicketAction', [
    {
      subject: 'Fuzz target ticket',
      description: 'A ticket the fuzzer may reply to and move.',
      projectId: '',
    },
  ]);
  const project = await postAction(client, 'requestProjectAction', [
    {
      title: 'Fuzz target project',
      type: 'WEBSITE',
      description: 'A project the fuzzer may edit.',
      requirements: 'Nothing at all, really.',
      budget: '',
      startDate: '',
      endDate: '',
    },
  ]);
  const invited = await postAction(staff, 'inviteClientAction', [
    {
      email: `fuzz-target.${FUZZ_TAG}@fuzz.test`,
      name: 'Fuzz Target',
      company: '',
    },
  ]);
  const ticketData = (ticket.result as { data?: { ticketNumber: string } }).data;
  const projectData = (project.result as { data?: { id: string } }).data;
  const invitedData = (invited.result as { data?: { userId: string } }).data;
  expect(ticketData && projectData && invitedData, `fixtures: ${ticket.text} ${project.text} ${invited.text}`).toBeTruthy();
  const [foreignTicket] = await sql<{ n: string }>(
    `select t.ticket_number as n from support_tickets t join users u on u.id = t.client_id where u.email = $1 limit 1`,
    [DEMO.client2.email],
  );
  const [foreignProject] = await sql<{ id: string }>(
    `select p.id from projects p join users u on u.id = p.client_id where u.email = $1 limit 1`,
    [DEMO.client2.email],
  );
  const notificationIds = await sql<{ id: string }>(
    `select n.id from notifications n join users u on u.id = n.user_id where u.email = $1 limit 3`,
    [DEMO.client1.email],
  );
  const [superAdmin] = await sql<{ id: string }>(`select id from users where email = $1`, [DEMO.superAdmin.email]);
  pool.ticket = [ticketData!.ticketNumber, ticketData!.ticketNumber.toLowerCase(), foreignTicket.n];
  pool.project = [projectData!.id, foreignProject.id];
  // The fuzz's own client, and the signed-in super admin (every change to oneself is refused).
  pool.user = [invitedData!.userId, superAdmin.id];
  pool.notification = notificationIds.length ? notificationIds.map((r) => r.id) : ['none-yet'];
  pool.staff = [superAdmin.id, invitedData!.userId];

  const started = performance.now();
  try {
    for (const ref of buildActions()) {
      const key = keyOf(ref);
      const make = TABLE[key];
      if (!make) continue; // reported by the coverage test
      const entry = make();
      const fams = families(entry);
      await test.step(key, async () => {
        for (const family of FAMILIES) {
          const arbitrary: fc.Arbitrary<Probe> =
            family === 'raw' ? fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) : fams[family].map((args) => ({ args }));
          let anyAccepted = false;
          const fullBefore = await snapshot();
          const details = await fc.check(
            fc.asyncProperty(arbitrary, async (probe) => {
              const before = await rowCounts();
              const res = await post(ref, entry.who, probe);
              tried[family]++;
              const verdict = judge(entry, res, 'raw' in probe || hasDeep(probe.args));
              if (verdict.problem) throw new Error(verdict.problem);
              if (verdict.accepted) {
                anyAccepted = true;
                acceptedBy[family]++;
                return;
              }
              const changed = countDiff(before, await rowCounts());
              if (changed.length)
                throw new Error(
                  `a rejected input changed row counts: ${changed.join(', ')}; answer ${res.status} ${res.text.slice(0, 200)}`,
                );
            }),
            {
              seed: seedFor(key, family),
              numRuns: RUNS[family],
              endOnFailure: true,
            },
          );
          if (details.failed) {
            failures.push(
              `${key} [${family}] fast-check seed=${details.seed} path=${details.counterexamplePath} — ` +
                `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
                `    input: ${short(details.counterexample?.[0])}`,
            );
            continue;
          }
          if (anyAccepted) {
            fullSkipped++;
            continue;
          }
          fullCompared++;
          const changed = changedTables(fullBefore, await snapshot()).filter((t) => !ASYNC_TABLES.includes(t));
          if (changed.length)
            failures.push(
              `${key} [${family}] seed=${seedFor(key, family)}: rejected inputs changed rows in place: ${changed.join(', ')}`,
            );
        }
      });
    }
  } finally {
    await unlockSignIn(DEMO.client1.email);
  }
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} inputs tried on ${buildActions().length} actions in ${seconds.toFixed(0)} s ` +
      `(${FAMILIES.map((f) => `${f} ${tried[f]}`).join(', ')}); ${failures.length} failures; ` +
      `accepted ${FAMILIES.map((f) => `${f} ${acceptedBy[f]}`).join(', ')}; ` +
      `full snapshot comparisons ${fullCompared} (skipped ${fullSkipped} runs with an accepted input)`,
  );
  record({
    area: 'Fuzzing',
    label: 'inputs tried',
    value: total,
    failures: failures.length,
    note: `${buildActions().length} actions, FUZZ_SEED=${BASE_SEED}, ${seconds.toFixed(0)} s`,
  });
  for (const family of FAMILIES) {
    record({
      area: 'Fuzzing',
      label: `inputs: ${family}`,
      value: tried[family],
      failures: failures.filter((f) => f.includes(`[${family}]`)).length,
      note: `${acceptedBy[family]} accepted`,
    });
  }
  record({
    area: 'Fuzzing',
    label: "Next's refusals of undecodable bodies",
    value: decodeRefusals,
    failures: 0,
    note: 'digest-only error, status 500/200, action never ran (see NEXT_DECODE_REFUSAL)',
  });
  record({
    area: 'Fuzzing',
    label: 'full snapshot comparisons',
    value: fullCompared,
    failures: 0,
    note: `${fullSkipped} runs skipped (an input was accepted); row counts checked on every rejected input`,
  });
  expect(failures, failures.join('\n')).toEqual([]);
});

test('after the fuzz: every malformed body on one action of each kind, health, no pollution', async () => {
  client ??= await signIn(DEMO.client1.email, DEMO.password);
  staff ??= await signIn(DEMO.superAdmin.email, DEMO.password);
  const problems: string[] = [];
  const targets: [string, Who][] = [
    ['app/(auth)/login/actions.ts#loginAction', 'anon'],
    ['app/(portal)/tickets/new/actions.ts#createTicketAction', 'client'],
    ['app/admin/clients/actions.ts#inviteClientAction', 'staff'],
  ];
  let n = 0;
  for (const [key, who] of targets) {
    const ref = buildActions().find((r) => keyOf(r) === key)!;
    for (const raw of RAW_BODIES) {
      const before = await snapshot();
      const res = await post(ref, who, { raw });
      n++;
      const verdict = judge({ who, params: [] }, res, true);
      if (verdict.problem) problems.push(`${key} ← ${raw.label}: ${verdict.problem}`);
      else if (verdict.accepted) problems.push(`${key} ← ${raw.label}: accepted`);
      const changed = changedTables(before, await snapshot());
      if (changed.length) problems.push(`${key} ← ${raw.label}: changed ${changed.join(', ')}`);
    }
  }
  // An unknown action id is refused cleanly too.
  const unknown = await anonymousPost('0'.repeat(42));
  if (unknown.status >= 500) problems.push(`unknown action id: ${unknown.status}`);

  // No pollution: a CLIENT is still refused a staff action, an anonymous visitor a client action.
  const refusedStaff = await postAction(client, 'inviteClientAction', [
    { email: `polluted.${FUZZ_TAG}@fuzz.test`, name: 'P', company: '' },
  ]);
  expect((refusedStaff.result as { ok?: boolean } | undefined)?.ok).not.toBe(true);
  const refusedClient = await postAction(new Visitor('anonymous', freshIp()), 'createTicketAction', [
    { subject: 'polluted?', description: 'polluted? polluted?' },
  ]);
  expect((refusedClient.result as { ok?: boolean } | undefined)?.ok).not.toBe(true);
  expect(await sql(`select 1 from users where email = $1`, [`polluted.${FUZZ_TAG}@fuzz.test`])).toEqual([]);

  const health = await new Visitor('health').fetch('/api/health');
  expect(health.status, health.text).toBe(200);
  record({
    area: 'Fuzzing',
    label: 'malformed bodies (every kind × 3 actions)',
    value: n + 1,
    failures: problems.length,
  });
  expect(problems, problems.join('\n')).toEqual([]);
});

async function anonymousPost(actionId: string) {
  return new Visitor('anonymous', freshIp()).fetch('/login', {
    method: 'POST',
    headers: {
      'next-action': actionId,
      'content-type': 'text/plain;charset=UTF-8',
      origin: new URL(server().baseUrl).origin,
    },
    body: '[]',
  });
}

test('restores the demo accounts the fuzz edited (profile, notification choices)', async () => {
  client ??= await signIn(DEMO.client1.email, DEMO.password);
  staff ??= await signIn(DEMO.superAdmin.email, DEMO.password);
  const restore = await postAction(client, 'updateProfileAction', [
    { name: DEMO.client1.name, company: DEMO.client1.company ?? '' },
  ]);
  expect(restore.result).toMatchObject({ ok: true });
  const prefs = await postAction(client, 'saveNotificationPreferencesAction', [
    {
      email: { TICKET_REPLY: true, TICKET_STATUS: true, PROJECT_STATUS: true },
    },
  ]);
  expect(prefs.result).toMatchObject({ ok: true });
});
