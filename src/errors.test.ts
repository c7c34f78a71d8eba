import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS } from './errors';
import { errorsMarkdown } from '../scripts/errors-doc';

describe('the error catalogue', () => {
  it('gives every code a message in kk, ru and en', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect({ code, kk: e.kk.length > 0, ru: e.ru.length > 0, en: e.en.length > 0 }).toEqual({ code, kk: true, ru: true, en: true });
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('is documented in docs/errors.md exactly as in the code (npm run docs:errors)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8')).toBe(errorsMarkdown());
  });
});
