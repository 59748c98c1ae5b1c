// The access matrix (issue 6, item 1): every page route, route handler method and server action
// of app/ against seven visitors, with the outcome each one must get. security/access-matrix.spec.ts
// checks every cell against the running production build, and fails when app/ has a page, handler
// method or action that is missing here (or when a row here no longer exists in app/).
//
// The visitors: signed out; two clients A and B (DEMO.client1, DEMO.client2); the two staff roles;
// a client deactivated by staff AFTER signing in (a once-valid cookie); and a stale session (a copy
// of a cookie taken before a password reset). The last two carry a CLIENT JWT that proxy.ts still
// accepts, so what refuses them is requireUser() in the page, layout or action.

import { DEMO_PASSWORD } from '../../e2e/helpers/accounts';

export const VISITORS = ['anonymous', 'clientA', 'clientB', 'admin', 'superAdmin', 'deactivated', 'stale'] as const;
export type VisitorKey = (typeof VISITORS)[number];

/** The routes of ARCHITECTURE.md's "Stable contracts" (each must have a row below). */
export const ARCHITECTURE_ROUTES = [
  '/login', '/register', '/verify-email', '/forgot-password', '/reset-password', '/accept-invite', '/setup',
  '/dashboard', '/projects', '/projects/new', '/projects/[id]', '/tickets', '/tickets/new', '/tickets/[ticketNumber]',
  '/settings', '/admin', '/admin/clients', '/admin/clients/[id]', '/admin/projects', '/admin/projects/[id]',
  '/admin/tickets', '/admin/tickets/[ticketNumber]', '/admin/users', '/api/health',
];

// ── Pages ────────────────────────────────────────────────────────────────────────────────────

/**
 * 200; 404; or a redirect (3xx) whose Location path is the one given ('/login' also matches
 * '/login?callbackUrl=…').
 */
export type PageOutcome = 200 | 404 | '/login' | '/dashboard' | '/admin';
export type PageCells = Record<VisitorKey, PageOutcome>;

/** Dynamic segments are filled with A's id, B's id, or an id that does not exist. */
export type Sample = 'A' | 'B' | 'missing';

export type PageRow = {
  /** The route pattern, as derived from app/**\/page.tsx (route groups dropped). */
  route: string;
  /** Query string added to the request (token pages are also checked with a bogus token). */
  query?: string;
  cells: PageCells;
  /** Dynamic routes: one set of cells per sample id (cells is then the 'A' sample). */
  samples?: Partial<Record<Sample, PageCells>>;
};

const row = (an: PageOutcome, a: PageOutcome, b: PageOutcome, ad: PageOutcome, su: PageOutcome, de: PageOutcome, st: PageOutcome): PageCells => ({
  anonymous: an,
  clientA: a,
  clientB: b,
  admin: ad,
  superAdmin: su,
  deactivated: de,
  stale: st,
});

// Recurring rows. A deactivated or stale session passes the proxy (its JWT says CLIENT) and is
// then sent to /login by requireUser(); a staff member on a client page is sent to /admin by the
// proxy, a client on /admin… to /dashboard.
const PUBLIC = row(200, 200, 200, 200, 200, 200, 200);
/** /login and /register send a valid session home; a dead one sees the form. */
const SIGNED_OUT_FORM = row(200, '/dashboard', '/dashboard', '/admin', '/admin', 200, 200);
const CLIENT_PAGE = row('/login', 200, 200, '/admin', '/admin', '/login', '/login');
const ANY_SIGNED_IN = row('/login', 200, 200, 200, 200, '/login', '/login');
const STAFF_PAGE = row('/login', '/dashboard', '/dashboard', 200, 200, '/dashboard', '/dashboard');
const SUPER_PAGE = row('/login', '/dashboard', '/dashboard', '/admin', 200, '/dashboard', '/dashboard');

/** A client's own resource: 200 for its owner, 404 for the other client (never a 403). */
const OWN_A = row('/login', 200, 404, '/admin', '/admin', '/login', '/login');
const OWN_B = row('/login', 404, 200, '/admin', '/admin', '/login', '/login');
const NOBODYS = row('/login', 404, 404, '/admin', '/admin', '/login', '/login');
const STAFF_MISSING = row('/login', '/dashboard', '/dashboard', 404, 404, '/dashboard', '/dashboard');

export const PAGES: PageRow[] = [
  // "/" has no page of its own: the proxy sends everyone to their home or to /login.
  { route: '/', cells: row('/login', '/dashboard', '/dashboard', '/admin', '/admin', '/dashboard', '/dashboard') },
  // (auth)
  { route: '/login', cells: SIGNED_OUT_FORM },
  { route: '/register', cells: SIGNED_OUT_FORM },
  { route: '/forgot-password', cells: PUBLIC },
  { route: '/verify-email', query: '?token=matrix-not-a-real-token-0000000000000000', cells: PUBLIC },
  { route: '/reset-password', query: '?token=matrix-not-a-real-token-0000000000000000', cells: PUBLIC },
  { route: '/accept-invite', query: '?token=matrix-not-a-real-token-0000000000000000', cells: PUBLIC },
  // Only while no user exists.
  { route: '/setup', cells: row(404, 404, 404, 404, 404, 404, 404) },
  // (portal)
  { route: '/dashboard', cells: CLIENT_PAGE },
  { route: '/projects', cells: CLIENT_PAGE },
  { route: '/projects/new', cells: CLIENT_PAGE },
  { route: '/projects/[id]', cells: OWN_A, samples: { A: OWN_A, B: OWN_B, missing: NOBODYS } },
  { route: '/tickets', cells: CLIENT_PAGE },
  { route: '/tickets/new', cells: CLIENT_PAGE },
  { route: '/tickets/[ticketNumber]', cells: OWN_A, samples: { A: OWN_A, B: OWN_B, missing: NOBODYS } },
  { route: '/settings', cells: ANY_SIGNED_IN },
  // The bell's list: every role has one.
  { route: '/notifications', cells: ANY_SIGNED_IN },
  // admin
  { route: '/admin', cells: STAFF_PAGE },
  { route: '/admin/clients', cells: STAFF_PAGE },
  { route: '/admin/clients/[id]', cells: STAFF_PAGE, samples: { A: STAFF_PAGE, B: STAFF_PAGE, missing: STAFF_MISSING } },
  { route: '/admin/projects', cells: STAFF_PAGE },
  { route: '/admin/projects/[id]', cells: STAFF_PAGE, samples: { A: STAFF_PAGE, B: STAFF_PAGE, missing: STAFF_MISSING } },
  { route: '/admin/tickets', cells: STAFF_PAGE },
  {
    route: '/admin/tickets/[ticketNumber]',
    cells: STAFF_PAGE,
    samples: { A: STAFF_PAGE, B: STAFF_PAGE, missing: STAFF_MISSING },
  },
  { route: '/admin/users', cells: SUPER_PAGE },
  // The activity log: SUPER_ADMIN only; an ADMIN is sent back to /admin.
  { route: '/admin/activity', cells: SUPER_PAGE },
];

// ── Route handlers ───────────────────────────────────────────────────────────────────────────

/** An HTTP status, or a redirect (3xx) whose Location path starts with the string given. */
export type HandlerOutcome = number | `→${string}`;

export type HandlerRow = {
  /** The route pattern of app/api/**\/route.ts. */
  route: string;
  method: string;
  /** The concrete request (a catch-all needs a path; a POST a body). */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  cells: Record<VisitorKey, HandlerOutcome>;
};

const all = (o: HandlerOutcome): Record<VisitorKey, HandlerOutcome> =>
  Object.fromEntries(VISITORS.map((v) => [v, o])) as Record<VisitorKey, HandlerOutcome>;

export const HANDLERS: HandlerRow[] = [
  { route: '/api/health', method: 'GET', path: '/api/health', cells: all(200) },
  // Auth.js' own endpoints: the session (for anyone; it never shows another user), and the
  // credentials callback, which without a CSRF token and a one-time grant issues no session
  // (Auth.js sends it back to the sign-in page, ?error=MissingCSRF).
  { route: '/api/auth/[...nextauth]', method: 'GET', path: '/api/auth/session', cells: all(200) },
  {
    route: '/api/auth/[...nextauth]',
    method: 'POST',
    path: '/api/auth/callback/credentials',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant=matrix-forged-grant&csrfToken=matrix-forged',
    cells: all('→/login'),
  },
  // Only with `Authorization: Bearer $CRON_SECRET`: a session cookie grants nothing.
  { route: '/api/cron/cleanup', method: 'GET', path: '/api/cron/cleanup', cells: all(401) },
  { route: '/api/cron/cleanup', method: 'POST', path: '/api/cron/cleanup', cells: all(401) },
  // Bench mode only: not a public path (the proxy sends the signed-out to /login), 404 for anyone
  // else while bench mode is off.
  {
    route: '/api/bench/queries',
    method: 'GET',
    path: '/api/bench/queries',
    cells: { ...all(404), anonymous: '→/login' },
  },
];

// ── Server actions ───────────────────────────────────────────────────────────────────────────

/**
 * 'allowed': the call does its work (result.ok === true).
 * 'refused': no table changes (snapshot before/after) and result.ok is not true — requireUser's
 *   redirect (an empty answer), or {ok:false} from the data layer (not found, wrong password…).
 * 'neutral': the same neutral answer whoever asks (no account enumeration) and no table changes.
 */
export type ActionOutcome = 'allowed' | 'refused' | 'neutral';
export type ActionCells = Record<VisitorKey, ActionOutcome>;

/** The ids the calls are built from (security/access-matrix.spec.ts fills them at start). */
export type Fixtures = {
  A: { id: string; email: string; ticket: string; project: string };
  B: {
    id: string;
    email: string;
    name: string;
    company: string | null;
    ticket: string;
    project: string;
    projectRow: { title: string; type: string; description: string | null; requirements: string | null; budget: string | null; startDate: string | null; endDate: string | null };
    notification: string;
  };
  admin: { id: string };
  superAdmin: { id: string };
  /** Per staff visitor: resources an allowed call may change without disturbing the others. */
  spare: Record<'admin' | 'superAdmin', { project: string; ticket: string }>;
  /**
   * Another client whose address the public auth actions are aimed at (B's address would get
   * throttled by the repeated attempts, and other specs sign in as B).
   */
  victim: { id: string; email: string };
  /** A client that super may delete; an invited (not yet accepted) and an unverified client. */
  doomed: { id: string; email: string };
  invited: { id: string };
  unverified: { id: string };
  /** Each signed-in visitor's name and company as they are (an allowed profile save keeps them). */
  profile: Partial<Record<VisitorKey, { name: string; company: string }>>;
  /** Unique per call, for creations (invites). */
  unique: () => string;
};

export type ActionRow = {
  name: string;
  /** Source file (relative to the repository root). */
  file: string;
  /** The page that uses the action (posted to as well as to a neutral page); ids filled in. */
  page: (f: Fixtures) => string;
  /** The attack: the call with B's ids (or B's address), as any visitor could forge it. */
  attack: (f: Fixtures) => unknown[];
  cells: ActionCells;
  /**
   * For 'allowed' cells whose attack would wreck the fixtures (delete B, close B's ticket…): the
   * call made instead, for that visitor. Without it the attack itself is made.
   */
  allowedCall?: (f: Fixtures, visitor: VisitorKey) => unknown[];
  /**
   * 'allowed' cells not posted, with the reason (the spec counts and prints them). Each is
   * covered elsewhere in the spec or the suite.
   */
  notPosted?: Partial<Record<VisitorKey, string>>;
};

const cells = (
  an: ActionOutcome,
  a: ActionOutcome,
  b: ActionOutcome,
  ad: ActionOutcome,
  su: ActionOutcome,
  de: ActionOutcome,
  st: ActionOutcome,
): ActionCells => ({ anonymous: an, clientA: a, clientB: b, admin: ad, superAdmin: su, deactivated: de, stale: st });

const EVERYONE = (o: ActionOutcome) => cells(o, o, o, o, o, o, o);
/** A client action on B's resource: B may, nobody else. */
const ONLY_B = cells('refused', 'refused', 'allowed', 'refused', 'refused', 'refused', 'refused');
/** Any valid session acting on its own rows. */
const SIGNED_IN = cells('refused', 'allowed', 'allowed', 'allowed', 'allowed', 'refused', 'refused');
const STAFF = cells('refused', 'refused', 'refused', 'allowed', 'allowed', 'refused', 'refused');
const SUPER = cells('refused', 'refused', 'refused', 'refused', 'allowed', 'refused', 'refused');

const PASSWORD = 'Matrix-new-passphrase-42';
const BOGUS_TOKEN = 'matrix-not-a-real-token-0000000000000000';
const AUTH = 'app/(auth)';
const PORTAL = 'app/(portal)';

const projectFields = (f: Fixtures) => ({
  title: f.B.projectRow.title,
  type: f.B.projectRow.type,
  description: f.B.projectRow.description ?? '',
  requirements: f.B.projectRow.requirements ?? '',
  budget: f.B.projectRow.budget ?? '',
  startDate: f.B.projectRow.startDate ?? '',
  endDate: f.B.projectRow.endDate ?? '',
});

export const ACTIONS: ActionRow[] = [
  // ── (auth): public, so the "foreign id" is another client's address or a forged token ──
  {
    name: 'loginAction',
    file: `${AUTH}/login/actions.ts`,
    page: () => '/login',
    attack: (f) => [{ email: f.victim.email, password: 'not-the-victims-password-1' }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'resendVerificationAction',
    file: `${AUTH}/login/actions.ts`,
    page: () => '/login',
    attack: (f) => [{ email: f.victim.email }],
    cells: EVERYONE('neutral'),
  },
  {
    name: 'registerAction',
    file: `${AUTH}/register/actions.ts`,
    page: () => '/register',
    attack: (f) => [{ name: 'Mallory', company: '', email: f.victim.email, password: PASSWORD, confirmPassword: PASSWORD }],
    // The answer a new address gets; the owner of the taken one is told by mail (quietly
    // rate-limited), so it writes an outbox row: allowed, like forgot-password.
    cells: EVERYONE('allowed'),
  },
  {
    name: 'forgotPasswordAction',
    file: `${AUTH}/forgot-password/actions.ts`,
    page: () => '/forgot-password',
    // A reset link goes to the victim's mailbox, not the caller's: anyone may ask, for any address.
    attack: (f) => [{ email: f.victim.email }],
    cells: EVERYONE('allowed'),
  },
  {
    name: 'resetPasswordAction',
    file: `${AUTH}/reset-password/actions.ts`,
    page: () => `/reset-password?token=${BOGUS_TOKEN}`,
    attack: () => [{ token: BOGUS_TOKEN, password: PASSWORD, confirmPassword: PASSWORD }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'setupAction',
    file: `${AUTH}/setup/actions.ts`,
    page: () => '/setup',
    attack: () => [{ name: 'Mallory', email: 'mallory@evil.test', password: PASSWORD, confirmPassword: PASSWORD }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'verifyEmailAction',
    file: `${AUTH}/verify-email/actions.ts`,
    page: () => `/verify-email?token=${BOGUS_TOKEN}`,
    attack: () => [{ token: BOGUS_TOKEN }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'resendLinkAction',
    file: `${AUTH}/verify-email/actions.ts`,
    page: () => `/verify-email?token=${BOGUS_TOKEN}`,
    attack: (f) => [{ email: f.victim.email }],
    cells: EVERYONE('neutral'),
  },
  {
    name: 'acceptInviteAction',
    file: `${AUTH}/accept-invite/actions.ts`,
    page: () => `/accept-invite?token=${BOGUS_TOKEN}`,
    attack: () => [{ token: BOGUS_TOKEN, name: 'Mallory', password: PASSWORD, confirmPassword: PASSWORD }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'signOutAction',
    file: 'components/auth/sign-out-action.ts',
    page: () => '/settings',
    attack: () => [],
    // Ends the caller's own session only (a signed-out caller has none to end).
    cells: cells('neutral', 'allowed', 'allowed', 'allowed', 'allowed', 'neutral', 'neutral'),
    notPosted: {
      clientA: 'would end the matrix visitor: a separate session of A is signed out instead (spec)',
      clientB: 'as for A',
      admin: 'as for A',
      superAdmin: 'as for A',
    },
  },

  // ── (portal): every role's own rows, and the client's own tickets and projects ──
  {
    name: 'markNotificationReadAction',
    file: `${PORTAL}/notifications/actions.ts`,
    page: () => '/notifications',
    attack: (f) => [f.B.notification],
    cells: ONLY_B,
  },
  {
    name: 'markAllNotificationsReadAction',
    file: `${PORTAL}/notifications/actions.ts`,
    page: () => '/notifications',
    attack: () => [],
    cells: SIGNED_IN,
  },
  {
    name: 'saveNotificationPreferencesAction',
    file: `${PORTAL}/notifications/actions.ts`,
    page: () => '/settings',
    // A user id in the input is ignored: the viewer's own preferences are saved.
    attack: (f) => [{ userId: f.B.id, email: { TICKET_REPLY: false } }],
    cells: SIGNED_IN,
    allowedCall: (f) => [{ userId: f.B.id, email: { TICKET_REPLY: true } }],
  },
  {
    name: 'updateProfileAction',
    file: `${PORTAL}/settings/actions.ts`,
    page: () => '/settings',
    // The viewer's own profile, whatever id is sent (the allowed call keeps each name as it is).
    attack: (f) => [{ id: f.B.id, userId: f.B.id, name: 'Pwned by matrix', company: 'Evil' }],
    cells: SIGNED_IN,
    allowedCall: (f, v) => [{ userId: f.B.id, ...f.profile[v] }],
  },
  {
    name: 'changePasswordAction',
    file: `${PORTAL}/settings/actions.ts`,
    page: () => '/settings',
    // The caller's own password, whatever user id is sent. (A wrong current password is not used
    // here: it counts against the account's sign-in throttle, and other specs sign in as A.)
    attack: (f) => [{ userId: f.B.id, currentPassword: DEMO_PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }],
    cells: SIGNED_IN,
    notPosted: {
      clientA: "would change a demo account's password: a fresh client changes theirs in the spec's setup (and its old cookie is the second stale session)",
      clientB: 'as for A',
      admin: 'as for A',
      superAdmin: 'as for A',
    },
  },
  {
    name: 'changeEmailAction',
    file: `${PORTAL}/settings/actions.ts`,
    page: () => '/settings',
    // B's address is taken: refused for every valid session too.
    attack: (f) => [{ newEmail: f.B.email, password: DEMO_PASSWORD }],
    cells: EVERYONE('refused'),
  },
  {
    name: 'replyAction',
    file: `${PORTAL}/tickets/[ticketNumber]/actions.ts`,
    page: (f) => `/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, { content: 'Matrix: a forged reply on B’s ticket.' }],
    cells: ONLY_B,
  },
  {
    name: 'changeStatusAction',
    file: `${PORTAL}/tickets/[ticketNumber]/actions.ts`,
    page: (f) => `/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, 'RESOLVED'],
    cells: ONLY_B,
  },
  {
    name: 'createTicketAction',
    file: `${PORTAL}/tickets/new/actions.ts`,
    page: () => '/tickets/new',
    // B's project (and B's id) from anyone else: refused; from B, a ticket on B's own project.
    attack: (f) => [{ subject: 'Matrix forged ticket', description: 'Filed against a foreign project.', projectId: f.B.project, clientId: f.B.id }],
    cells: ONLY_B,
  },
  {
    name: 'requestProjectAction',
    file: `${PORTAL}/projects/new/actions.ts`,
    page: () => '/projects/new',
    // A client id in the input is ignored: the project is the caller's own (the spec checks).
    attack: (f) => [{ clientId: f.B.id, title: 'Matrix project request', type: 'WEBSITE', description: 'A request made by the access matrix.', requirements: 'Ten or more characters.' }],
    cells: cells('refused', 'allowed', 'allowed', 'refused', 'refused', 'refused', 'refused'),
  },

  // ── admin: staff (ADMIN, SUPER_ADMIN) ──
  {
    name: 'inviteClientAction',
    file: 'app/admin/clients/actions.ts',
    page: () => '/admin/clients',
    attack: (f) => [{ email: `matrix-invite-${f.unique()}@example.test`, name: 'Matrix Invitee' }],
    cells: STAFF,
  },
  {
    name: 'updateClientAction',
    file: 'app/admin/clients/[id]/actions.ts',
    page: (f) => `/admin/clients/${f.B.id}`,
    attack: (f) => [{ clientId: f.B.id, email: 'mallory@evil.test', name: 'Pwned', company: 'Evil' }],
    cells: STAFF,
    allowedCall: (f) => [{ clientId: f.B.id, email: f.B.email, name: f.B.name, company: f.B.company ?? '' }],
  },
  {
    name: 'setClientActiveAction',
    file: 'app/admin/clients/[id]/actions.ts',
    page: (f) => `/admin/clients/${f.B.id}`,
    attack: (f) => [{ userId: f.B.id, active: false }],
    cells: STAFF,
    allowedCall: (f) => [{ userId: f.B.id, active: true }],
  },
  {
    name: 'resendInvitationAction',
    file: 'app/admin/clients/[id]/actions.ts',
    page: (f) => `/admin/clients/${f.B.id}`,
    attack: (f) => [{ userId: f.invited.id }],
    cells: STAFF,
  },
  {
    name: 'resendVerificationAction',
    file: 'app/admin/clients/[id]/actions.ts',
    page: (f) => `/admin/clients/${f.B.id}`,
    attack: (f) => [{ userId: f.unverified.id }],
    cells: STAFF,
  },
  {
    name: 'createProjectForClientAction',
    file: 'app/admin/clients/[id]/actions.ts',
    page: (f) => `/admin/clients/${f.B.id}`,
    attack: (f) => [{ clientId: f.B.id, title: 'Matrix staff project', type: 'WEBSITE', description: '', requirements: '', budget: '', startDate: '', endDate: '' }],
    cells: STAFF,
  },
  {
    name: 'updateProjectAction',
    file: 'app/admin/projects/[id]/actions.ts',
    page: (f) => `/admin/projects/${f.B.project}`,
    attack: (f) => [{ projectId: f.B.project, ...projectFields(f), title: 'Pwned project' }],
    cells: STAFF,
    allowedCall: (f) => [{ projectId: f.B.project, ...projectFields(f) }],
  },
  {
    name: 'moveProjectAction',
    file: 'app/admin/projects/[id]/actions.ts',
    page: (f) => `/admin/projects/${f.B.project}`,
    attack: (f) => [{ projectId: f.B.project, to: 'CANCELLED' }],
    cells: STAFF,
    allowedCall: (f, v) => [{ projectId: f.spare[v as 'admin' | 'superAdmin'].project, to: 'APPROVED' }],
  },
  {
    name: 'replyAsAgencyAction',
    file: 'app/admin/tickets/[ticketNumber]/actions.ts',
    page: (f) => `/admin/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, { content: 'Matrix: a forged agency reply.' }],
    cells: STAFF,
    allowedCall: (f, v) => [f.spare[v as 'admin' | 'superAdmin'].ticket, { content: 'Matrix: an allowed agency reply.' }],
  },
  {
    name: 'setTicketStatusAction',
    file: 'app/admin/tickets/[ticketNumber]/actions.ts',
    page: (f) => `/admin/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, 'CLOSED'],
    cells: STAFF,
    allowedCall: (f, v) => [f.spare[v as 'admin' | 'superAdmin'].ticket, 'RESOLVED'],
  },
  {
    name: 'setTicketPriorityAction',
    file: 'app/admin/tickets/[ticketNumber]/actions.ts',
    page: (f) => `/admin/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, 'URGENT'],
    cells: STAFF,
    allowedCall: (f, v) => [f.spare[v as 'admin' | 'superAdmin'].ticket, 'HIGH'],
  },
  {
    name: 'assignTicketAction',
    file: 'app/admin/tickets/[ticketNumber]/actions.ts',
    page: (f) => `/admin/tickets/${f.B.ticket}`,
    attack: (f) => [f.B.ticket, { assigneeId: f.admin.id }],
    cells: STAFF,
    allowedCall: (f, v) => [f.spare[v as 'admin' | 'superAdmin'].ticket, { assigneeId: f[v as 'admin' | 'superAdmin'].id }],
  },

  // ── admin/users: SUPER_ADMIN ──
  {
    name: 'inviteStaffAction',
    file: 'app/admin/users/actions.ts',
    page: () => '/admin/users',
    attack: (f) => [{ email: `matrix-staff-${f.unique()}@example.test`, name: 'Matrix Staff', role: 'SUPER_ADMIN' }],
    cells: SUPER,
  },
  {
    name: 'changeRoleAction',
    file: 'app/admin/users/actions.ts',
    page: () => '/admin/users',
    attack: (f) => [{ userId: f.B.id, role: 'SUPER_ADMIN' }],
    cells: SUPER,
    allowedCall: (f) => [{ userId: f.B.id, role: 'CLIENT' }],
  },
  {
    name: 'setUserActiveAction',
    file: 'app/admin/users/actions.ts',
    page: () => '/admin/users',
    attack: (f) => [{ userId: f.admin.id, active: false }],
    cells: SUPER,
    allowedCall: (f) => [{ userId: f.B.id, active: true }],
  },
  {
    name: 'deletionPreviewAction',
    file: 'app/admin/users/actions.ts',
    page: () => '/admin/users',
    attack: (f) => [{ userId: f.B.id }],
    cells: SUPER,
  },
  {
    name: 'deleteUserAction',
    file: 'app/admin/users/actions.ts',
    page: () => '/admin/users',
    attack: (f) => [{ userId: f.B.id, confirmEmail: f.B.email }],
    cells: SUPER,
    allowedCall: (f) => [{ userId: f.doomed.id, confirmEmail: f.doomed.email }],
  },
];

/** Unique key of an action row: two modules export a resendVerificationAction. */
export const actionKey = (r: { file: string; name: string }) => `${r.file}#${r.name}`;
