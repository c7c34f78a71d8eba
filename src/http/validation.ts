/** Turns zod issues into field problems with messages in the user's language (issue 2 items 5, 12). */
import type { Lang } from '../rules/explain';
import type { FieldProblem } from '../errors';

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly keys?: readonly string[];
  readonly message: string;
}

const T = {
  required: { kk: 'Міндетті өріс.', ru: 'Обязательное поле.', en: 'This field is required.' },
  type: { kk: 'Мәннің түрі қате (күтілгені: {x}).', ru: 'Неверный тип значения (ожидается: {x}).', en: 'Wrong type of value (expected: {x}).' },
  tooSmall: { kk: 'Мән тым кіші немесе қысқа (ең азы: {x}).', ru: 'Значение слишком мало или коротко (минимум: {x}).', en: 'The value is too small or short (minimum: {x}).' },
  tooBig: { kk: 'Мән тым үлкен немесе ұзын (ең көбі: {x}).', ru: 'Значение слишком велико или длинно (максимум: {x}).', en: 'The value is too large or long (maximum: {x}).' },
  unknown: { kk: 'Белгісіз өріс.', ru: 'Неизвестное поле.', en: 'Unknown field.' },
  format: { kk: 'Пішімі қате.', ru: 'Неверный формат.', en: 'Invalid format.' },
  choice: { kk: 'Рұқсат етілмеген мән.', ru: 'Недопустимое значение.', en: 'Value not allowed.' },
  invalid: { kk: 'Мән жарамсыз: {x}', ru: 'Недопустимое значение: {x}', en: 'Invalid value: {x}' },
} as const;

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') || '(body)';
}

export function fieldProblems(issues: readonly Issue[], lang: Lang): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const i of issues) {
    const fill = (t: Readonly<Record<Lang, string>>, x: unknown) => t[lang].replace('{x}', String(x));
    switch (i.code) {
      case 'unrecognized_keys':
        for (const k of i.keys ?? []) out.push({ path: pathOf([...i.path, k]), message: T.unknown[lang] });
        continue;
      case 'invalid_type':
        out.push({ path: pathOf(i.path), message: /received undefined/.test(i.message) ? T.required[lang] : fill(T.type, i.expected) });
        continue;
      case 'too_small':
        out.push({ path: pathOf(i.path), message: fill(T.tooSmall, i.minimum) });
        continue;
      case 'too_big':
        out.push({ path: pathOf(i.path), message: fill(T.tooBig, i.maximum) });
        continue;
      case 'invalid_format':
      case 'invalid_string':
        out.push({ path: pathOf(i.path), message: T.format[lang] });
        continue;
      case 'invalid_value':
      case 'invalid_enum_value':
        out.push({ path: pathOf(i.path), message: T.choice[lang] });
        continue;
      default:
        // A custom refinement's own message: modules write those messages as "kk | ru | en".
        out.push({ path: pathOf(i.path), message: localizedCustom(i.message, lang) ?? fill(T.invalid, i.message) });
    }
  }
  return out;
}

/** Field messages from use cases and refinements are written "kk text | ru text | en text". */
export function localizedCustom(message: string, lang: Lang): string | null {
  const parts = message.split(' | ');
  if (parts.length !== 3) return null;
  return parts[lang === 'kk' ? 0 : lang === 'ru' ? 1 : 2] ?? null;
}
