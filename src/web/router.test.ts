import { describe, expect, it } from 'vitest';
import { isPlainLeftClick, matchPath } from './router';

describe('matchPath', () => {
  it('matches a static path exactly, ignoring a trailing slash', () => {
    expect(matchPath('/users', '/users')).toEqual({});
    expect(matchPath('/users', '/users/')).toEqual({});
    expect(matchPath('/', '/')).toEqual({});
  });

  it('does not match a different or longer path', () => {
    expect(matchPath('/users', '/audit')).toBeNull();
    expect(matchPath('/users', '/users/7')).toBeNull();
    expect(matchPath('/', '/users')).toBeNull();
  });

  it('captures and decodes named params', () => {
    expect(matchPath('/cases/:id', '/cases/42')).toEqual({ id: '42' });
    expect(matchPath('/d/:name', '/d/%D0%9A%D3%A9%D0%BA%D1%81%D1%83')).toEqual({ name: 'Көксу' });
  });

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/d/:name', '/d/%E0%A4%A')).toBeNull();
  });
});

describe('isPlainLeftClick', () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  it('routes a plain left click in-page', () => {
    expect(isPlainLeftClick(click)).toBe(true);
  });
  it('leaves ctrl-click, middle click and handled clicks to the browser', () => {
    expect(isPlainLeftClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainLeftClick({ ...click, defaultPrevented: true })).toBe(false);
  });
});
