import { z } from 'zod';
import { text } from './text';
import type { ProjectStatus, ProjectType } from '@/db/schema';
import { idempotencyKeySchema } from './idempotency';
import { clientSearchSchema } from './client-search';

// Shared by the "Request a project" form and its server action (and by the admin's project
// editor, which reuses the field schemas). The form holds strings; the schema turns them into
// the stored shapes: budget → number | null, dates → Date (UTC midnight) | null.

// Literal copies of the database enums (so that client bundles need not load db/schema);
// the `satisfies` checks and tests/portal/validation.test.ts keep them equal to the schema.
export const PROJECT_TYPES = [
  'WEBSITE',
  'E_COMMERCE',
  'WEB_APP',
  'MOBILE_APP',
  'BRANDING',
  'MARKETING',
  'OTHER',
] as const satisfies readonly ProjectType[];
export const PROJECT_STATUS_VALUES = [
  'PENDING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'CANCELLED',
] as const satisfies readonly ProjectStatus[];

export const BUDGET_MAX = 100_000_000;

export const projectTitleSchema = text({ message: 'Enter a title' })
  .trim()
  .min(3, { message: 'The title needs at least 3 characters' })
  .max(200, { message: 'The title can be at most 200 characters' });

export const projectTypeSchema = z.enum(PROJECT_TYPES, { message: 'Choose a project type' });

export const projectDescriptionSchema = text({ message: 'Describe the project' })
  .trim()
  .min(10, { message: 'The description needs at least 10 characters' })
  .max(10_000, { message: 'The description can be at most 10,000 characters' });

export const projectRequirementsSchema = text({ message: 'List your requirements' })
  .trim()
  .min(10, { message: 'The requirements need at least 10 characters' })
  .max(10_000, { message: 'The requirements can be at most 10,000 characters' });

/**
 * Optional budget in pounds: "", null or undefined → null; "2500", "2,500.50", "£2500", 2500.5 →
 * a number ≥ 0 with at most two decimals.
 */
export const budgetSchema = z
  .union([text(), z.number()])
  .nullish()
  .transform((value, ctx): number | null => {
    if (value === null || value === undefined) return null;
    const text =
      typeof value === 'number'
        ? Number.isFinite(value)
          ? String(value)
          : 'x'
        : value.trim().replace(/^£\s*/, '').replace(/,/g, '');
    if (text === '') return null;
    if (text.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'The budget cannot be negative' });
      return z.NEVER;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter an amount in pounds with at most two decimals, e.g. 2500 or 2500.50',
      });
      return z.NEVER;
    }
    const amount = Number(text);
    if (amount > BUDGET_MAX) {
      ctx.addIssue({ code: 'custom', message: 'The budget can be at most £100,000,000' });
      return z.NEVER;
    }
    return amount;
  });

/** Optional calendar date: "" / null → null; "2026-03-01" or a Date → Date at UTC midnight. */
export const calendarDateSchema = z
  .union([text(), z.date()])
  .nullish()
  .transform((value, ctx): Date | null => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Enter a valid date' });
        return z.NEVER;
      }
      return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
    }
    const text = value.trim();
    if (text === '') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD' });
      return z.NEVER;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) {
      ctx.addIssue({ code: 'custom', message: 'Enter a valid date' });
      return z.NEVER;
    }
    return date;
  });

/** Adds "end not before start" to any object schema with startDate/endDate. */
export function refineDateRange<T extends { startDate: Date | null; endDate: Date | null }>(
  value: T,
  ctx: z.RefinementCtx,
): void {
  if (value.startDate && value.endDate && value.endDate.getTime() < value.startDate.getTime()) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'The end date cannot be before the start date',
    });
  }
}

export const projectRequestSchema = z
  .object({
    title: projectTitleSchema,
    type: projectTypeSchema,
    description: projectDescriptionSchema,
    requirements: projectRequirementsSchema,
    budget: budgetSchema,
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    /** Staff only: the client the project is for. Ignored for a CLIENT viewer. */
    clientId: text().trim().min(1).optional(),
    /** The form's idempotency key: the same key twice requests one project. */
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine(refineDateRange);

export type ProjectRequestInput = z.input<typeof projectRequestSchema>;
export type ProjectRequest = z.output<typeof projectRequestSchema>;

/** The form's values: every field a string. */
export type ProjectRequestFormValues = {
  title: string;
  type: string;
  description: string;
  requirements: string;
  budget: string;
  startDate: string;
  endDate: string;
  /** Sent by the form (not a field): see idempotencyKeySchema. */
  idempotencyKey?: string;
};

export const PROJECT_SORTS = ['updated', 'created', 'title', 'start'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const oneOrMany = <T extends z.ZodTypeAny>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const projectListParamsSchema = z.object({
  status: oneOrMany(z.enum(PROJECT_STATUS_VALUES)).optional(),
  type: oneOrMany(z.enum(PROJECT_TYPES)).optional(),
  /** Staff only: one client's projects. Ignored for a CLIENT viewer (always their own). */
  clientId: text().trim().min(1).optional(),
  /**
   * Staff only: projects of the clients whose name, email or company contains this text (starts
   * with it, for 1 or 2 characters). Ignored for a CLIENT viewer.
   */
  clientSearch: clientSearchSchema,
  /** Title contains (case-insensitive). */
  search: text().trim().max(200).optional(),
  sort: z.enum(PROJECT_SORTS).default('updated'),
  /** Opaque keyset cursor from a previous page. */
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ProjectListParams = z.input<typeof projectListParamsSchema>;
