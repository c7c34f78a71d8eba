/**
 * Writes docs/errors.md from the error catalogue in src/errors.ts: the closed list of codes, their HTTP
 * status and their kk/ru/en messages. `npm run docs:errors`; a test checks the file is up to date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS } from '../src/errors';

export function errorsMarkdown(): string {
  const rows = Object.entries(ERRORS).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.kk} | ${e.ru} | ${e.en} |`);
  return [
    '# Error codes',
    '',
    'Every error Komek\'s API answers with has this body: `{ "error": { "code", "message", "fields"?: [{ "path", "message" }] } }`.',
    'The `message` is in the language of the `Accept-Language` header (kk, ru or en; Kazakh by default). The list',
    'is closed: clients branch on `code`, never on the text. Generated from `src/errors.ts` by `npm run docs:errors`.',
    '',
    '| code | HTTP | kk | ru | en |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1]?.endsWith('errors-doc.ts')) {
  writeFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), errorsMarkdown());
  console.log(`docs/errors.md: ${Object.keys(ERRORS).length} codes`);
}
