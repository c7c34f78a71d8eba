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
  // — cases (src/cases) —
  ILLEGAL_TRANSITION: { status: 409, kk: 'Істің қазіргі мәртебесінде бұл қадам мүмкін емес.', ru: 'Этот шаг невозможен в текущем статусе дела.', en: 'This step is not possible in the case’s current status.' },
  INVALID_IIN: { status: 400, kk: 'ЖСН дұрыс емес.', ru: 'ИИН указан неверно.', en: 'The IIN is not valid.' },
  INVALID_IBAN: { status: 400, kk: 'IBAN шот нөмірі дұрыс емес.', ru: 'Номер счёта IBAN указан неверно.', en: 'The IBAN is not valid.' },
  UNKNOWN_CATEGORY: { status: 422, kk: 'Мұндай санат Қағидаларда жоқ.', ru: 'Такой категории нет в Правилах.', en: 'There is no such category in the Rules.' },
  POWER_OF_ATTORNEY_INVALID: { status: 422, kk: 'Сенімхат жоқ немесе мерзімі өткен (АК 167-бап).', ru: 'Доверенность отсутствует или истекла (ст. 167 ГК).', en: 'The power of attorney is missing or expired (Civil Code art. 167).' },
  EDS_INVALID: { status: 422, kk: 'ЭЦҚ қолтаңбасы жарамсыз. Өтініш қабылданбады.', ru: 'Подпись ЭЦП недействительна. Заявление не принято.', en: 'The EDS signature is invalid. The application was not accepted.' },
  EDS_SIGNER_MISMATCH: { status: 422, kk: 'ЭЦҚ иесі өтініш беруші де, өкіл де емес.', ru: 'Владелец ЭЦП не является ни заявителем, ни представителем.', en: 'The EDS signer is neither the applicant nor the representative.' },
  PORTAL_CLIENT_UNKNOWN: { status: 401, kk: 'Портал клиентінің кілті жарамсыз.', ru: 'Ключ клиента портала недействителен.', en: 'The portal client key is not valid.' },
  DECISION_LATE_REASON_REQUIRED: { status: 422, kk: 'Шешім мерзімі өтті: кешіктіру себебін жазыңыз.', ru: 'Срок решения истёк: укажите причину задержки.', en: 'The decision deadline has passed: record the reason for the delay.' },
  REFUSAL_NEEDS_HEARING: { status: 409, kk: 'Бас тарту алдында тыңдау өткізілуі керек (18-т.).', ru: 'Перед отказом необходимо заслушивание (п. 18).', en: 'A refusal needs a hearing first (p.18).' },
  HEARING_NOTICE_TOO_LATE: { status: 422, kk: 'Хабарлама шешімнен кемінде 3 жұмыс күні бұрын берілуі керек (18-т.).', ru: 'Уведомление должно быть не менее чем за 3 рабочих дня до решения (п. 18).', en: 'The notice must come at least 3 working days before the decision (p.18).' },
  HEARING_WINDOW_OPEN: { status: 409, kk: 'Қарсылық немесе ескертулер мерзімі әлі аяқталмады (18-т.).', ru: 'Срок для возражения или замечаний ещё не истёк (п. 18).', en: 'The window for an objection or remarks is still open (p.18).' },
  HEARING_WINDOW_CLOSED: { status: 422, kk: 'Мерзім өтіп кетті (18-т.).', ru: 'Срок истёк (п. 18).', en: 'The time limit has passed (p.18).' },
  HEARING_PROTOCOL_MISSING: { status: 409, kk: 'Ауызша қарсылық бойынша тыңдау хаттамасы жоқ (18-т.).', ru: 'Нет протокола заслушивания по устному возражению (п. 18).', en: 'There is no hearing protocol for the oral objection (p.18).' },
  NO_REFUSAL_GROUND: { status: 422, kk: 'Бас тарту негізі 20-тармаққа сәйкес болуы керек.', ru: 'Основание отказа должно соответствовать п. 20.', en: 'The refusal ground must be one of p.20.' },
  TERMINATION_GROUND_NOT_APPLICABLE: { status: 422, kk: 'Бұл тоқтату негізі 6.1, 6.2 негіздеріне қолданылмайды (22-т.).', ru: 'Это основание прекращения не применяется к основаниям 6.1, 6.2 (п. 22).', en: 'This termination ground does not apply to grounds 6.1, 6.2 (p.22).' },
  ALREADY_RECEIVED_ONCE: { status: 409, kk: 'Бұл көмек бір рет қана беріледі және бұрын берілген.', ru: 'Эта помощь предоставляется однократно и уже была предоставлена.', en: 'This assistance is given once and was already given.' },
  EGOV_UNAVAILABLE: { status: 503, kk: 'Электрондық үкімет шлюзі жауап бермеді. Қайталаңыз.', ru: 'Шлюз электронного правительства не ответил. Повторите.', en: 'The e-government gateway did not answer. Try again.' },
  GRANT_WITHOUT_BASIS: { status: 422, kk: 'Қағидалар бойынша көмек тағайындауға негіз жоқ (20-т.).', ru: 'По Правилам нет основания для назначения помощи (п. 20).', en: 'Under the Rules there is no basis to grant assistance (p.20).' },
  RULES_CANNOT_EVALUATE: { status: 422, kk: 'Қағидалар бойынша есептеу мүмкін болмады (параметр немесе деректер жоқ).', ru: 'Расчёт по Правилам невозможен (нет параметра или данных).', en: 'The Rules could not be applied (a parameter or data is missing).' },
  DATE_OUT_OF_ORDER: { status: 422, kk: 'Күн дұрыс емес ретпен көрсетілген.', ru: 'Даты указаны в неверном порядке.', en: 'The dates are out of order.' },
  // — payments (p.21, p.25–p.32) —
  BUDGET_EXCEEDED: { status: 409, kk: 'Бюджет лимиті жеткіліксіз: шешім немесе төлем қаржыландыру жоспарынан асады (21-т.).', ru: 'Недостаточно бюджетных средств: решение или выплата превышает план финансирования (п. 21).', en: 'Not enough budget: the decision or payment would exceed the allocation (p.21).' },
  PAYMENT_STATE: { status: 409, kk: 'Төлемнің қазіргі күйінде бұл әрекет мүмкін емес.', ru: 'В текущем состоянии выплаты это действие невозможно.', en: 'This action is not possible in the payment\'s current state.' },
  RUN_FAILED: { status: 409, kk: 'Төлем жүргізу тоқтатылды; себебін қараңыз.', ru: 'Выплатный прогон остановлен; см. причину.', en: 'The payment run stopped; see the reason.' },
  PAYMENT_FILE_INVALID: { status: 422, kk: 'Файл қабылданбады: қате жолды қараңыз. Ештеңе өзгертілмеді.', ru: 'Файл отклонён: см. строку с ошибкой. Ничего не изменено.', en: 'The file was rejected: see the line at fault. Nothing was changed.' },
  // — district administration (src/admin: rules versions, calendar, commissions) —
  RULES_VERSION_STATE: { status: 409, kk: 'Қағидалар нұсқасының қазіргі күйінде бұл әрекет мүмкін емес (күшіндегі нұсқа өзгертілмейді — жаңа жоба жасаңыз).', ru: 'В текущем состоянии версии Правил это действие невозможно (действующая версия не редактируется — создайте новый проект).', en: 'This action is not possible in the rules version\'s current state (a version in force is never edited — create a new draft).' },
  INVALID_DISTRICT_CONFIG: { status: 422, kk: 'Аудан конфигурациясы қате: файлды, жолды және мәселені қараңыз. Ештеңе өзгертілмеді.', ru: 'Конфигурация района неверна: см. файл, путь и проблему. Ничего не изменено.', en: 'The district configuration is invalid: see the file, path and problem. Nothing was changed.' },
  NO_RULES_IN_FORCE: { status: 409, kk: 'Бұл күнге күшіндегі Қағидалар нұсқасы жоқ.', ru: 'На эту дату нет действующей версии Правил.', en: 'No rules version is in force on this date.' },
  // — notifications and documents (src/notifications p.19; src/documents forms 1–6) —
  NOTICE_WRONG_STATUS: { status: 409, kk: 'Хабарламаның қазіргі күйінде бұл әрекет мүмкін емес (алдымен басып шығарыңыз).', ru: 'В текущем состоянии уведомления это действие невозможно (сначала распечатайте).', en: 'This action is not possible in the notice\'s current state (print it first).' },
  DOCUMENT_NOT_AVAILABLE: { status: 409, kk: 'Бұл құжат істің осы кезеңінде әлі жоқ.', ru: 'Этого документа на данном этапе дела ещё нет.', en: 'This document does not exist yet at this stage of the case.' },
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
