/**
 * The roles of Komek's users (issue 2). Each route declares which of these it allows, next to its
 * definition. Names follow GLOSSARY.md; `RURAL_AKIM` users are bound to one rural district.
 * This file is shared by the server and the web app: it imports nothing.
 */
export const ROLES = [
  'SPECIALIST', // authorized-body specialist (уәкілетті орган маманы / специалист уполномоченного органа)
  'HEAD', // head of the authorized body (бөлім басшысы / руководитель отдела)
  'RURAL_AKIM', // rural akim's office, sees only its own rural district
  'STATE_CORP', // State Corporation «Government for Citizens» operator
  'PRECINCT_COMMISSION', // precinct commission member
  'SPECIAL_COMMISSION', // special commission member
  'ACCOUNTANT', // accountant of the authorized body
  'AUDITOR', // read-only auditor
  'ADMIN', // administrator
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, Readonly<Record<'kk' | 'ru' | 'en', string>>>> = {
  SPECIALIST: { kk: 'Уәкілетті орган маманы', ru: 'Специалист уполномоченного органа', en: 'Authorized-body specialist' },
  HEAD: { kk: 'Уәкілетті орган басшысы', ru: 'Руководитель уполномоченного органа', en: 'Head of the authorized body' },
  RURAL_AKIM: { kk: 'Ауылдық округ әкімінің аппараты', ru: 'Аппарат акима сельского округа', en: "Rural akim's office" },
  STATE_CORP: { kk: 'Мемлекеттік корпорация операторы', ru: 'Оператор Государственной корпорации', en: 'State Corporation operator' },
  PRECINCT_COMMISSION: { kk: 'Учаскелік комиссия мүшесі', ru: 'Член участковой комиссии', en: 'Precinct commission member' },
  SPECIAL_COMMISSION: { kk: 'Арнайы комиссия мүшесі', ru: 'Член специальной комиссии', en: 'Special commission member' },
  ACCOUNTANT: { kk: 'Бухгалтер', ru: 'Бухгалтер', en: 'Accountant' },
  AUDITOR: { kk: 'Аудитор (тек оқу)', ru: 'Аудитор (только чтение)', en: 'Auditor (read-only)' },
  ADMIN: { kk: 'Әкімші', ru: 'Администратор', en: 'Administrator' },
};

/** Roles that may read everything but change nothing. */
export const READ_ONLY_ROLES: readonly Role[] = ['AUDITOR'];
