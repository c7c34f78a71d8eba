import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles';
import { activeNavItem, NAV_ITEMS, navItemsFor, resolveRoute, type NavItem } from './nav';

const ids = (items: readonly NavItem[]) => items.map((i) => i.id);

describe('role-aware navigation', () => {
  it('shows every role the home page', () => {
    for (const role of ROLES) expect(ids(navItemsFor(role))).toContain('home');
  });

  it('lists Home first for every role', () => {
    for (const role of ROLES) expect(ids(navItemsFor(role))[0]).toBe('home');
  });

  it('shows an administrator Users and Audit log', () => {
    expect(ids(navItemsFor('ADMIN'))).toEqual(expect.arrayContaining(['users', 'audit']));
  });

  it('shows an auditor Users and Audit log too (read-only on the server)', () => {
    expect(ids(navItemsFor('AUDITOR'))).toEqual(expect.arrayContaining(['users', 'audit']));
  });

  it('keeps the declared order', () => {
    const all = ids(NAV_ITEMS);
    for (const role of ROLES) {
      const mine = ids(navItemsFor(role));
      expect(mine).toEqual([...mine].sort((a, b) => all.indexOf(a) - all.indexOf(b)));
    }
  });

  it('hides Users and Audit log from a specialist', () => {
    expect(ids(navItemsFor('SPECIALIST'))).not.toContain('users');
    expect(ids(navItemsFor('SPECIALIST'))).not.toContain('audit');
  });

  it('never lists hidden items, but still routes to them', () => {
    const load = async () => ({ default: () => null });
    const items: NavItem[] = [
      { id: 'list', path: '/things', labelKey: 'x:list', roles: ['SPECIALIST'], load },
      { id: 'detail', path: '/things/:id', labelKey: 'x:detail', roles: ['SPECIALIST'], hidden: true, load },
    ];
    expect(ids(navItemsFor('SPECIALIST', items))).toEqual(['list']);
    const match = resolveRoute('/things/9', 'SPECIALIST', items);
    expect(match.kind === 'page' && match.item.id === 'detail' && match.params).toEqual({ id: '9' });
  });

  it('gives unique ids and paths, and namespaced label keys', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.id)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((i) => i.path)).size).toBe(NAV_ITEMS.length);
    for (const item of NAV_ITEMS) expect(item.labelKey).toMatch(/^[a-z-]+:[\w.]+$/);
  });
});

describe('resolveRoute', () => {
  it('opens a page the role may see', () => {
    const match = resolveRoute('/users', 'ADMIN');
    expect(match.kind).toBe('page');
  });

  it('refuses a page the role may not see instead of showing it', () => {
    expect(resolveRoute('/audit', 'SPECIALIST').kind).toBe('forbidden');
  });

  it('reports an unknown path as not found', () => {
    expect(resolveRoute('/no-such-page', 'ADMIN').kind).toBe('not-found');
  });
});

describe('activeNavItem', () => {
  const load = async () => ({ default: () => null });
  const item = (id: string, path: string): NavItem => ({ id, path, labelKey: `x:${id}`, roles: ['SPECIALIST'], load });
  const menu = [item('home', '/'), item('list', '/cases'), item('new', '/cases/new'), item('queue', '/cases/queue')];

  it('highlights the exact entry', () => {
    expect(activeNavItem('/cases/new', menu)?.id).toBe('new');
    expect(activeNavItem('/', menu)?.id).toBe('home');
  });

  it('highlights the list a detail page belongs to', () => {
    expect(activeNavItem('/cases/42', menu)?.id).toBe('list');
    expect(activeNavItem('/cases/42/documents', menu)?.id).toBe('list');
  });

  it('highlights nothing for a path outside every entry (Home only on itself)', () => {
    expect(activeNavItem('/payments', menu)).toBeUndefined();
  });
});
