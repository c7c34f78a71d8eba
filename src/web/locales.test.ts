/**
 * The catalogs stay complete: every namespace exists in kk, ru and en with the same keys and the same
 * {{placeholders}}, and every `namespace:key` the web sources name exists. Namespaces are discovered from
 * the folders, so a module's new catalog is checked without touching this test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from './i18n';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const localesDir = join(webDir, 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, `<<not a string: ${JSON.stringify(value)}>>`);
  return out;
}

function load(lang: Language, ns: string): Flat {
  return flatten(JSON.parse(readFileSync(join(localesDir, lang, `${ns}.json`), 'utf8')), '', new Map());
}

const namespaces = [...new Set(LANGUAGES.flatMap((l) => readdirSync(join(localesDir, l)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))))].sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale catalogs', () => {
  it('include the shell namespaces', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['common', 'auth', 'home', 'users', 'audit']));
  });

  for (const ns of namespaces) {
    describe(`namespace "${ns}"`, () => {
      it('exists in every language', () => {
        for (const lang of LANGUAGES) expect(readdirSync(join(localesDir, lang)), `${lang}/${ns}.json`).toContain(`${ns}.json`);
      });

      it('has the same keys in kk, ru and en (plural forms aside)', () => {
        const base = (lang: Language) => [...new Set([...load(lang, ns).keys()].map((k) => k.replace(PLURAL, '')))].sort();
        expect(base('ru'), 'ru vs kk').toEqual(base('kk'));
        expect(base('en'), 'en vs kk').toEqual(base('kk'));
      });

      it("gives each plural key every form its language needs", () => {
        for (const lang of LANGUAGES) {
          const keys = [...load(lang, ns).keys()];
          const plural = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
          const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          for (const key of plural) for (const cat of needed) expect(keys, `${lang}:${key}`).toContain(`${key}_${cat}`);
        }
      });

      it('has no empty texts and the same placeholders in every language', () => {
        const kk = load('kk', ns);
        for (const lang of LANGUAGES) {
          for (const [key, text] of load(lang, ns)) {
            expect(text.trim(), `${lang}:${ns}:${key}`).not.toBe('');
            expect(text, `${lang}:${ns}:${key}`).not.toMatch(/^<<not a string/);
            const kkText = kk.get(key) ?? kk.get(key.replace(PLURAL, '_other'));
            if (kkText !== undefined) expect(placeholders(text), `${lang}:${ns}:${key}`).toEqual(placeholders(kkText));
          }
        }
      });
    });
  }

  it('contain every namespace:key the web sources name', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(webDir);
    const known = new Set(namespaces);
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`]([a-z][a-z0-9-]*):([A-Za-z][\w.]*)['"`]/g)) {
        const [, ns, key] = m as unknown as [string, string, string];
        if (!known.has(ns)) continue;
        seen++;
        const flat = load('kk', ns);
        const isObject = [...flat.keys()].some((k) => k.startsWith(`${key}.`));
        if (!flat.has(key) && !flat.has(`${key}_other`) && !isObject) missing.push(`${ns}:${key} (${file.slice(webDir.length)})`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
