/**
 * The words of the decision notices of p.19 — form 5 (grant) and form 6 (refusal) — as SMS and personal-
 * cabinet texts in Kazakh and Russian: short, with the decision number and date and what to do next;
 * refusals name the clause of p.20 applied and how to appeal (Administrative Procedural Code: complaint to
 * the higher administrative body, then court). Shared with the PDF forms (src/documents).
 */
export type NoticeLang = 'kk' | 'ru';

/** Short names of the refusal grounds of p.20 (and p.9, an application after the category's time limit). */
export const REFUSAL_GROUND_NAMES: Readonly<Record<string, { readonly kk: string; readonly ru: string }>> = {
  'p.20.1': { kk: 'өтініш берушінің мәліметтері дәйексіз', ru: 'недостоверность сведений заявителя' },
  'p.20.2': { kk: 'материалдық жағдайды тексеруден бас тарту (жалтару)', ru: 'отказ (уклонение) от обследования материального положения' },
  'p.20.3': { kk: 'жан басына шаққандағы орташа табыс белгіленген шектен артық', ru: 'среднедушевой доход выше установленного порога' },
  'p.20.4': { kk: 'осы негіз бойынша көмек бұрын тағайындалған (өтініш берілген)', ru: 'помощь по этому основанию уже назначена (заявление уже подано)' },
  'p.9': { kk: 'өтініш санат үшін белгіленген мерзімнен кейін берілді', ru: 'заявление подано после срока, установленного для категории' },
};

/** `20.3`, `p.20.3` → `p.20.3`. */
export function normalizeClause(clause: string): string {
  return clause.startsWith('p.') ? clause : `p.${clause}`;
}

/** A clause as written in each language: p.20.3 → «20.3-тармақшасы», «пп. 3) п. 20». */
export function clauseLabel(clause: string, lang: NoticeLang): string {
  const c = normalizeClause(clause).slice(2);
  const [point, sub] = c.split('.');
  if (lang === 'kk') return sub ? `${point}-тармағының ${sub})-тармақшасы` : `${point}-тармағы`;
  return sub ? `подпункт ${sub}) пункта ${point}` : `пункт ${point}`;
}

/** 2025-03-04 → 04.03.2025 (Kazakh and Russian official style). */
export function formatCivilDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** 21376230 tiyn → "213 762,30" (thin grouping by spaces, decimal comma). */
export function formatAmount(tiyn: number): string {
  const sign = tiyn < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(tiyn));
  const whole = String(Math.trunc(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(a % 100).padStart(2, '0')}`;
}

export interface NoticeFacts {
  readonly outcome: 'grant' | 'refuse';
  readonly decisionNumber: string;
  /** ISO civil date of the decision. */
  readonly decidedOn: string;
  readonly regNumber: string;
  readonly amountTiyn: number | null;
  /** e.g. 'p.20.3' for a refusal. */
  readonly refusalGround: string | null;
}

/** The SMS text of the notice (form 5 or 6), at most a few SMS segments. */
export function smsText(f: NoticeFacts, lang: NoticeLang): string {
  const date = formatCivilDate(f.decidedOn);
  if (f.outcome === 'grant') {
    const amount = f.amountTiyn !== null ? (lang === 'kk' ? ` Сомасы ${formatAmount(f.amountTiyn)} тг.` : ` Сумма ${formatAmount(f.amountTiyn)} тг.`) : '';
    return lang === 'kk'
      ? `Әлеуметтік көмек тағайындалды: шешім №${f.decisionNumber}, ${date}, өтініш ${f.regNumber}.${amount} Төлем банк шотыңызға Мемлекеттік корпорация арқылы түседі.`
      : `Социальная помощь назначена: решение №${f.decisionNumber} от ${date}, заявление ${f.regNumber}.${amount} Выплата поступит на ваш банковский счёт через Госкорпорацию.`;
  }
  const clause = normalizeClause(f.refusalGround ?? 'p.20');
  return lang === 'kk'
    ? `Әлеуметтік көмектен бас тартылды: шешім №${f.decisionNumber}, ${date}, Қағидалардың ${clause.slice(2)}-т. Шешімге жоғары тұрған органға немесе сотқа шағым беруге болады (ӘРПК). Хабарламаны бөлімнен алыңыз.`
    : `В социальной помощи отказано: решение №${f.decisionNumber} от ${date}, п. ${clause.slice(2)} Правил. Решение можно обжаловать в вышестоящем органе или суде (АППК). Уведомление — в отделе.`;
}

/** The personal-cabinet notice: title and body (longer than the SMS, same facts). */
export function cabinetText(f: NoticeFacts, lang: NoticeLang): { title: string; text: string } {
  if (f.outcome === 'grant') {
    return lang === 'kk'
      ? { title: 'Әлеуметтік көмек көрсету туралы хабарлама', text: smsText(f, lang) }
      : { title: 'Уведомление об оказании социальной помощи', text: smsText(f, lang) };
  }
  const clause = normalizeClause(f.refusalGround ?? 'p.20');
  const name = REFUSAL_GROUND_NAMES[clause]?.[lang] ?? '';
  return lang === 'kk'
    ? { title: 'Әлеуметтік көмек көрсетуден бас тарту туралы хабарлама', text: `${smsText(f, lang)} Бас тарту негізі: ${clauseLabel(clause, 'kk')} — ${name}.` }
    : { title: 'Уведомление об отказе в оказании социальной помощи', text: `${smsText(f, lang)} Основание отказа: ${clauseLabel(clause, 'ru')} Правил — ${name}.` };
}

/**
 * The facts of the preliminary decision to refuse and of the hearing (p.18; Administrative Procedural
 * Code arts. 73–74), as the notice states them.
 */
export interface HearingNoticeFacts {
  readonly regNumber: string;
  /** The p.20 sub-point the refusal would rest on, e.g. 'p.20.3'. */
  readonly refusalGround: string;
  /** ISO civil dates: the notice, the last day of the objection window (2 WD), the planned decision. */
  readonly notifiedOn: string;
  readonly objectionDueOn: string;
  readonly plannedDecisionOn: string;
  /** The hearing's date and time in the district's time zone, "DD.MM.YYYY HH:mm", when set. */
  readonly hearingLocal: string | null;
  readonly hearingPlace: string | null;
  /** Video-conference, information system, in person… (p.18), when set. */
  readonly hearingMeans: string | null;
}

function hearingWhereWhen(f: HearingNoticeFacts, lang: NoticeLang): string {
  const parts = [f.hearingLocal, f.hearingPlace, f.hearingMeans].filter((x): x is string => !!x && x.trim() !== '');
  if (parts.length) return lang === 'kk' ? `Тыңдау: ${parts.join(', ')}.` : `Заслушивание: ${parts.join(', ')}.`;
  return lang === 'kk' ? 'Тыңдау уақыты мен орнын уәкілетті орган хабарлайды; ұстанымыңызды бөлімде немесе байланыс құралдары арқылы айта аласыз.' : 'Время и место заслушивания сообщит уполномоченный орган; позицию можно изложить в отделе или с помощью средств связи.';
}

/** The SMS text of the hearing notice: the preliminary refusal with its clause, the hearing, the 2-WD objection window. */
export function hearingSmsText(f: HearingNoticeFacts, lang: NoticeLang): string {
  const clause = normalizeClause(f.refusalGround).slice(2);
  const due = formatCivilDate(f.objectionDueOn);
  const planned = formatCivilDate(f.plannedDecisionOn);
  return lang === 'kk'
    ? `Алдын ала шешім: ${f.regNumber} өтініші бойынша әлеуметтік көмектен бас тарту көзделуде, Қағидалардың ${clause}-т. ${hearingWhereWhen(f, lang)} Қарсылықты ${due} қоса алғанда (2 жұмыс күні) жазбаша немесе ауызша беріңіз. Шешім ${planned} ерте емес қабылданады.`
    : `Предварительное решение: по заявлению ${f.regNumber} предполагается отказ в социальной помощи, п. ${clause} Правил. ${hearingWhereWhen(f, lang)} Возражение подайте письменно или устно до ${due} включительно (2 рабочих дня). Решение — не ранее ${planned}.`;
}

/** The personal-cabinet (and print) hearing notice: title and body, with the ground's name and the clauses. */
export function hearingCabinetText(f: HearingNoticeFacts, lang: NoticeLang): { title: string; text: string } {
  const clause = normalizeClause(f.refusalGround);
  const name = REFUSAL_GROUND_NAMES[clause]?.[lang] ?? '';
  return lang === 'kk'
    ? {
        title: 'Бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама',
        text: `${hearingSmsText(f, lang)} Бас тарту негізі: Қағидалардың ${clauseLabel(clause, 'kk')} — ${name}. Хабарлама ${formatCivilDate(f.notifiedOn)} жіберілді (Қағидалардың 18-тармағы, ҚР ӘРПК 73-бабы).`,
      }
    : {
        title: 'Уведомление о предварительном решении об отказе и о заслушивании',
        text: `${hearingSmsText(f, lang)} Основание отказа: ${clauseLabel(clause, 'ru')} Правил — ${name}. Уведомление направлено ${formatCivilDate(f.notifiedOn)} (п. 18 Правил, ст. 73 АППК РК).`,
      };
}
