import type { Role } from '@/db/schema';

// Role facts shared by the proxy (no database), pages, actions and the data access layer.

export const ROLES = ['CLIENT', 'ADMIN', 'SUPER_ADMIN'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['ADMIN', 'SUPER_ADMIN'] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaff(role: Role): boolean {
  return role === 'ADMIN' || role === 'SUPER_ADMIN';
}

/** Where a role lands after signing in, and where a wrong-area request is sent. */
export function homeFor(role: Role): '/admin' | '/dashboard' {
  return isStaff(role) ? '/admin' : '/dashboard';
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'SUPER_ADMIN':
      return 'Super admin';
    case 'ADMIN':
      return 'Admin';
    default:
      return 'Client';
  }
}
