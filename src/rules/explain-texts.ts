/**
 * The message catalogue of the rules core's explanations, in kk/ru/en. Every trace step's text comes
 * from a template here filled with named values; code never concatenates user-facing sentences.
 */
import type { Lang, Text } from './explain';

type Template = Readonly<Record<Lang, string>>;

export const TEXTS = {
  version: {
    kk: '{date} күні «{title}» қолданылады ({from} бастап{status}).',
    ru: 'На {date} действуют «{title}» (с {from}{status}).',
    en: 'On {date} the "{title}" are in force (from {from}{status}).',
  },
  assumedDate: { kk: ', күні болжалды', ru: ', дата предположительная', en: ', date assumed' },
  category: {
    kk: 'Өтініш {code} санаты бойынша: {name}. Мерзімділігі: {periodicity}.',
    ru: 'Заявление по категории {code}: {name}. Периодичность: {periodicity}.',
    en: 'Application under category {code}: {name}. Periodicity: {periodicity}.',
  },
  categoryExample: {
    kk: '{code} санаты — мысал, № 15-63 шешіммен салыстырып нақтылау қажет.',
    ru: 'Категория {code} — пример, подлежит сверке с решением № 15-63.',
    en: 'Category {code} is an example, to be confirmed against decision 15-63.',
  },
  ground: {
    kk: 'Мұқтаж деп тану негізі — 6-тармақтың {sub}) тармақшасы: {text}.',
    ru: 'Основание отнесения к нуждающимся — подпункт {sub}) пункта 6: {text}.',
    en: 'Ground for being classed as needy — p.{code}: {text}.',
  },
  groundNone: {
    kk: '{code} санатының мәтінінде 6-тармақтың негізі аталмаған.',
    ru: 'Текст категории {code} не называет основания пункта 6.',
    en: 'The text of category {code} names no ground of p.6.',
  },
  survey: {
    kk: '{code} негізі бойынша құжаттар материалдық жағдайды зерттеп-қарау үшін 1 жұмыс күні ішінде учаскелік комиссияға жіберіледі.',
    ru: 'По основанию {code} документы направляются в участковую комиссию для обследования материального положения в течение 1 рабочего дня.',
    en: 'On ground {code} the documents go to the precinct commission within 1 working day for a survey of the material situation.',
  },
  incomeNotTested: {
    kk: '{code} санаты бойынша жан басына шаққандағы орташа табыс есепке алынбайды.',
    ru: 'По категории {code} среднедушевой доход не учитывается.',
    en: 'For category {code} the per-capita income is not taken into account.',
  },
  incomeQuarter: {
    kk: 'Өтініш {date} күні тіркелді: табыс алдыңғы тоқсан ({quarter}) бойынша есептеледі.',
    ru: 'Заявление зарегистрировано {date}: доход учитывается за предыдущий квартал ({quarter}).',
    en: 'Application registered on {date}: income is counted for the previous quarter ({quarter}).',
  },
  incomeExcluded: {
    kk: '«{type}» түріндегі {amount} теңге табыс есепке алынбайды: {reason}.',
    ru: 'Доход вида «{type}» на {amount} тенге не учитывается: {reason}.',
    en: 'Income of type "{type}" of {amount} tenge is not counted: {reason}.',
  },
  reasonCatalogue: { kk: 'табыс түрлерінің тізбесі бойынша', ru: 'по перечню видов доходов', en: 'per the income catalogue' },
  reasonLivestock: { kk: 'әкімдік мал, құс және жерді табыс әкелмейтін деп таныған', ru: 'акимат признал скот, птицу и землю не приносящими доход', en: 'the akimat declared livestock, poultry and land not income-producing' },
  incomeUnknownType: {
    kk: '«{type}» түрі тізбеде жоқ: Әлеуметтік кодекстің 127-бабы бойынша есепке алынады ({amount} теңге).',
    ru: 'Вида «{type}» нет в перечне: учитывается по статье 127 Социального кодекса ({amount} тенге).',
    en: 'Type "{type}" is not in the catalogue: counted under Social Code art. 127 ({amount} tenge).',
  },
  incomeOutsideQuarter: {
    kk: '{count} табыс жазбасы {quarter} тоқсанынан тыс: есепке алынбайды.',
    ru: '{count} записей о доходах вне квартала {quarter}: не учитываются.',
    en: '{count} income records fall outside {quarter}: not counted.',
  },
  perCapita: {
    kk: 'Жан басына шаққандағы орташа табыс: {total} теңге ÷ {members} адам ÷ 3 ай = {perCapita} теңге.',
    ru: 'Среднедушевой доход: {total} тенге ÷ {members} чел. ÷ 3 мес. = {perCapita} тенге.',
    en: 'Per-capita income: {total} tenge ÷ {members} persons ÷ 3 months = {perCapita} tenge.',
  },
  subsistenceMinimum: {
    kk: '{date} күнгі ең төмен күнкөріс деңгейі: {value} теңге ({series}).',
    ru: 'Прожиточный минимум на {date}: {value} тенге ({series}).',
    en: 'Subsistence minimum on {date}: {value} tenge ({series}).',
  },
  threshold: {
    kk: 'Шек: {multiple} × {sm} = {threshold} теңге.',
    ru: 'Порог: {multiple} × {sm} = {threshold} тенге.',
    en: 'Threshold: {multiple} × {sm} = {threshold} tenge.',
  },
  incomeNotAbove: {
    kk: 'Жан басына шаққандағы орташа табыс ({perCapita} теңге) шектен ({threshold} теңге) аспайды: 20-тармақтың 3) тармақшасы бойынша бас тарту негізі жоқ.',
    ru: 'Среднедушевой доход ({perCapita} тенге) не превышает порога ({threshold} тенге): основания для отказа по подпункту 3) пункта 20 нет.',
    en: 'Per-capita income ({perCapita} tenge) is not above the threshold ({threshold} tenge): no refusal under p.20.3.',
  },
  incomeAbove: {
    kk: 'Жан басына шаққандағы орташа табыс ({perCapita} теңге) шектен ({threshold} теңге) асады: 20-тармақтың 3) тармақшасы бойынша бас тартылады.',
    ru: 'Среднедушевой доход ({perCapita} тенге) превышает порог ({threshold} тенге): отказ по подпункту 3) пункта 20.',
    en: 'Per-capita income ({perCapita} tenge) is above the threshold ({threshold} tenge): refusal under p.20.3.',
  },
  p20_1: {
    kk: 'Өтініш беруші ұсынған мәліметтердің дәйексіздігі анықталды: 20-тармақтың 1) тармақшасы бойынша бас тартылады.',
    ru: 'Установлена недостоверность представленных заявителем сведений: отказ по подпункту 1) пункта 20.',
    en: 'The applicant\'s data proved unreliable: refusal under p.20.1.',
  },
  p20_2: {
    kk: 'Өтініш беруші отбасының материалдық жағдайын тексеруден бас тартты немесе жалтарды: 20-тармақтың 2) тармақшасы бойынша бас тартылады.',
    ru: 'Заявитель отказался или уклонился от обследования материального положения: отказ по подпункту 2) пункта 20.',
    en: 'The applicant refused or evaded the survey of the family\'s material situation: refusal under p.20.2.',
  },
  p20_4: {
    kk: 'Уәкілетті мемлекеттік органның ақпараттық жүйесі осы негіз бойынша көмек тағайындалғанын немесе өтініш берілгенін растайды: 20-тармақтың 4) тармақшасы бойынша бас тартылады.',
    ru: 'Информационная система уполномоченного государственного органа подтверждает назначение помощи или подачу заявления по этому основанию: отказ по подпункту 4) пункта 20.',
    en: 'The ministry\'s information system shows assistance assigned, or an application filed, on this ground: refusal under p.20.4.',
  },
  timesPerYear: {
    kk: '{code} санаты бойынша көмек жылына {max} реттен артық берілмейді; биыл {times} рет берілген: 20-тармақтың 4) тармақшасы бойынша бас тартылады.',
    ru: 'По категории {code} помощь оказывается не более {max} раз в год; в этом году уже {times}: отказ по подпункту 4) пункта 20.',
    en: 'Category {code} is given at most {max} times a year; already {times} this year: refusal under p.20.4.',
  },
  timeLimitMet: {
    kk: 'Өтініш оқиғадан ({event}) кейін {days} күн ішінде берілді (шегі {limit} күн).',
    ru: 'Заявление подано через {days} дн. после события ({event}), срок {limit} дн.',
    en: 'Application made {days} days after the event ({event}); the limit is {limit} days.',
  },
  timeLimitMissed: {
    kk: 'Өтініш оқиғадан ({event}) кейін {days} күн өткен соң берілді, ал шегі {limit} күн: көмек көрсетілмейді.',
    ru: 'Заявление подано через {days} дн. после события ({event}) при сроке {limit} дн.: помощь не оказывается.',
    en: 'Application made {days} days after the event ({event}) but the limit is {limit} days: no assistance.',
  },
  noRefusal: {
    kk: '20-тармақтың 1), 2) және 4) тармақшаларында көрсетілген бас тарту негіздері анықталған жоқ.',
    ru: 'Основания для отказа по подпунктам 1), 2) и 4) пункта 20 не установлены.',
    en: 'None of the refusal grounds of p.20.1, p.20.2 and p.20.4 was found.',
  },
  amountMci: {
    kk: 'Көмек мөлшері: {n} × АЕК ({mci} теңге, {from} бастап) = {amount} теңге.',
    ru: 'Размер помощи: {n} × МРП ({mci} тенге, с {from}) = {amount} тенге.',
    en: 'Amount: {n} × MCI ({mci} tenge, from {from}) = {amount} tenge.',
  },
  amountSm: {
    kk: 'Көмек мөлшері: {n} × ең төмен күнкөріс деңгейі ({sm} теңге) = {amount} теңге.',
    ru: 'Размер помощи: {n} × прожиточный минимум ({sm} тенге) = {amount} тенге.',
    en: 'Amount: {n} × subsistence minimum ({sm} tenge) = {amount} tenge.',
  },
  amountPercent: {
    kk: 'Көмек мөлшері: «{parameter}» ({base} теңге, {from} бастап) сомасының {percent} пайызы = {amount} теңге.',
    ru: 'Размер помощи: {percent} % от суммы «{parameter}» ({base} тенге, с {from}) = {amount} тенге.',
    en: 'Amount: {percent} % of "{parameter}" ({base} tenge, from {from}) = {amount} tenge.',
  },
  amountFixed: {
    kk: 'Көмек мөлшері: тіркелген сома {amount} теңге.',
    ru: 'Размер помощи: фиксированная сумма {amount} тенге.',
    en: 'Amount: a fixed {amount} tenge.',
  },
  amountActualCost: {
    kk: 'Көмек мөлшері: нақты шығын {cost} теңге, бірақ {cap} теңгеден аспайды = {amount} теңге.',
    ru: 'Размер помощи: фактические затраты {cost} тенге, но не более {cap} тенге = {amount} тенге.',
    en: 'Amount: the actual cost of {cost} tenge, at most {cap} tenge = {amount} tenge.',
  },
  rounding: {
    kk: 'Дөңгелектеу: {rule}.',
    ru: 'Округление: {rule}.',
    en: 'Rounding: {rule}.',
  },
  roundingTiyn: { kk: 'тиынға дейін, жартысы жоғары', ru: 'до тиына, половина вверх', en: 'to the tiyn, half up' },
  roundingTenge: { kk: 'бүтін теңгеге дейін, жартысы жоғары', ru: 'до целого тенге, половина вверх', en: 'to the whole tenge, half up' },
  limit: {
    kk: 'Шекті мөлшер {limit} теңге: көмек {amount} теңгеге дейін шектеледі.',
    ru: 'Предельный размер {limit} тенге: помощь ограничивается {amount} тенге.',
    en: 'Limit amount {limit} tenge: the assistance is capped at {amount} tenge.',
  },
  limitNotReached: {
    kk: 'Шекті мөлшерден ({limit} теңге) аспайды.',
    ru: 'Не превышает предельного размера ({limit} тенге).',
    en: 'Does not exceed the limit amount ({limit} tenge).',
  },
  decisionGrant: {
    kk: 'Шешім: әлеуметтік көмек көрсетілсін, {amount} теңге, {periodicity}.',
    ru: 'Решение: оказать социальную помощь, {amount} тенге, {periodicity}.',
    en: 'Decision: grant social assistance of {amount} tenge, {periodicity}.',
  },
  decisionRefuse: {
    kk: 'Шешім: әлеуметтік көмек көрсетуден бас тартылсын ({grounds}).',
    ru: 'Решение: отказать в оказании социальной помощи ({grounds}).',
    en: 'Decision: refuse social assistance ({grounds}).',
  },
  hearing: {
    kk: 'Бас тарту негіздері анықталды: шешімге дейін кемінде үш жұмыс күні бұрын өтініш беруші алдын ала шешім және тыңдау туралы хабардар етіледі.',
    ru: 'Установлены основания для отказа: не менее чем за три рабочих дня до решения заявитель уведомляется о предварительном решении и заслушивании.',
    en: 'Refusal grounds found: at least three working days before the decision the applicant is notified of the preliminary decision and the hearing.',
  },
  holidayNoApplication: {
    kk: '{name} ({date}): әлеуметтік көмек өтінішсіз көрсетіледі.',
    ru: '{name} ({date}): социальная помощь оказывается без заявления.',
    en: '{name} ({date}): social assistance is given without an application.',
  },
  terminationApplies: {
    kk: 'Көмек тоқтатылады ({ground}): {event} күні туындаған мән-жай; төлем {stop} бастап тоқтатылады.',
    ru: 'Помощь прекращается ({ground}): обстоятельство наступило {event}; выплата прекращается с {stop}.',
    en: 'Assistance ends ({ground}): the circumstance arose on {event}; payment stops from {stop}.',
  },
  terminationNotApplied: {
    kk: '22-тармақтың 3) тармақшасы 6-тармақтың {assistanceGround} тармақшасы бойынша тағайындалған көмекке қолданылмайды: көмек тоқтатылмайды.',
    ru: 'Подпункт 3) пункта 22 не применяется к помощи, назначенной по подпункту {assistanceGround} пункта 6: помощь не прекращается.',
    en: 'p.22.3 does not apply to assistance assigned on ground {assistanceGround}: the assistance continues.',
  },
} as const satisfies Record<string, Template>;

export type TextKey = keyof typeof TEXTS;

/** A value to put in a template: the same in every language, or different per language. */
export type TextValue = string | number | Text;

/** Templates split once into literal and placeholder parts: even indices literal text, odd indices names. */
const COMPILED = new Map<TextKey, Readonly<Record<Lang, readonly string[]>>>();
function compiled(key: TextKey): Readonly<Record<Lang, readonly string[]>> {
  let c = COMPILED.get(key);
  if (!c) {
    const t = TEXTS[key];
    c = { kk: t.kk.split(/\{(\w+)\}/), ru: t.ru.split(/\{(\w+)\}/), en: t.en.split(/\{(\w+)\}/) };
    COMPILED.set(key, c);
  }
  return c;
}

function fill(parts: readonly string[], lang: Lang, vars: Readonly<Record<string, TextValue>>): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = vars[name];
    out += (v === undefined ? `{${name}}` : typeof v === 'object' ? v[lang] : String(v)) + parts[i + 1]!;
  }
  return out;
}

/** Fills a catalogue template with named values, in every language. */
export function say(key: TextKey, vars: Readonly<Record<string, TextValue>> = {}): Text {
  const c = compiled(key);
  return { kk: fill(c.kk, 'kk', vars), ru: fill(c.ru, 'ru', vars), en: fill(c.en, 'en', vars) };
}

export const PERIODICITY_TEXT = {
  'one-time': { kk: 'біржолғы', ru: 'единовременно', en: 'one-time' },
  monthly: { kk: 'ай сайын', ru: 'ежемесячно', en: 'monthly' },
  quarterly: { kk: 'тоқсан сайын', ru: 'ежеквартально', en: 'quarterly' },
  yearly: { kk: 'жыл сайын', ru: 'ежегодно', en: 'yearly' },
} as const satisfies Record<string, Text>;

export const TERMINATION_GROUND_TEXT = {
  1: { kk: '22-тармақтың 1) тармақшасы — алушы қайтыс болды', ru: 'подпункт 1) пункта 22 — смерть получателя', en: 'p.22.1 — the recipient died' },
  2: { kk: '22-тармақтың 2) тармақшасы — алушы аудан шегінен тыс тұрақты тұруға кетті', ru: 'подпункт 2) пункта 22 — выезд получателя на ПМЖ за пределы района', en: 'p.22.2 — the recipient moved permanently out of the district' },
  3: { kk: '22-тармақтың 3) тармақшасы — алушы мемлекеттік медициналық-әлеуметтік мекемеге жіберілді', ru: 'подпункт 3) пункта 22 — направление получателя в государственное медико-социальное учреждение', en: 'p.22.3 — the recipient was placed in a state medical-social institution' },
  4: { kk: '22-тармақтың 4) тармақшасы — мәліметтердің дәйексіздігі анықталды', ru: 'подпункт 4) пункта 22 — выявлена недостоверность сведений', en: 'p.22.4 — the data proved unreliable' },
  5: { kk: '22-тармақтың 5) тармақшасы — көмек көрсетуге негіз болмай қалды', ru: 'подпункт 5) пункта 22 — основание для помощи отпало', en: 'p.22.5 — the ground for assistance has ceased' },
} as const satisfies Record<number, Text>;
