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
import { activityFiltersSchema } from '@/lib/validation/collab';
import { cursorParam, searchParam } from '@/lib/validation/params';
import { threadParamsSchema } from '@/lib/validation/tickets';

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

describe('URL params of the other pages (lib/validation/params.ts): a bad value drops the filter', () => {
  const bad = ['x'.repeat(3000), 'a\u0000b', '\u0000', ['a', 'b']];

  it('/admin/activity: every filter, with dates read or dropped', () => {
    const fields = ['actorId', 'actor', 'action', 'entityType', 'entityId', 'from', 'to', 'cursor'] as const;
    for (const field of fields) {
      for (const value of bad) {
        const parsed = activityFiltersSchema.safeParse({ [field]: value, action: field === 'action' ? value : 'auth.sign_in' });
        expect(parsed.success, `${field}=${JSON.stringify(value).slice(0, 20)}`).toBe(true);
        expect(parsed.data?.[field], field).toBeUndefined();
      }
    }
    expect(activityFiltersSchema.parse({ actor: '  Harbor ', from: '2026-01-02', to: '2026-01-02', cursor: 'eyJzIjoi' })).toMatchObject({
      actor: 'Harbor',
      from: new Date('2026-01-02T00:00:00.000Z'),
      to: new Date('2026-01-02T23:59:59.999Z'),
      cursor: 'eyJzIjoi',
    });
    expect(activityFiltersSchema.parse({ from: 'not a date', to: '2026-13-45' })).toMatchObject({ from: undefined, to: undefined });
  });

  it('a ticket page’s thread window: a bad `before` is the newest window', () => {
    for (const value of bad.slice(0, 3)) expect(threadParamsSchema.parse({ before: value }).before).toBeUndefined();
    // A repeated param: its first value, as firstOfEach reads the lists' params.
    expect(threadParamsSchema.parse({ before: ['c-1', 'c-2'] }).before).toBe('c-1');
    expect(threadParamsSchema.parse({ before: ' c-1 ' }).before).toBe('c-1');
  });

  it('the client lists’ search and cursor', () => {
    for (const value of ['x'.repeat(501), 'a\u0000b']) expect(cursorParam.parse(value)).toBeUndefined();
    expect(searchParam.parse('a\u0000b')).toBeUndefined();
    expect(searchParam.parse(' logo ')).toBe('logo');
    expect(cursorParam.parse('eyJzIjoi')).toBe('eyJzIjoi');
  });
});
