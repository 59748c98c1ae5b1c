import { describe, expect, it } from 'vitest';
import { projectStatusEnum, projectTypeEnum, ticketStatusEnum } from '@/db/schema';
import {
  budgetSchema,
  calendarDateSchema,
  PROJECT_STATUS_VALUES,
  PROJECT_TYPES,
  projectRequestSchema,
} from '@/lib/validation/projects';
import { commentSchema, createTicketSchema, ticketNumberSchema, TICKET_STATUS_VALUES } from '@/lib/validation/tickets';

describe('enum copies', () => {
  it('match the database enums', () => {
    expect([...PROJECT_TYPES]).toEqual(projectTypeEnum.enumValues);
    expect([...PROJECT_STATUS_VALUES]).toEqual(projectStatusEnum.enumValues);
    expect([...TICKET_STATUS_VALUES]).toEqual(ticketStatusEnum.enumValues);
  });
});

describe('budget', () => {
  it.each([
    ['', null],
    [null, null],
    [undefined, null],
    ['0', 0],
    ['2500', 2500],
    ['2,500.5', 2500.5],
    ['£ 1,000.99', 1000.99],
    [' 12.30 ', 12.3],
    [42.25, 42.25],
  ])('%o → %o', (input, expected) => {
    expect(budgetSchema.parse(input)).toBe(expected);
  });

  it.each(['-1', '1.234', 'abc', '1e3', '12.', '.5', -0.01, Number.NaN, Infinity, '100000000.01'])('refuses %o', (input) => {
    expect(budgetSchema.safeParse(input).success).toBe(false);
  });
});

describe('calendar dates', () => {
  it('parses YYYY-MM-DD to UTC midnight and empty to null', () => {
    expect(calendarDateSchema.parse('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(calendarDateSchema.parse('')).toBeNull();
    expect(calendarDateSchema.parse(new Date('2026-02-28T15:00:00Z'))?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
  it.each(['2026-02-29', '2026-13-01', '26-01-01', 'tomorrow', '1999-12-31'])('refuses %s', (v) => {
    expect(calendarDateSchema.safeParse(v).success).toBe(false);
  });
  it('refuses an end before the start, on the endDate field', () => {
    const r = projectRequestSchema.safeParse({
      title: 'Title',
      type: 'WEBSITE',
      description: 'Long enough text',
      requirements: 'Long enough text',
      startDate: '2026-05-02',
      endDate: '2026-05-01',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['endDate']);
  });
});

describe('ticket schemas', () => {
  it('trims and bounds the subject and description', () => {
    expect(createTicketSchema.parse({ subject: '  Hi!  ', description: '  0123456789  ' })).toEqual({
      subject: 'Hi!',
      description: '0123456789',
      projectId: null,
    });
    expect(createTicketSchema.safeParse({ subject: 'Hi', description: '0123456789' }).success).toBe(false);
  });
  it('bounds a comment to 1–10,000 characters after trimming', () => {
    expect(commentSchema.safeParse({ content: ' ' }).success).toBe(false);
    expect(commentSchema.safeParse({ content: 'a'.repeat(10_000) }).success).toBe(true);
    expect(commentSchema.safeParse({ content: 'a'.repeat(10_001) }).success).toBe(false);
  });
  it('normalises ticket numbers', () => {
    expect(ticketNumberSchema.parse(' t-000123 ')).toBe('T-000123');
    expect(ticketNumberSchema.safeParse('T-12').success).toBe(false);
  });
});
