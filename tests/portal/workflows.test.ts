import { describe, expect, it } from 'vitest';
import { projectStatusEnum, ticketStatusEnum } from '@/db/schema';
import type { ProjectStatus, TicketStatus } from '@/db/schema';
import { UserError } from '@/lib/action-result';
import {
  assertCanComment,
  assertProjectMove,
  assertTicketStatusChange,
  canClientReopen,
  canClientResolve,
  canComment,
  canMoveProject,
  canSetTicketStatus,
  isFinalProjectStatus,
  nextProjectStatuses,
  PROJECT_STATUSES,
  PROJECT_STEPS,
  PROJECT_TRANSITIONS,
  projectStepIndex,
  senderOfRole,
  sideOfRole,
  statusAfterComment,
  TICKET_STATUSES,
  ticketStatusTargets,
  waitingOn,
} from '@/lib/workflows';

// The workflows of ARCHITECTURE.md, written out as the expected table, and checked over every
// pair of states (6 × 6 project pairs, 4 × 4 ticket pairs per side).

const EXPECTED_PROJECT: Record<ProjectStatus, ProjectStatus[]> = {
  PENDING: ['APPROVED', 'CANCELLED'],
  APPROVED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['REVIEW', 'CANCELLED'],
  REVIEW: ['IN_PROGRESS', 'COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

const projectPairs = PROJECT_STATUSES.flatMap((from) => PROJECT_STATUSES.map((to) => [from, to] as const));

describe('project workflow', () => {
  it('covers exactly the database enum', () => {
    expect([...PROJECT_STATUSES].sort()).toEqual([...projectStatusEnum.enumValues].sort());
    expect(Object.keys(PROJECT_TRANSITIONS).sort()).toEqual([...projectStatusEnum.enumValues].sort());
  });

  it('has the transition table of the architecture', () => {
    for (const s of PROJECT_STATUSES) expect([...PROJECT_TRANSITIONS[s]].sort()).toEqual([...EXPECTED_PROJECT[s]].sort());
  });

  it.each(projectPairs)('%s → %s follows the table', (from, to) => {
    const allowed = EXPECTED_PROJECT[from].includes(to);
    expect(canMoveProject(from, to)).toBe(allowed);
    expect(nextProjectStatuses(from).includes(to)).toBe(allowed);
    if (allowed) {
      expect(() => assertProjectMove(from, to)).not.toThrow();
    } else {
      let error: unknown;
      try {
        assertProjectMove(from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message.length).toBeGreaterThan(10);
    }
  });

  it('makes COMPLETED and CANCELLED final and nothing else', () => {
    for (const s of PROJECT_STATUSES) expect(isFinalProjectStatus(s)).toBe(s === 'COMPLETED' || s === 'CANCELLED');
    expect(() => assertProjectMove('COMPLETED', 'IN_PROGRESS')).toThrow(/final/);
    expect(() => assertProjectMove('PENDING', 'PENDING')).toThrow(/already/);
    expect(() => assertProjectMove('PENDING', 'COMPLETED')).toThrow(/Approved or Cancelled/);
  });

  it('reaches COMPLETED from PENDING only through every step', () => {
    expect(PROJECT_STEPS).toEqual(['PENDING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED']);
    for (let i = 0; i < PROJECT_STEPS.length - 1; i++) {
      expect(canMoveProject(PROJECT_STEPS[i], PROJECT_STEPS[i + 1])).toBe(true);
      expect(projectStepIndex(PROJECT_STEPS[i])).toBe(i);
    }
    expect(projectStepIndex('CANCELLED')).toBe(-1);
  });

  it('rejects unknown states', () => {
    expect(canMoveProject('NOPE' as ProjectStatus, 'APPROVED')).toBe(false);
    expect(nextProjectStatuses('NOPE' as ProjectStatus)).toEqual([]);
  });
});

const ticketPairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));

// What each side may set by hand (comments aside).
function expectedClient(from: TicketStatus, to: TicketStatus): boolean {
  if (to === 'RESOLVED') return from === 'OPEN' || from === 'PENDING';
  if (to === 'OPEN') return from === 'RESOLVED';
  return false; // never PENDING or CLOSED, never out of CLOSED
}
function expectedStaff(from: TicketStatus, to: TicketStatus): boolean {
  return from !== to;
}

describe('ticket workflow', () => {
  it('covers exactly the database enum', () => {
    expect([...TICKET_STATUSES].sort()).toEqual([...ticketStatusEnum.enumValues].sort());
  });

  it.each(ticketPairs)('client sets %s → %s only as the rules allow', (from, to) => {
    const allowed = expectedClient(from, to);
    expect(canSetTicketStatus('client', from, to)).toBe(allowed);
    expect(ticketStatusTargets('client', from).includes(to)).toBe(allowed);
    if (allowed) expect(() => assertTicketStatusChange('client', from, to)).not.toThrow();
    else expect(() => assertTicketStatusChange('client', from, to)).toThrow(UserError);
  });

  it.each(ticketPairs)('staff set %s → %s (any change)', (from, to) => {
    const allowed = expectedStaff(from, to);
    expect(canSetTicketStatus('agency', from, to)).toBe(allowed);
    if (allowed) expect(() => assertTicketStatusChange('agency', from, to)).not.toThrow();
    else expect(() => assertTicketStatusChange('agency', from, to)).toThrow(/already/);
  });

  it.each(TICKET_STATUSES)('a comment on a %s ticket', (status) => {
    if (status === 'CLOSED') {
      expect(canComment(status)).toBe(false);
      expect(statusAfterComment(status, 'CLIENT')).toBeNull();
      expect(statusAfterComment(status, 'ADMIN')).toBeNull();
      expect(() => assertCanComment(status)).toThrow(/closed/);
    } else {
      expect(canComment(status)).toBe(true);
      // a client reply sets OPEN (and so reopens a RESOLVED ticket); a staff reply sets PENDING
      expect(statusAfterComment(status, 'CLIENT')).toBe('OPEN');
      expect(statusAfterComment(status, 'ADMIN')).toBe('PENDING');
      expect(() => assertCanComment(status)).not.toThrow();
    }
  });

  it('lets a client resolve OPEN/PENDING and reopen only RESOLVED', () => {
    expect(TICKET_STATUSES.filter(canClientResolve)).toEqual(['OPEN', 'PENDING']);
    expect(TICKET_STATUSES.filter(canClientReopen)).toEqual(['RESOLVED']);
    expect(() => assertTicketStatusChange('client', 'OPEN', 'CLOSED')).toThrow(/Only the agency can close/);
    expect(() => assertTicketStatusChange('client', 'CLOSED', 'OPEN')).toThrow(/closed/);
  });

  it('maps roles to sides and senders', () => {
    expect(sideOfRole('CLIENT')).toBe('client');
    expect(sideOfRole('ADMIN')).toBe('agency');
    expect(sideOfRole('SUPER_ADMIN')).toBe('agency');
    expect(senderOfRole('CLIENT')).toBe('CLIENT');
    expect(senderOfRole('ADMIN')).toBe('ADMIN');
    expect(senderOfRole('SUPER_ADMIN')).toBe('ADMIN');
  });

  it('says who a ticket waits on', () => {
    expect(waitingOn('PENDING')).toBe('client');
    expect(waitingOn('OPEN')).toBe('agency');
    expect(waitingOn('RESOLVED')).toBeNull();
    expect(waitingOn('CLOSED')).toBeNull();
  });
});
