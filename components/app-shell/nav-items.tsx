import * as React from 'react';
import {
  FolderKanbanIcon,
  HistoryIcon,
  LayoutDashboardIcon,
  LifeBuoyIcon,
  SettingsIcon,
  ShieldIcon,
  UsersIcon,
} from 'lucide-react';

import type { Role } from '@/db/schema';

/**
 * One navigation entry. `icon` is an element (e.g. `<UsersIcon />`), not a component: the shell
 * renders the links in a client component, and only elements cross the server/client boundary.
 * `exact` marks a link active only on its own path (for section roots like /admin).
 */
export type NavItem = { href: string; label: string; icon?: React.ReactNode; exact?: boolean };

const icon = (Icon: React.ComponentType<React.SVGProps<SVGSVGElement>>) => <Icon aria-hidden="true" />;

/** The CLIENT area. */
export const CLIENT_NAV: NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', icon: icon(LayoutDashboardIcon) },
  { href: '/projects', label: 'Projects', icon: icon(FolderKanbanIcon) },
  { href: '/tickets', label: 'Tickets', icon: icon(LifeBuoyIcon) },
  { href: '/settings', label: 'Settings', icon: icon(SettingsIcon) },
];

/** The staff area; "Users" only for SUPER_ADMIN. */
export function adminNav(role: Role): NavItem[] {
  const items: NavItem[] = [
    { href: '/admin', label: 'Dashboard', icon: icon(LayoutDashboardIcon), exact: true },
    { href: '/admin/clients', label: 'Clients', icon: icon(UsersIcon) },
    { href: '/admin/projects', label: 'Projects', icon: icon(FolderKanbanIcon) },
    { href: '/admin/tickets', label: 'Tickets', icon: icon(LifeBuoyIcon) },
  ];
  if (role === 'SUPER_ADMIN') items.push({ href: '/admin/users', label: 'Users', icon: icon(ShieldIcon) });
  if (role === 'SUPER_ADMIN') items.push({ href: '/admin/activity', label: 'Activity', icon: icon(HistoryIcon) });
  items.push({ href: '/settings', label: 'Settings', icon: icon(SettingsIcon) });
  return items;
}

/** The navigation for a role: the admin nav for staff, the client nav otherwise. */
export function navFor(role: Role): NavItem[] {
  return role === 'CLIENT' ? CLIENT_NAV : adminNav(role);
}

/** Whether `href` is the current section for `pathname`. */
export function isActivePath(pathname: string, item: Pick<NavItem, 'href' | 'exact'>): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
