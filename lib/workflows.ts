import { UserError } from '@/lib/action-result';
import type { CommentSender, ProjectStatus, Role, TicketStatus } from '@/db/schema';

// The two workflows of ../shared/ARCHITECTURE.md, in one place. Pure functions only: the data
// access layer (db/queries) enforces them inside its transactions, the UI uses them to decide
// which buttons to show. Unit-tested over every pair of states (tests/portal/workflows.test.ts).

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------

export const PROJECT_STATUSES = [
  'PENDING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'CANCELLED',
] as const satisfies readonly ProjectStatus[];

/** The one transition table. COMPLETED and CANCELLED are final. */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  PENDING: ['APPROVED', 'CANCELLED'],
  APPROVED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['REVIEW', 'CANCELLED'],
  REVIEW: ['IN_PROGRESS', 'COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** The happy path shown by the stepper (CANCELLED leaves it). */
export const PROJECT_STEPS = [
  'PENDING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
] as const satisfies readonly ProjectStatus[];

/** Statuses in which a project counts as "active" (work agreed and not finished). */
export const ACTIVE_PROJECT_STATUSES = [
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
] as const satisfies readonly ProjectStatus[];

export function isFinalProjectStatus(status: ProjectStatus): boolean {
  return PROJECT_TRANSITIONS[status].length === 0;
}

export function canMoveProject(from: ProjectStatus, to: ProjectStatus): boolean {
  return PROJECT_TRANSITIONS[from]?.includes(to) ?? false;
}

export function nextProjectStatuses(from: ProjectStatus): readonly ProjectStatus[] {
  return PROJECT_TRANSITIONS[from] ?? [];
}

const PROJECT_LABEL: Record<ProjectStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  REVIEW: 'Review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** Throws a UserError naming the refused move; returns nothing when the move is allowed. */
export function assertProjectMove(from: ProjectStatus, to: ProjectStatus): void {
  if (canMoveProject(from, to)) return;
  if (from === to) {
    throw new UserError(`The project is already ${PROJECT_LABEL[from].toLowerCase()}.`);
  }
  if (isFinalProjectStatus(from)) {
    throw new UserError(
      `A ${PROJECT_LABEL[from].toLowerCase()} project is final: its status cannot change.`,
    );
  }
  const allowed = nextProjectStatuses(from).map((s) => PROJECT_LABEL[s]).join(' or ');
  throw new UserError(
    `A project cannot move from ${PROJECT_LABEL[from]} to ${PROJECT_LABEL[to]}; from ${PROJECT_LABEL[from]} it can move to ${allowed}.`,
  );
}

/** Position of a status on the stepper (CANCELLED: -1). */
export function projectStepIndex(status: ProjectStatus): number {
  return (PROJECT_STEPS as readonly ProjectStatus[]).indexOf(status);
}

// ---------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------

export const TICKET_STATUSES = [
  'OPEN',
  'PENDING',
  'RESOLVED',
  'CLOSED',
] as const satisfies readonly TicketStatus[];

/** Which side of the conversation a viewer is on. */
export type Side = 'client' | 'agency';

export function sideOfRole(role: Role): Side {
  return role === 'CLIENT' ? 'client' : 'agency';
}

export function senderOfRole(role: Role): CommentSender {
  return role === 'CLIENT' ? 'CLIENT' : 'ADMIN';
}

/** The status a new ticket starts in. */
export const INITIAL_TICKET_STATUS: TicketStatus = 'OPEN';

/** A CLOSED ticket takes no comments. */
export function canComment(status: TicketStatus): boolean {
  return status !== 'CLOSED';
}

/**
 * The status after a comment: a staff reply → PENDING (awaiting the client); a client reply →
 * OPEN (which also reopens a RESOLVED ticket). Returns null when the ticket takes no comments.
 */
export function statusAfterComment(current: TicketStatus, sender: CommentSender): TicketStatus | null {
  if (!canComment(current)) return null;
  return sender === 'ADMIN' ? 'PENDING' : 'OPEN';
}

/** A client may mark their OPEN or PENDING ticket resolved. */
export function canClientResolve(status: TicketStatus): boolean {
  return status === 'OPEN' || status === 'PENDING';
}

/** A client may reopen a RESOLVED ticket (never a CLOSED one). */
export function canClientReopen(status: TicketStatus): boolean {
  return status === 'RESOLVED';
}

/** The statuses a viewer on `side` may set by hand from `from` (comments aside). */
export function ticketStatusTargets(side: Side, from: TicketStatus): readonly TicketStatus[] {
  if (side === 'client') {
    if (canClientResolve(from)) return ['RESOLVED'];
    if (canClientReopen(from)) return ['OPEN'];
    return [];
  }
  // Staff may set any status; setting the current one is not a change.
  return TICKET_STATUSES.filter((s) => s !== from);
}

export function canSetTicketStatus(side: Side, from: TicketStatus, to: TicketStatus): boolean {
  return ticketStatusTargets(side, from).includes(to);
}

const TICKET_LABEL: Record<TicketStatus, string> = {
  OPEN: 'Open',
  PENDING: 'Pending',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

/** Throws a UserError explaining why the status change is refused. */
export function assertTicketStatusChange(side: Side, from: TicketStatus, to: TicketStatus): void {
  if (canSetTicketStatus(side, from, to)) return;
  if (from === to) throw new UserError(`The ticket is already ${TICKET_LABEL[from].toLowerCase()}.`);
  if (side === 'client') {
    if (from === 'CLOSED') throw new UserError('This ticket is closed and can no longer change.');
    if (to === 'CLOSED') throw new UserError('Only the agency can close a ticket.');
    if (to === 'PENDING') throw new UserError('Only an agency reply sets a ticket to pending.');
    if (to === 'OPEN') throw new UserError('Only a resolved ticket can be reopened.');
    throw new UserError(`A ${TICKET_LABEL[from].toLowerCase()} ticket cannot be marked ${TICKET_LABEL[to].toLowerCase()}.`);
  }
  throw new UserError(`A ticket cannot move from ${TICKET_LABEL[from]} to ${TICKET_LABEL[to]}.`);
}

/** Throws when the ticket takes no comments. */
export function assertCanComment(status: TicketStatus): void {
  if (!canComment(status)) {
    throw new UserError('This ticket is closed and takes no more replies.');
  }
}

/** Whose move it is: a PENDING ticket waits for the client, an OPEN one for the agency. */
export function waitingOn(status: TicketStatus): Side | null {
  if (status === 'PENDING') return 'client';
  if (status === 'OPEN') return 'agency';
  return null;
}
