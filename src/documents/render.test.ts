import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMS } from './forms';
import { renderForm } from './render';
import { sampleDocument } from './sample-data';
import { FORM_CODES, type DocLang, type DocumentData } from './template';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext) console.warn('SKIPPED: pdftotext (poppler-utils) is not installed; PDF text extraction tests do not run');

const dir = mkdtempSync(join(tmpdir(), 'komek-docs-'));
/** Renders and extracts the text with pdftotext, as a reader's copy-paste would. */
async function extract(form: (typeof FORM_CODES)[number], data: DocumentData, lang: DocLang): Promise<string> {
  const bytes = await renderForm(FORMS[form], data, lang);
  const file = join(dir, `f-${form}-${lang}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe.skipIf(!hasPdftotext)('PDF forms extract as real text in Kazakh and Russian', () => {
  it.each(FORM_CODES.flatMap((f) => (['kk', 'ru'] as const).map((lang) => [f, lang] as const)))('form %s in %s carries its title, its values and its clauses', async (form, lang) => {
    const data = sampleDocument(form);
    const text = await extract(form, data, lang);
    const title = FORMS[form].title[lang].toUpperCase();
    expect(text).toContain(title.split(' ').slice(0, 3).join(' '));
    expect(text).toContain('Жұмабаева Әсел Қайратқызы');
    const appendix = FORMS[form].appendix;
    if (appendix) expect(text).toContain(lang === 'kk' ? `${appendix}-қосымша` : `Приложение ${appendix}`);
    else expect(text).toContain(FORMS[form].reference![lang].split(' ').slice(0, 2).join(' '));
    expect(text).toContain(data.issuer.rules[lang]);
    expect(text).toContain(data.issuer.body[lang].split(' ').slice(0, 3).join(' '));
    expect(text).toContain(lang === 'kk' ? 'СИНТЕТИКАЛЫҚ ДЕРЕКТЕР' : 'СИНТЕТИЧЕСКИЕ ДАННЫЕ');
  });

  it('keeps every Kazakh letter (ә ғ қ ң ө ұ ү һ і) extractable', async () => {
    const letters = 'Әже ғалым Қарағанды таңғы Өскемен Ұлытау үйге Һиджра Іле ілім';
    const data: DocumentData = { ...sampleDocument('3'), values: { ...sampleDocument('3').values, reason: letters } };
    expect(await extract('3', data, 'kk')).toContain(letters);
  });

  it('puts the explanation by clause and the refusal clause into form 4', async () => {
    const text = await extract('4', sampleDocument('4', 'refuse'), 'kk');
    expect(text).toContain('Шешімнің тармақтар бойынша түсіндірмесі');
    expect(text).toContain('20.3-т. бойынша бас тарту');
    expect(text).toContain('20-тармағының 3)-тармақшасы');
    expect(text).toMatch(/Қағидалардың 18, 20\.3-тармақтарына сәйкес/);
  });

  it('names the appeal route in the refusal notice (form 6)', async () => {
    const text = await extract('6', sampleDocument('6', 'refuse'), 'ru');
    expect(text).toContain('Административным процедурно-процессуальным кодексом');
    expect(text).toContain('подпункт 3) пункта 20');
  });

  it('states the ground, the hearing and the 2-working-day objection window in the hearing notice (p.18)', async () => {
    const kk = await extract('hearing', sampleDocument('hearing'), 'kk');
    expect(kk).toContain('20-тармағының 3)-тармақшасы');
    expect(kk).toContain('12.03.2025 10:00');
    expect(kk).toContain('2 жұмыс күні ішінде');
    const ru = await extract('hearing', sampleDocument('hearing'), 'ru');
    expect(ru).toContain('по 12.03.2025 включительно (2 рабочих дня)');
    expect(ru).toContain('статья 73 Административного');
  });

  it('does not mark real (non-synthetic) documents as demo', async () => {
    const text = await extract('5', { ...sampleDocument('5'), synthetic: false }, 'kk');
    expect(text).not.toContain('СИНТЕТИКАЛЫҚ');
    expect(text).toContain('Әлеуметтік көмек көрсету туралы хабарлама'.toUpperCase());
  });

  it('repeats the table header when a long family table runs onto the next page', async () => {
    const base = sampleDocument('2');
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `Мүше ${i + 1}`, iin: '000000000000', birthDate: '01.01.2000', relation: 'бала', occupation: '—', income: '0,00' }));
    const text = await extract('2', { ...base, values: { ...base.values, family: many } }, 'kk');
    expect(text).toContain('Мүше 40');
    expect(text.match(/Тегі, аты, әкесінің аты/g)!.length).toBeGreaterThanOrEqual(2);
  });
});

describe('PDF output', () => {
  it('is a PDF with the font embedded (no system font needed)', async () => {
    const bytes = Buffer.from(await renderForm(FORMS['5'], sampleDocument('5'), 'kk'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect(bytes.includes(Buffer.from('DejaVuSerif'))).toBe(true);
  });
});
