/**
 * The ministry's information system (MINISTRY, Ministry of Labour and Social Protection): for holiday
 * lists the authorized body asks it for the active recipients of pensions and allowances, who come back
 * on Model form 7 (p.25; lists formed electronically without applications, p.10).
 *
 * Pages are in `id` order with keyset pagination (`afterId`), never OFFSET, so a holiday run over a
 * million recipients resumes from the last id it stored. One row is one benefit: a person with a pension
 * and an allowance appears twice; the run deduplicates by IIN. Rows are as the ministry holds them: a
 * death may already be registered while the benefit is still open, so `deathDate` is given and the
 * run must check it.
 *
 * Benefit types and category codes below are Komek's [assumed] vocabulary for the ministry's codes (not
 * public); an adapter to the real system maps onto them.
 */
import type { Temporal } from 'temporal-polyfill';

export const BENEFIT_KINDS = ['pension', 'allowance'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** The pension or allowance a benefit is, with kk/ru names. */
export const BENEFIT_TYPES = {
  age: { kind: 'pension', kk: 'Жасына байланысты зейнетақы', ru: 'Пенсия по возрасту' },
  disability: { kind: 'allowance', kk: 'Мүгедектігі бойынша жәрдемақы', ru: 'Пособие по инвалидности' },
  survivor: { kind: 'allowance', kk: 'Асыраушысынан айырылу жағдайы бойынша жәрдемақы', ru: 'Пособие по случаю потери кормильца' },
  'child-disability': { kind: 'allowance', kk: 'Мүгедек баланы тәрбиелеушіге жәрдемақы', ru: 'Пособие воспитывающему ребёнка с инвалидностью' },
  carer: { kind: 'allowance', kk: 'Бірінші топтағы мүгедекті күтушіге жәрдемақы', ru: 'Пособие лицу, осуществляющему уход за лицом с инвалидностью I группы' },
  'large-family': { kind: 'allowance', kk: 'Көпбалалы отбасыға жәрдемақы', ru: 'Пособие многодетной семье' },
  'child-care': { kind: 'allowance', kk: 'Бала бір жарым жасқа толғанға дейін күтімі бойынша жәрдемақы', ru: 'Пособие по уходу за ребёнком до полутора лет' },
  'special-state': { kind: 'allowance', kk: 'Арнаулы мемлекеттік жәрдемақы', ru: 'Специальное государственное пособие' },
  'mother-heroine': { kind: 'allowance', kk: '«Алтын алқа», «Күміс алқа» алқаларымен марапатталған аналарға жәрдемақы', ru: 'Пособие матерям, награждённым подвесками «Алтын алқа», «Күміс алқа»' },
} as const satisfies Record<string, { kind: BenefitKind; kk: string; ru: string }>;
export type BenefitType = keyof typeof BENEFIT_TYPES;

/** Recipient categories: what holiday lists select on (p.5, p.25). */
export const BENEFIT_CATEGORIES = {
  'age-pensioner': { kk: 'Жасына байланысты зейнеткер', ru: 'Пенсионер по возрасту' },
  'disability-1': { kk: 'Бірінші топтағы мүгедектігі бар адам', ru: 'Лицо с инвалидностью I группы' },
  'disability-2': { kk: 'Екінші топтағы мүгедектігі бар адам', ru: 'Лицо с инвалидностью II группы' },
  'disability-3': { kk: 'Үшінші топтағы мүгедектігі бар адам', ru: 'Лицо с инвалидностью III группы' },
  'child-disability': { kk: 'Мүгедектігі бар бала', ru: 'Ребёнок с инвалидностью' },
  'carer-disability-1': { kk: 'Бірінші топтағы мүгедекті күтуші', ru: 'Лицо, ухаживающее за лицом с инвалидностью I группы' },
  survivor: { kk: 'Асыраушысынан айырылған', ru: 'Потерявший кормильца' },
  'large-family': { kk: 'Көпбалалы отбасы', ru: 'Многодетная семья' },
  'child-care': { kk: 'Бір жарым жасқа дейінгі баланы күтуші', ru: 'Уход за ребёнком до полутора лет' },
  'wwii-participant': { kk: 'Ұлы Отан соғысының қатысушысы', ru: 'Участник Великой Отечественной войны' },
  'home-front-worker': { kk: 'Тыл еңбеккері', ru: 'Труженик тыла' },
  'wwii-widow': { kk: 'Ұлы Отан соғысына қатысушының жесірі', ru: 'Вдова участника Великой Отечественной войны' },
  'afghan-veteran': { kk: 'Ауғанстандағы ұрыс қимылдарының ардагері', ru: 'Ветеран боевых действий в Афганистане' },
  'chernobyl-liquidator': { kk: 'Чернобыль АЭС апатының зардаптарын жоюға қатысушы', ru: 'Участник ликвидации последствий аварии на Чернобыльской АЭС' },
  'repression-victim': { kk: 'Саяси қуғын-сүргін құрбаны', ru: 'Жертва политических репрессий' },
  'altyn-alqa': { kk: '«Алтын алқа», «Күміс алқа» иегері ана', ru: 'Мать, награждённая «Алтын алқа», «Күміс алқа»' },
} as const satisfies Record<string, { kk: string; ru: string }>;
export type BenefitCategory = keyof typeof BENEFIT_CATEGORIES;

/** A pension or allowance as the ministry holds it (also the e-gov gateway's `pensions` item). */
export interface BenefitRecord {
  readonly kind: BenefitKind;
  readonly type: string;
  readonly category: string;
  readonly amountTiyn: number;
  readonly from: Temporal.PlainDate;
  /** Last day paid, or null while open-ended. */
  readonly to: Temporal.PlainDate | null;
  readonly iban: string | null;
}

/** One row of Model form 7. */
export interface Form7Row {
  readonly id: number;
  readonly iin: string;
  readonly fullName: string;
  readonly birthDate: Temporal.PlainDate;
  readonly deathDate: Temporal.PlainDate | null;
  readonly ruralDistrictId: string;
  readonly kind: BenefitKind;
  readonly type: string;
  readonly category: string;
  /** Monthly amount in tiyn. */
  readonly amountTiyn: number;
  readonly period: { readonly from: Temporal.PlainDate; readonly to: Temporal.PlainDate | null };
  readonly iban: string | null;
}

export interface ActiveRecipientsQuery {
  /** Benefits in force on this date (from ≤ asOf ≤ to). */
  readonly asOf: Temporal.PlainDate;
  readonly benefitKinds?: readonly BenefitKind[];
  readonly categories?: readonly string[];
  /** Rows with a greater id only; omit for the first page. */
  readonly afterId?: number;
  /** Page size, 1..10,000. */
  readonly limit: number;
}

export interface Form7Page {
  readonly rows: readonly Form7Row[];
  /** The `afterId` of the next page, or null when this was the last one. */
  readonly nextAfterId: number | null;
}

/** The ministry's information system, form 7 (p.25). */
export interface MinistrySystem {
  activeRecipients(query: ActiveRecipientsQuery): Promise<Form7Page>;
}
