/**
 * The closed list of error codes Komek answers with, each mapped in one place to an HTTP status and a
 * message in kk/ru/en. Modules add their codes here (one block per module). Tests assert codes, not text.
 */
import type { Lang } from './rules/explain';

type Entry = { readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503; readonly kk: string; readonly ru: string; readonly en: string };

export const ERRORS = {
  // — platform —
  VALIDATION: { status: 400, kk: 'Деректер дұрыс толтырылмаған.', ru: 'Данные заполнены неверно.', en: 'The data is not valid.' },
  MALFORMED_JSON: { status: 400, kk: 'Сұраныс денесі жарамды JSON емес.', ru: 'Тело запроса не является корректным JSON.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, kk: 'Сұраныс application/json пішімінде болуы керек.', ru: 'Запрос должен быть в формате application/json.', en: 'The request must be application/json.' },
  PAYLOAD_TOO_LARGE: { status: 413, kk: 'Сұраныс тым үлкен.', ru: 'Запрос слишком большой.', en: 'The request is too large.' },
  UNAUTHENTICATED: { status: 401, kk: 'Жүйеге кіріңіз: сеанс жоқ немесе мерзімі өтті.', ru: 'Войдите в систему: сеанс отсутствует или истёк.', en: 'Please sign in: there is no session or it has expired.' },
  INVALID_CREDENTIALS: { status: 401, kk: 'Логин немесе құпиясөз қате.', ru: 'Неверный логин или пароль.', en: 'Wrong username or password.' },
  LOGIN_LOCKED: { status: 429, kk: 'Тым көп сәтсіз әрекет. Кейінірек қайталаңыз.', ru: 'Слишком много неудачных попыток. Повторите позже.', en: 'Too many failed attempts. Try again later.' },
  FORBIDDEN: { status: 403, kk: 'Бұл әрекетке рөліңіздің құқығы жоқ.', ru: 'Ваша роль не позволяет это действие.', en: 'Your role does not allow this action.' },
  OUTSIDE_RURAL_DISTRICT: { status: 403, kk: 'Бұл жазба сіздің ауылдық округіңізге жатпайды.', ru: 'Эта запись не относится к вашему сельскому округу.', en: 'This record is outside your rural district.' },
  NOT_FOUND: { status: 404, kk: 'Табылмады.', ru: 'Не найдено.', en: 'Not found.' },
  CONFLICT: { status: 409, kk: 'Жазбаны басқа пайдаланушы өзгертті. Жаңартып, қайталаңыз.', ru: 'Запись изменена другим пользователем. Обновите и повторите.', en: 'Someone else changed this record. Reload and try again.' },
  USERNAME_TAKEN: { status: 409, kk: 'Мұндай логин бар.', ru: 'Такой логин уже существует.', en: 'This username is taken.' },
  INTERNAL: { status: 500, kk: 'Ішкі қате. Әрекет орындалмады.', ru: 'Внутренняя ошибка. Действие не выполнено.', en: 'Internal error. Nothing was changed.' },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldProblem {
  readonly path: string;
  /** Written "kk text | ru text | en text"; the error handler shows the user's language. */
  readonly message: string;
}

/** An expected failure: a code from the catalogue, optional field problems and details for the log. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERRORS[code][lang];
}
