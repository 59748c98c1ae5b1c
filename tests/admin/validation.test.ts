import { describe, expect, it } from 'vitest';
import { projectStatusEnum, projectTypeEnum, roleEnum, ticketStatusEnum } from '@/db/schema';
import {
  clientListSchema,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  projectListSchema,
  ROLES,
  TICKET_STATUSES,
  ticketQueueSchema,
  userListSchema,
} from '@/lib/validation/admin';

// The staff area's zod schemas (lib/validation/admin.ts).

describe('enum lists', () => {
  it('match the database enums', () => {
    expect([...ROLES]).toEqual(roleEnum.enumValues);
    expect([...PROJECT_STATUSES]).toEqual(projectStatusEnum.enumValues);
    expect([...PROJECT_TYPES]).toEqual(projectTypeEnum.enumValues);
    expect([...TICKET_STATUSES]).toEqual(ticketStatusEnum.enumValues);
  });
});

describe('list parameters from the URL', () => {
  it('default sensibly and never throw on bad values', () => {
    expect(ticketQueueSchema.parse({})).toEqual({ status: 'ACTIVE', sort: 'last_reply' });
    expect(ticketQueueSchema.parse({ status: 'open', sort: 'waiting', q: ' T-000001 ' })).toMatchObject({
      status: 'OPEN',
      sort: 'waiting',
      q: 'T-000001',
    });
    expect(ticketQueueSchema.parse({ status: 'bogus', sort: 1, cursor: 5 })).toEqual({ status: 'ACTIVE', sort: 'last_reply' });
    expect(clientListSchema.parse({ q: '', active: 'x', page: '0' })).toEqual({
      q: undefined,
      active: 'all',
      verified: 'all',
      sort: 'created',
      dir: 'desc',
      page: 1,
    });
    expect(projectListSchema.parse({ status: 'REVIEW', type: 'NOPE', clientId: '' })).toMatchObject({
      status: 'REVIEW',
      type: undefined,
      clientId: undefined,
    });
    expect(userListSchema.parse({ role: 'clients', page: '3' })).toMatchObject({ role: 'clients', page: 3 });
  });
});
