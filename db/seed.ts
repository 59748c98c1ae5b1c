// Demo data for `npm run db:seed` (scripts/seed.ts) and the end-to-end tests: an agency with two
// staff accounts and five client companies, ~15 projects across every status and type, ~20
// support tickets with threads from both sides. Everything is written in one transaction.
// The accounts below are public knowledge: never load this into a production database.
import { inArray } from 'drizzle-orm';
import type { Database } from './index';
import {
  projects,
  supportTickets,
  ticketComments,
  users,
  type ProjectStatus,
  type ProjectType,
  type Role,
  type TicketStatus,
} from './schema';

export const DEMO_PASSWORD = 'demo-password-2026';

export type DemoAccount = { key: AccountKey; email: string; name: string; company: string | null; role: Role };
type AccountKey = 'super' | 'admin' | 'client1' | 'client2' | 'client3' | 'client4' | 'client5';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: 'super', email: 'super@agency.test', name: 'Sam Carter', company: null, role: 'SUPER_ADMIN' },
  { key: 'admin', email: 'admin@agency.test', name: 'Alex Morgan', company: null, role: 'ADMIN' },
  { key: 'client1', email: 'client1@acme.test', name: 'Alice Johnson', company: 'Acme Ltd', role: 'CLIENT' },
  { key: 'client2', email: 'client2@globex.test', name: 'Brian Lee', company: 'Globex', role: 'CLIENT' },
  { key: 'client3', email: 'client3@initech.test', name: 'Chloe Martin', company: 'Initech', role: 'CLIENT' },
  { key: 'client4', email: 'client4@umbrella.test', name: 'Daniel Okafor', company: 'Umbrella Corp', role: 'CLIENT' },
  { key: 'client5', email: 'client5@hooli.test', name: 'Emma Schulz', company: 'Hooli', role: 'CLIENT' },
];

type ClientKey = Exclude<AccountKey, 'super' | 'admin'>;

type ProjectSeed = {
  key: string;
  client: ClientKey;
  title: string;
  type: ProjectType;
  status: ProjectStatus;
  budget: number | null;
  /** days before now */
  created: number;
  /** days relative to now (negative = past) */
  start?: number;
  end?: number;
  description: string;
  requirements: string;
};

const PROJECTS: ProjectSeed[] = [
  {
    key: 'acme-site',
    client: 'client1',
    title: 'Corporate website redesign',
    type: 'WEBSITE',
    status: 'IN_PROGRESS',
    budget: 18500,
    created: 75,
    start: -50,
    end: 30,
    description: 'A new marketing site for Acme Ltd with a refreshed look, case studies and a careers section.',
    requirements:
      'Responsive design\nCMS for the marketing team\nCase-study template\nWCAG 2.2 AA\nMigration of 40 existing pages',
  },
  {
    key: 'acme-shop',
    client: 'client1',
    title: 'Online spare-parts shop',
    type: 'E_COMMERCE',
    status: 'PENDING',
    budget: 32000,
    created: 4,
    description: 'Let trade customers order spare parts online with account pricing.',
    requirements:
      'Catalogue of ~3,000 parts imported from the ERP\nTrade accounts with price lists\nCard and invoice payment\nOrder export to the warehouse',
  },
  {
    key: 'acme-brand',
    client: 'client1',
    title: 'Brand refresh',
    type: 'BRANDING',
    status: 'COMPLETED',
    budget: 7500,
    created: 210,
    start: -200,
    end: -140,
    description: 'Updated logo, colour palette and typography for Acme’s 50th anniversary.',
    requirements: 'Logo variants\nColour and type system\nBrand guidelines PDF\nOffice signage files',
  },
  {
    key: 'globex-portal',
    client: 'client2',
    title: 'Customer self-service portal',
    type: 'WEB_APP',
    status: 'REVIEW',
    budget: 54000,
    created: 160,
    start: -140,
    end: 7,
    description: 'A portal where Globex customers see their contracts, invoices and support history.',
    requirements:
      'Single sign-on with the customer directory\nInvoice download (PDF)\nContract renewal requests\nAudit log',
  },
  {
    key: 'globex-campaign',
    client: 'client2',
    title: 'Spring marketing campaign',
    type: 'MARKETING',
    status: 'APPROVED',
    budget: 12000,
    created: 12,
    start: 10,
    end: 70,
    description: 'Landing pages, email sequence and paid social creative for the spring product launch.',
    requirements:
      'Three landing pages\nFive-email nurture sequence\nAd creative in four sizes\nUTM and conversion tracking',
  },
  {
    key: 'globex-mobile',
    client: 'client2',
    title: 'Field service mobile app',
    type: 'MOBILE_APP',
    status: 'CANCELLED',
    budget: 68000,
    created: 120,
    start: -100,
    description:
      'An offline-first app for Globex field engineers. Cancelled after the client chose an off-the-shelf product.',
    requirements: 'iOS and Android\nOffline job sheets\nPhoto upload\nSignature capture',
  },
  {
    key: 'initech-dashboard',
    client: 'client3',
    title: 'TPS report dashboard',
    type: 'WEB_APP',
    status: 'IN_PROGRESS',
    budget: 24000,
    created: 60,
    start: -35,
    end: 45,
    description: 'Replace the weekly TPS spreadsheet with a live dashboard for managers.',
    requirements: 'Import from the legacy reporting database\nCharts per team and week\nCSV export\nRole-based access',
  },
  {
    key: 'initech-intranet',
    client: 'client3',
    title: 'Intranet migration',
    type: 'OTHER',
    status: 'PENDING',
    budget: null,
    created: 2,
    description: 'Move the old intranet to a hosted platform. Budget to be agreed after discovery.',
    requirements: 'Content audit\nMigration plan\nTraining for editors',
  },
  {
    key: 'initech-careers',
    client: 'client3',
    title: 'Recruitment microsite',
    type: 'WEBSITE',
    status: 'COMPLETED',
    budget: 6200,
    created: 150,
    start: -130,
    end: -95,
    description: 'A small site for Initech’s graduate recruitment programme.',
    requirements: 'Four pages\nApplication form to the HR inbox\nEmployee stories',
  },
  {
    key: 'umbrella-shop',
    client: 'client4',
    title: 'Product catalogue shop',
    type: 'E_COMMERCE',
    status: 'APPROVED',
    budget: 41000,
    created: 20,
    start: 14,
    end: 120,
    description: 'An online shop for Umbrella’s consumer product range.',
    requirements:
      'Product variants and stock levels\nVAT-inclusive pricing\nDiscount codes\nIntegration with the existing fulfilment partner',
  },
  {
    key: 'umbrella-ir',
    client: 'client4',
    title: 'Investor relations site',
    type: 'WEBSITE',
    status: 'REVIEW',
    budget: 9800,
    created: 70,
    start: -55,
    end: 5,
    description: 'A compliant investor relations section with reports, share price and announcements.',
    requirements: 'Regulatory news feed\nReport archive\nShare price widget\nEmail alerts',
  },
  {
    key: 'umbrella-training',
    client: 'client4',
    title: 'Safety training app',
    type: 'MOBILE_APP',
    status: 'PENDING',
    budget: 45000,
    created: 6,
    description: 'Short safety lessons and quizzes for laboratory staff.',
    requirements: 'Lessons with video\nQuizzes with certificates\nManager reports\nWorks offline',
  },
  {
    key: 'hooli-guidelines',
    client: 'client5',
    title: 'Brand guidelines',
    type: 'BRANDING',
    status: 'IN_PROGRESS',
    budget: 15000,
    created: 40,
    start: -25,
    end: 20,
    description: 'A living brand guidelines site for Hooli’s product teams.',
    requirements: 'Design tokens\nComponent examples\nTone of voice\nDownloadable assets',
  },
  {
    key: 'hooli-launch',
    client: 'client5',
    title: 'Launch campaign landing pages',
    type: 'MARKETING',
    status: 'COMPLETED',
    budget: 8800,
    created: 110,
    start: -100,
    end: -60,
    description: 'Landing pages and A/B tests for the Hooli Nucleus launch.',
    requirements: 'Two landing page variants\nA/B testing\nAnalytics dashboard',
  },
  {
    key: 'hooli-dataroom',
    client: 'client5',
    title: 'Data-room prototype',
    type: 'OTHER',
    status: 'CANCELLED',
    budget: 5000,
    created: 90,
    start: -80,
    description: 'A prototype secure data room. Stopped when the acquisition it was for fell through.',
    requirements: 'Document upload\nWatermarking\nAccess log',
  },
];

type Author = 'CLIENT' | 'admin' | 'super';
type TicketSeed = {
  client: ClientKey;
  project?: string;
  subject: string;
  description: string;
  status: TicketStatus;
  /** days before now */
  created: number;
  /** [author, text, hours after the ticket was opened] */
  thread: [Author, string, number][];
};

const TICKETS: TicketSeed[] = [
  {
    client: 'client1',
    project: 'acme-brand',
    status: 'CLOSED',
    created: 150,
    subject: 'Logo files for the print shop',
    description: 'Our printer needs the new logo as CMYK PDF and EPS. Where can we find them?',
    thread: [
      [
        'admin',
        'They are in the brand pack under /print. I have attached a direct link in your project files as well.',
        3,
      ],
      ['CLIENT', 'Found them, thank you!', 5],
    ],
  },
  {
    client: 'client1',
    project: 'acme-site',
    status: 'OPEN',
    created: 9,
    subject: 'Staging site asks for a password',
    description: 'When I open the staging link I get a login box. Which credentials should our team use?',
    thread: [],
  },
  {
    client: 'client1',
    project: 'acme-site',
    status: 'PENDING',
    created: 6,
    subject: 'Hero image looks blurry on mobile',
    description: 'On my iPhone the homepage hero image is blurry. On desktop it is fine.',
    thread: [
      [
        'admin',
        'Thanks for spotting this. We serve a smaller image below 768 px; we have replaced it with a sharper one. Could you check again?',
        20,
      ],
    ],
  },
  {
    client: 'client1',
    status: 'RESOLVED',
    created: 30,
    subject: 'Invoice address change',
    description: 'Please send future invoices to our new finance address: 12 Harbour Road, Bristol.',
    thread: [
      ['super', 'Updated for all future invoices. The March invoice will be reissued to the new address.', 4],
      ['CLIENT', 'Perfect, thanks.', 6],
      ['admin', 'Reissued invoice sent. Marking this as resolved.', 26],
    ],
  },
  {
    client: 'client2',
    project: 'globex-portal',
    status: 'OPEN',
    created: 3,
    subject: 'Invoice PDF shows the wrong VAT number',
    description: 'In the review build the invoice PDF shows our old VAT number GB123456789.',
    thread: [
      ['admin', 'Could you tell us which customer account you tested with?', 2],
      ['CLIENT', 'Account 40021 (Globex Test Ltd).', 5],
    ],
  },
  {
    client: 'client2',
    project: 'globex-portal',
    status: 'PENDING',
    created: 14,
    subject: 'SSO login fails for contractors',
    description: 'Contractors in the external directory group cannot sign in to the review build.',
    thread: [
      ['admin', 'We only allowed the "Employees" group. Should contractors see the full portal or a reduced view?', 3],
      ['CLIENT', 'Reduced view: no invoices.', 22],
      [
        'admin',
        'Done on the review build: contractors now sign in and see contracts only. Please confirm it works for you.',
        30,
      ],
    ],
  },
  {
    client: 'client2',
    project: 'globex-mobile',
    status: 'CLOSED',
    created: 95,
    subject: 'Cancel the mobile app project',
    description: 'We have decided to go with an off-the-shelf product. Please stop work on the app.',
    thread: [
      ['super', 'Understood. We have stopped work and will send a final invoice for the discovery phase only.', 2],
      ['CLIENT', 'Thank you for being so flexible.', 4],
    ],
  },
  {
    client: 'client2',
    status: 'RESOLVED',
    created: 45,
    subject: 'Add a colleague to the portal',
    description: 'Could you give our finance manager access to the portal?',
    thread: [
      ['admin', 'Please ask them to register with their work email and we will link the account to Globex.', 1],
      ['CLIENT', 'She has registered now.', 24],
      ['admin', 'Linked. She can see all Globex projects.', 26],
    ],
  },
  {
    client: 'client3',
    project: 'initech-dashboard',
    status: 'OPEN',
    created: 1,
    subject: 'Weekly totals differ from the spreadsheet',
    description: 'The dashboard total for week 12 is 1,482 but our spreadsheet says 1,490.',
    thread: [],
  },
  {
    client: 'client3',
    project: 'initech-dashboard',
    status: 'PENDING',
    created: 10,
    subject: 'Export to CSV cuts long names',
    description: 'Team names longer than 30 characters are cut off in the CSV export.',
    thread: [
      ['CLIENT', 'Example: "Quality Assurance and Compliance North" becomes "Quality Assurance and Complian".', 1],
      ['admin', 'Fixed in today’s build: the export keeps full names now. Can you confirm on your side?', 28],
    ],
  },
  {
    client: 'client3',
    project: 'initech-careers',
    status: 'CLOSED',
    created: 100,
    subject: 'Applications not arriving in the HR inbox',
    description: 'Since Monday no applications from the careers site have reached hr@initech.test.',
    thread: [
      [
        'admin',
        'The mail provider had flagged the form as spam. We have added SPF and DKIM records; test mails arrive now.',
        5,
      ],
      ['CLIENT', 'Confirmed, we received three today.', 29],
      ['admin', 'Great. Closing this ticket.', 30],
    ],
  },
  {
    client: 'client3',
    project: 'initech-intranet',
    status: 'OPEN',
    created: 5,
    subject: 'Quote for the intranet migration',
    description: 'When can we expect the discovery quote for the intranet project?',
    thread: [
      ['super', 'We are finishing the content audit this week and will send the quote by Friday.', 6],
      ['CLIENT', 'Friday has passed. Any news?', 100],
    ],
  },
  {
    client: 'client4',
    project: 'umbrella-ir',
    status: 'PENDING',
    created: 8,
    subject: 'Share price widget shows yesterday’s price',
    description: 'The share price on the review site does not update during the day.',
    thread: [
      [
        'admin',
        'The feed we use is delayed by 15 minutes during trading hours, but it should not be a day old. We found a caching bug and fixed it.',
        6,
      ],
      ['CLIENT', 'Still old this morning.', 24],
      [
        'admin',
        'The CDN kept the old value. We have purged it and shortened the cache time to five minutes. Could you check once more?',
        27,
      ],
    ],
  },
  {
    client: 'client4',
    project: 'umbrella-shop',
    status: 'OPEN',
    created: 2,
    subject: 'Product data spreadsheet',
    description: 'Attached is our product spreadsheet. Is this format OK for the import?',
    thread: [['CLIENT', 'I forgot to mention: prices are excluding VAT.', 1]],
  },
  {
    client: 'client4',
    status: 'RESOLVED',
    created: 60,
    subject: 'Password reset email not received',
    description: 'I requested a password reset but no email arrived.',
    thread: [
      ['admin', 'It was held by your company’s spam filter. We have asked your IT team to allow our sender.', 2],
      ['CLIENT', 'It works now, thank you.', 5],
    ],
  },
  {
    client: 'client4',
    project: 'umbrella-training',
    status: 'OPEN',
    created: 3,
    subject: 'Can the app work without a network?',
    description: 'Our labs have no mobile signal. Can lessons be downloaded in advance?',
    thread: [],
  },
  {
    client: 'client5',
    project: 'hooli-guidelines',
    status: 'PENDING',
    created: 7,
    subject: 'Design tokens in Figma',
    description: 'Could the design tokens also be published as a Figma library?',
    thread: [
      [
        'admin',
        'Yes. We can publish them as Figma variables synced from the same source. It adds about two days; shall we go ahead?',
        5,
      ],
    ],
  },
  {
    client: 'client5',
    project: 'hooli-launch',
    status: 'CLOSED',
    created: 70,
    subject: 'A/B test results',
    description: 'Could you send the final A/B test report?',
    thread: [
      ['admin', 'Variant B converted 18% better (95% confidence). The full report is in your project files.', 20],
      ['CLIENT', 'Great result, thanks team!', 22],
    ],
  },
  {
    client: 'client5',
    status: 'OPEN',
    created: 0.5,
    subject: 'New project: developer documentation site',
    description: 'We would like a documentation site for our public API. Who should we talk to?',
    thread: [],
  },
  {
    client: 'client5',
    project: 'hooli-dataroom',
    status: 'RESOLVED',
    created: 85,
    subject: 'Delete the data-room test documents',
    description: 'Please delete all documents uploaded to the prototype data room.',
    thread: [
      [
        'super',
        'All documents and their backups have been deleted. A deletion certificate is in your project files.',
        8,
      ],
    ],
  },
];

export type SeedSummary =
  | { status: 'seeded'; users: number; projects: number; tickets: number; comments: number }
  | { status: 'already-seeded' }
  | { status: 'conflict'; existing: string[] };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Loads the demo data in one transaction. Idempotent: when every demo account already exists it
 * changes nothing ('already-seeded'); when only some do, it refuses ('conflict').
 */
export async function seedDemoData(database: Database, now = new Date()): Promise<SeedSummary> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = await database.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  if (existing.length === emails.length) return { status: 'already-seeded' };
  if (existing.length > 0) return { status: 'conflict', existing: existing.map((e) => e.email).sort() };

  // Hash outside the transaction (CPU work on the thread pool), each with its own salt.
  const { hashPassword } = await import('@/lib/auth/passwords');
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  const at = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY);
  const ago = (days: number) => at(-days);

  return database.transaction(async (tx) => {
    const ids = {} as Record<AccountKey, string>;
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      const createdAt = ago(account.role === 'CLIENT' ? 240 - i * 10 : 400 - i * 30);
      const [row] = await tx
        .insert(users)
        .values({
          email: account.email,
          name: account.name,
          company: account.company,
          role: account.role,
          passwordHash: hashes[i],
          emailVerified: true,
          active: true,
          createdAt,
          updatedAt: createdAt,
          lastLoggedIn: ago(1 + i),
        })
        .returning({ id: users.id });
      ids[account.key] = row.id;
    }

    const projectIds: Record<string, string> = {};
    for (const p of PROJECTS) {
      const createdAt = ago(p.created);
      // The last status change: a week after creation, or at the end date, and never in the future.
      const changed =
        p.status === 'PENDING' ? createdAt : new Date(Math.min(now.getTime() - HOUR, createdAt.getTime() + 7 * DAY));
      const [row] = await tx
        .insert(projects)
        .values({
          title: p.title,
          description: p.description,
          requirements: p.requirements,
          type: p.type,
          status: p.status,
          budget: p.budget,
          clientId: ids[p.client],
          startDate: p.start === undefined ? null : at(p.start),
          endDate: p.end === undefined ? null : at(p.end),
          createdAt,
          updatedAt: changed,
        })
        .returning({ id: projects.id });
      projectIds[p.key] = row.id;
    }

    // Oldest first, so that ticket numbers grow with time.
    let comments = 0;
    for (const t of [...TICKETS].sort((a, b) => b.created - a.created)) {
      const createdAt = ago(t.created);
      const times = t.thread.map(([, , hours]) => new Date(createdAt.getTime() + hours * HOUR));
      const lastRepliedAt = times.length ? times[times.length - 1] : null;
      if (lastRepliedAt && lastRepliedAt > now) throw new Error(`seed: a reply to "${t.subject}" is in the future`);
      const lastAuthor = t.thread.at(-1)?.[0];
      if (t.status === 'PENDING' && (lastAuthor === undefined || lastAuthor === 'CLIENT')) {
        throw new Error(`seed: PENDING ticket "${t.subject}" must end with a staff reply`);
      }
      if (t.status === 'OPEN' && lastAuthor !== undefined && lastAuthor !== 'CLIENT') {
        throw new Error(`seed: OPEN ticket "${t.subject}" must end with the client (or have no reply)`);
      }
      const [ticket] = await tx
        .insert(supportTickets)
        .values({
          subject: t.subject,
          description: t.description,
          status: t.status,
          clientId: ids[t.client],
          projectId: t.project ? projectIds[t.project] : null,
          createdAt,
          updatedAt: lastRepliedAt ?? createdAt,
          lastRepliedAt,
        })
        .returning({ id: supportTickets.id });
      if (t.thread.length) {
        await tx.insert(ticketComments).values(
          t.thread.map(([author, content], i) => ({
            ticketId: ticket.id,
            content,
            userId: author === 'CLIENT' ? ids[t.client] : ids[author],
            sender: author === 'CLIENT' ? ('CLIENT' as const) : ('ADMIN' as const),
            createdAt: times[i],
            updatedAt: times[i],
          })),
        );
        comments += t.thread.length;
      }
    }

    return {
      status: 'seeded' as const,
      users: DEMO_ACCOUNTS.length,
      projects: PROJECTS.length,
      tickets: TICKETS.length,
      comments,
    };
  });
}
