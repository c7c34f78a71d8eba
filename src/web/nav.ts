/**
 * The app's pages and its role-aware navigation, declared as data. A module adds a page by adding one
 * item here (and its page file and locale namespace); the shell lists the items the signed-in user's
 * role may open, in this order, and the router refuses the others.
 *
 * `labelKey` is a fully qualified catalog key (`namespace:key`); `roles` repeats, for the menu, what the
 * server enforces on the page's routes — the server stays the authority.
 */
import type { ComponentType } from 'react';
import { ROLES, type Role } from '../auth/roles';
import { matchPath } from './router';

export interface NavItem {
  readonly id: string;
  /** Path pattern; `:name` segments become page params. */
  readonly path: string;
  readonly labelKey: string;
  readonly roles: readonly Role[];
  /** Routable but not listed in the menu (e.g. a detail page reached from a list). */
  readonly hidden?: boolean;
  /** Loads the page module; its default export is the page component. */
  readonly load: () => Promise<{ default: ComponentType<PageProps> }>;
}

/** What every page component receives from the router. */
export interface PageProps {
  readonly params: Readonly<Record<string, string>>;
}

const ALL: readonly Role[] = ROLES;
/** Roles that may open case pages (the server's case routes are open to every signed-in user but ADMIN has no case work). */
const CASE_READERS: readonly Role[] = ['SPECIALIST', 'HEAD', 'RURAL_AKIM', 'STATE_CORP', 'PRECINCT_COMMISSION', 'SPECIAL_COMMISSION', 'ACCOUNTANT', 'AUDITOR'];

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', labelKey: 'common:nav.home', roles: ALL, load: () => import('./pages/home') },
  { id: 'cases-queue', path: '/cases/queue', labelKey: 'cases:nav.queue', roles: ['SPECIALIST', 'HEAD', 'RURAL_AKIM', 'STATE_CORP', 'PRECINCT_COMMISSION', 'SPECIAL_COMMISSION', 'AUDITOR'], load: () => import('./pages/cases/queue') },
  { id: 'cases', path: '/cases', labelKey: 'cases:nav.search', roles: CASE_READERS, load: () => import('./pages/cases/search') },
  { id: 'cases-new', path: '/cases/new', labelKey: 'cases:nav.intake', roles: ['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'], load: () => import('./pages/cases/intake') },
  { id: 'case', path: '/cases/:id', labelKey: 'cases:nav.search', roles: CASE_READERS, hidden: true, load: () => import('./pages/cases/case') },
  { id: 'print-queue', path: '/notices/print', labelKey: 'documents:nav.printQueue', roles: ['SPECIALIST', 'STATE_CORP', 'HEAD', 'AUDITOR'], load: () => import('./pages/cases/print-queue') },
  { id: 'dashboard', path: '/dashboard', labelKey: 'admin:nav.dashboard', roles: ['ADMIN', 'AUDITOR', 'HEAD', 'SPECIALIST', 'ACCOUNTANT', 'RURAL_AKIM'], load: () => import('./pages/dashboard/dashboard') },
  { id: 'admin-rules', path: '/admin/rules', labelKey: 'admin:nav.rules', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/admin/rules-versions') },
  { id: 'admin-national', path: '/admin/parameters', labelKey: 'national:nav', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/admin/national-parameters') },
  { id: 'admin-calendar', path: '/admin/calendar', labelKey: 'admin:nav.calendar', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/admin/calendar-overrides') },
  { id: 'admin-commissions', path: '/admin/commissions', labelKey: 'admin:nav.commissions', roles: ['ADMIN', 'AUDITOR', 'HEAD'], load: () => import('./pages/admin/commissions') },
  { id: 'admin-districts', path: '/admin/rural-districts', labelKey: 'admin:nav.districts', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/admin/rural-districts') },
  { id: 'admin-rules-version', path: '/admin/rules/:id', labelKey: 'admin:nav.rules', roles: ['ADMIN', 'AUDITOR'], hidden: true, load: () => import('./pages/admin/rules-version') },
  { id: 'payments-budget', path: '/payments/budget', labelKey: 'payments:nav.budget', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'], load: () => import('./pages/payments/budget') },
  { id: 'payments-calendar', path: '/payments/calendar', labelKey: 'payments:nav.calendar', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'], load: () => import('./pages/payments/calendar') },
  { id: 'payments-runs', path: '/payments/runs', labelKey: 'payments:nav.runs', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'], load: () => import('./pages/payments/runs') },
  { id: 'payments-returns', path: '/payments/returns', labelKey: 'payments:nav.returns', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'], load: () => import('./pages/payments/returns') },
  { id: 'payments-over-credits', path: '/payments/over-credits', labelKey: 'payments:nav.overCredits', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'], load: () => import('./pages/payments/over-credits') },
  { id: 'payments-reconciliation', path: '/payments/reconciliation', labelKey: 'payments:nav.reconciliation', roles: ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR', 'RURAL_AKIM'], load: () => import('./pages/payments/reconciliation') },
  { id: 'users', path: '/users', labelKey: 'common:nav.users', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/users') },
  { id: 'audit', path: '/audit', labelKey: 'common:nav.audit', roles: ['ADMIN', 'AUDITOR'], load: () => import('./pages/audit') },
];

/** The menu entries `role` may open, in declaration order. */
export function navItemsFor(role: Role, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.hidden && item.roles.includes(role));
}

/**
 * The menu entry to highlight for `path`: the item whose pattern matches it exactly, else the listed item
 * whose path is the longest leading part of it (a case page `/cases/42` highlights `/cases`). Home (`/`)
 * is highlighted only on itself.
 */
export function activeNavItem(path: string, items: readonly NavItem[]): NavItem | undefined {
  const exact = items.find((i) => matchPath(i.path, path));
  if (exact) return exact;
  const segments = path.split('/').filter(Boolean);
  let best: NavItem | undefined;
  let bestLength = 0;
  for (const item of items) {
    const own = item.path.split('/').filter(Boolean);
    if (own.length === 0 || own.length >= segments.length || own.length <= bestLength) continue;
    if (own.every((seg, i) => seg.startsWith(':') || seg === segments[i])) {
      best = item;
      bestLength = own.length;
    }
  }
  return best;
}

export type RouteMatch =
  | { readonly kind: 'page'; readonly item: NavItem; readonly params: Record<string, string> }
  | { readonly kind: 'forbidden'; readonly item: NavItem }
  | { readonly kind: 'not-found' };

/** Which page `path` shows to `role`: the first matching item, forbidden if the role may not open it. */
export function resolveRoute(path: string, role: Role, items: readonly NavItem[] = NAV_ITEMS): RouteMatch {
  for (const item of items) {
    const params = matchPath(item.path, path);
    if (!params) continue;
    return item.roles.includes(role) ? { kind: 'page', item, params } : { kind: 'forbidden', item };
  }
  return { kind: 'not-found' };
}
