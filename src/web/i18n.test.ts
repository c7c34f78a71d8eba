import { describe, expect, it } from 'vitest';
import { auditActionKeys, pickLanguage, resourcesFromModules } from './i18n';

describe('pickLanguage', () => {
  it('starts in Kazakh when nothing was chosen', () => {
    expect(pickLanguage(null)).toBe('kk');
  });
  it('keeps a stored supported language', () => {
    expect(pickLanguage('ru')).toBe('ru');
    expect(pickLanguage('en')).toBe('en');
  });
  it('ignores an unsupported stored value', () => {
    expect(pickLanguage('de')).toBe('kk');
  });
});

describe('resourcesFromModules', () => {
  it('registers each language/namespace file and lists the namespaces once', () => {
    const { resources, namespaces } = resourcesFromModules({
      './locales/kk/common.json': { default: { a: 'ә' } },
      './locales/ru/common.json': { default: { a: 'а' } },
      './locales/kk/cases.json': { default: { b: 'б' } },
    });
    expect(namespaces).toEqual(['cases', 'common']);
    expect(resources.kk?.common).toEqual({ a: 'ә' });
    expect(resources.kk?.cases).toEqual({ b: 'б' });
    expect(resources.ru?.common).toEqual({ a: 'а' });
  });
  it('ignores files of unsupported languages or other paths', () => {
    const { resources } = resourcesFromModules({ './locales/de/common.json': { x: 1 }, './other.json': { y: 2 } });
    expect(resources).toEqual({});
  });
});

describe('auditActionKeys', () => {
  it("looks an action's label up under auditActions in every namespace, dots as underscores", () => {
    expect(auditActionKeys('payments.orders.issue', ['audit', 'payments'])).toEqual([
      'audit:auditActions.payments_orders_issue',
      'payments:auditActions.payments_orders_issue',
    ]);
  });
  it('keeps hyphens, which catalog keys allow', () => {
    expect(auditActionKeys('auth.sign-in', ['audit'])).toEqual(['audit:auditActions.auth_sign-in']);
  });
});
