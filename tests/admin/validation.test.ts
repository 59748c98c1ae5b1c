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

  it('read the "Client" search of /admin/projects by the queue’s rules: trimmed, blank or bad → no filter', () => {
    for (const schema of [projectListSchema, ticketQueueSchema]) {
      expect(schema.parse({ client: '  Harbor  ' }).client).toBe('Harbor');
      expect(schema.parse({ client: 'ha' }).client).toBe('ha');
      expect(schema.parse({ client: '   ' }).client).toBeUndefined();
      expect(schema.parse({ client: '' }).client).toBeUndefined();
      expect(schema.parse({ client: 'x'.repeat(200) }).client).toHaveLength(200);
      expect(schema.parse({ client: 'x'.repeat(201) }).client).toBeUndefined();
      expect(schema.parse({ client: 'a\u0000b' }).client).toBeUndefined();
      expect(schema.parse({ client: ['a', 'b'] }).client).toBeUndefined();
    }
    // A client's own link keeps working beside it.
    expect(projectListSchema.parse({ clientId: ' abc ', client: 'harbor' })).toMatchObject({ clientId: 'abc', client: 'harbor' });
  });
});
