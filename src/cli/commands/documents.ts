/** `komek documents sample`: renders a form filled with synthetic demo data (marked as such) to a PDF file. */
import { writeFileSync } from 'node:fs';
import { EXIT, UsageError, type CliCommand } from '../command';
import { FORMS } from '../../documents/forms';
import { renderForm } from '../../documents/render';
import { sampleDocument } from '../../documents/sample-data';
import { FORM_CODES, type FormCode } from '../../documents/template';

const sampleCommand: CliCommand = {
  path: ['documents', 'sample'],
  summary: 'Render a form (1, 1-3, 2, 3, 4, 5, 6) filled with demo data as a PDF',
  usage: '--form N --lang kk|ru --out FILE.pdf [--outcome grant|refuse]',
  help: 'The data is synthetic and every page says so. --outcome chooses a grant or refusal for form 4 (form 5 is always a grant, form 6 a refusal).',
  options: { form: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, outcome: { type: 'string' } },
  async run(input) {
    const form = input.values.form as string | undefined;
    const lang = (input.values.lang as string | undefined) ?? 'kk';
    const out = input.values.out as string | undefined;
    const outcome = (input.values.outcome as string | undefined) ?? (form === '6' ? 'refuse' : 'grant');
    if (!form || !(FORM_CODES as readonly string[]).includes(form)) throw new UsageError(`--form must be one of ${FORM_CODES.join(', ')}`);
    if (lang !== 'kk' && lang !== 'ru') throw new UsageError('--lang must be kk or ru');
    if (!out) throw new UsageError('--out FILE.pdf is required');
    if (outcome !== 'grant' && outcome !== 'refuse') throw new UsageError('--outcome must be grant or refuse');
    if ((form === '5' && outcome === 'refuse') || (form === '6' && outcome === 'grant')) throw new UsageError('form 5 notifies a grant and form 6 a refusal');
    const bytes = await renderForm(FORMS[form as FormCode], sampleDocument(form as FormCode, outcome), lang);
    writeFileSync(out, bytes);
    input.io.out(`Form ${form} (${lang}, demo data) written to ${out} (${bytes.length} bytes).\n`);
    return EXIT.ok;
  },
};

export const DOCUMENT_COMMANDS: readonly CliCommand[] = [sampleCommand];
