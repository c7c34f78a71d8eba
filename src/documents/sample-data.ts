/**
 * Demo data for every form (`komek documents sample`): a synthetic Koksu family, marked synthetic so
 * every page carries the demo banner. Names, IINs and the IBAN are invented (valid check digits).
 */
import { APPEAL_TEXT } from './forms';
import { issuerFor } from './issuer';
import type { DocumentData, FormCode, L, Row } from './template';
import { REFUSAL_GROUND_NAMES, clauseLabel } from '../notifications/notice-texts';

const l = (kk: string, ru: string): L => ({ kk, ru });

const applicant = { name: 'Жұмабаева Әсел Қайратқызы', iin: '800517450011', birth: '17.05.1980' };
const address = l('Жетісу облысы, Көксу ауданы, Балпық би ауылы, Абай көшесі, 12-үй', 'область Жетісу, Коксуский район, село Балпык би, улица Абая, дом 12');

const family: Row[] = [
  { name: applicant.name, iin: applicant.iin, birthDate: applicant.birth, relation: l('өтініш беруші', 'заявитель'), occupation: l('жұмыссыз', 'безработная'), income: '0,00' },
  { name: 'Жұмабаев Нұрлан Серікұлы', iin: '780302350027', birthDate: '02.03.1978', relation: l('жұбайы', 'супруг'), occupation: l('маусымдық жұмысшы', 'сезонный рабочий'), income: '180 000,00' },
  { name: 'Жұмабаева Аружан Нұрланқызы', iin: '100911650034', birthDate: '11.09.2010', relation: l('қызы', 'дочь'), occupation: l('оқушы', 'школьница'), income: '0,00' },
  { name: 'Жұмабаев Ерасыл Нұрланұлы', iin: '150420550048', birthDate: '20.04.2015', relation: l('ұлы', 'сын'), occupation: l('оқушы', 'школьник'), income: '0,00' },
];

const ground = l('6.4 — жан басына шаққандағы орташа табыс шектен аспайды', '6.4 — среднедушевой доход не выше порога');
const category = l('Табысы аз отбасылар, біржолғы көмек (мысал — 15-63 шешімімен салыстыру керек)', 'Малообеспеченные семьи, единовременная помощь (пример — сверить с решением 15-63)');

export function sampleDocument(form: FormCode, outcome: 'grant' | 'refuse' = form === '6' ? 'refuse' : 'grant'): DocumentData {
  const base = { synthetic: true, issuer: issuerFor() } as const;
  switch (form) {
    case '1':
      return {
        ...base,
        number: 'KOK-2025-000101',
        date: '2025-03-04',
        values: {
          applicantName: applicant.name,
          applicantIin: applicant.iin,
          applicantBirthDate: applicant.birth,
          address,
          mobile: '+7 701 123 45 67',
          ground,
          category,
          regNumber: 'KOK-2025-000101, 04.03.2025',
          channel: l('Уәкілетті орган', 'Уполномоченный орган'),
          representative: null,
          powerOfAttorney: null,
          family,
          incomeDeclaration: l('540 000,00 теңге (2024 ж. IV тоқсан)', '540 000,00 тенге (IV квартал 2024 г.)'),
          iban: 'KZ86125KZT5004100100',
          bank: l('«Қазпошта» АҚ', 'АО «Казпочта»'),
          documents: [l('Жеке куәлік (көшірмесі, түпнұсқасымен салыстырылды)', 'Удостоверение личности (копия, сверена с оригиналом)'), l('Жұбайының табысы туралы анықтама', 'Справка о доходах супруга')],
        },
        signatures: { applicant: 'Жұмабаева Ә. Қ.', employee: 'Сәрсенбаева Г. М.' },
      };
    case '1-3':
      return {
        ...base,
        number: 'KOK-Қ-2025-000007',
        date: '2025-03-04',
        values: {
          body: l('Уәкілетті орган', 'Уполномоченный орган'),
          applicantName: applicant.name,
          applicantIin: applicant.iin,
          category,
          missing: [l('Отбасы мүшелерінің табысы туралы мәліметтер (АЖ-да жоқ)', 'Сведения о доходах членов семьи (отсутствуют в ИС)')],
          expired: [l('Жеке куәлік № 041234567 — мерзімі 01.02.2025 өткен', 'Удостоверение личности № 041234567 — срок истёк 01.02.2025')],
        },
        signatures: { employee: 'Сәрсенбаева Г. М.', applicant: null },
      };
    case '2':
      return {
        ...base,
        number: 'А-2025-000031',
        date: '2025-03-06',
        values: {
          commission: l('Балпық би ауылдық округінің учаскелік комиссиясы', 'Участковая комиссия Балпыкского сельского округа'),
          applicantName: applicant.name,
          applicantIin: applicant.iin,
          address,
          application: 'KOK-2025-000101, 04.03.2025',
          family,
          housing: l('Жеке үй, 3 бөлме, 64 м², жылыту — пеш', 'Частный дом, 3 комнаты, 64 м², отопление печное'),
          subsidiaryFarm: l('Сиыр — 1 бас, құс — 10 бас', 'Корова — 1 голова, птица — 10 голов'),
          property: l('Автокөлік жоқ', 'Автомобиля нет'),
          observations: l('Отбасы тұрмысы қанағаттанарлық, жұбайы маусымдық жұмыста.', 'Бытовые условия удовлетворительные, супруг занят на сезонной работе.'),
          refusal: l('Бас тартқан жоқ', 'Не отказывалась'),
        },
        signatures: { chair: 'Омарова Д. С.', member: 'Төлеуов Б. А.', applicant: 'Жұмабаева Ә. Қ.' },
      };
    case '3':
      return {
        ...base,
        number: 'Қ-2025-000031',
        date: '2025-03-06',
        values: {
          commission: l('Балпық би ауылдық округінің учаскелік комиссиясы', 'Участковая комиссия Балпыкского сельского округа'),
          act: l('№ А-2025-000031, 06.03.2025', '№ А-2025-000031 от 06.03.2025'),
          applicantName: applicant.name,
          applicantIin: applicant.iin,
          conclusion: l('Әлеуметтік көмекке мұқтаж', 'Нуждается в социальной помощи'),
          reason: l('Жан басына шаққандағы орташа табыс шектен төмен; отбасында екі кәмелетке толмаған бала бар.', 'Среднедушевой доход ниже порога; в семье двое несовершеннолетних детей.'),
        },
        signatures: { chair: 'Омарова Д. С.', member: 'Төлеуов Б. А.' },
      };
    case '4':
    case '5':
    case '6': {
      const refused = outcome === 'refuse';
      const ground20 = 'p.20.3';
      const refusalReason = refused
        ? l(
            `Қағидалардың ${clauseLabel(ground20, 'kk')}: ${REFUSAL_GROUND_NAMES[ground20]!.kk}.`,
            `${clauseLabel(ground20, 'ru')} Правил: ${REFUSAL_GROUND_NAMES[ground20]!.ru}.`,
          )
        : null;
      const decision = l('№ ШЕШ-2025-000017, 14.03.2025', '№ ШЕШ-2025-000017 от 14.03.2025');
      const values: Record<string, DocumentData['values'][string]> = {
        applicantName: applicant.name,
        applicantIin: applicant.iin,
        address,
        application: 'KOK-2025-000101, 04.03.2025',
        ground,
        category,
        perCapita: refused ? l('45 000,00 теңге/ай', '45 000,00 тенге/мес.') : l('15 000,00 теңге/ай', '15 000,00 тенге/мес.'),
        threshold: l('1,5 × ең төмен күнкөріс деңгейі = 69 802,50 теңге', '1,5 × прожиточный минимум = 69 802,50 тенге'),
        precinct: l('№ Қ-2025-000031, 06.03.2025 — мұқтаж', '№ Қ-2025-000031 от 06.03.2025 — нуждается'),
        special: refused ? l('Мұқтаж емес', 'Не нуждается') : l('Мұқтаж; ұсынылған сома 43 250,00 теңге', 'Нуждается; рекомендуемая сумма 43 250,00 тенге'),
        hearing: refused ? l('Алдын ала шешім 07.03.2025 хабарланды; қарсылық берілмеді', 'Предварительное решение направлено 07.03.2025; возражений не поступило') : l('Талап етілмейді (көмек тағайындалады)', 'Не требуется (помощь назначается)'),
        outcome: refused ? l('Әлеуметтік көмек көрсетуден бас тартылсын', 'Отказать в оказании социальной помощи') : l('Әлеуметтік көмек көрсетілсін', 'Оказать социальную помощь'),
        assistanceType: refused ? null : l('Ақшалай, біржолғы', 'Денежная, единовременная'),
        amount: refused ? null : l('43 250,00 теңге (10 АЕК)', '43 250,00 тенге (10 МРП)'),
        periodicity: refused ? null : l('Біржолғы', 'Единовременно'),
        period: refused ? null : l('2025 ж. наурыз', 'март 2025 г.'),
        account: refused ? null : 'KZ86125KZT5004100100',
        refusalReason,
        decision,
        granted: l('Біржолғы ақшалай әлеуметтік көмек — 43 250,00 теңге.', 'Единовременная денежная социальная помощь — 43 250,00 тенге.'),
        appeal: APPEAL_TEXT,
        explanation: [
          { clause: '6.4', text: l('Өтініш беруші табысы аз отбасы ретінде жүгінді.', 'Заявитель обратился как малообеспеченная семья.') },
          {
            clause: '20.3',
            text: l('Жан басына шаққандағы табыс (15 000,00 теңге) шектен (69 802,50 теңге) аспайды: 20.3-т. бойынша бас тарту жоқ.', 'Среднедушевой доход (15 000,00 тенге) не выше порога (69 802,50 тенге): отказа по п. 20.3 нет.'),
          },
          { clause: '18', text: l('Шешім тіркелген күннен бастап 8 жұмыс күні ішінде қабылданды (мерзімі 16.03.2025).', 'Решение принято в течение 8 рабочих дней с регистрации (срок 16.03.2025).') },
        ],
      };
      if (refused) {
        values.explanation = [
          { clause: '6.4', text: l('Өтініш беруші табысы аз отбасы ретінде жүгінді.', 'Заявитель обратился как малообеспеченная семья.') },
          { clause: '20.3', text: l('Жан басына шаққандағы табыс (45 000,00 теңге) шектен (30 000,00 теңге) артық: 20.3-т. бойынша бас тарту.', 'Среднедушевой доход (45 000,00 тенге) выше порога (30 000,00 тенге): отказ по п. 20.3.') },
          { clause: '18', text: l('Бас тарту алдында тыңдау өткізілді; шешім мерзімінде қабылданды.', 'Перед отказом проведено заслушивание; решение принято в срок.') },
        ];
        values.threshold = l('1,0 × ең төмен күнкөріс деңгейі = 30 000,00 теңге (мысал)', '1,0 × прожиточный минимум = 30 000,00 тенге (пример)');
      }
      return {
        ...base,
        number: form === '4' ? 'ШЕШ-2025-000017' : null,
        date: '2025-03-14',
        values,
        signatures: { head: 'Бекмұханов Е. Т.' },
        clauses: refused ? ['p.20.3'] : ['p.7', 'p.21'],
      };
    }
    case 'hearing':
      return {
        ...base,
        number: null,
        date: '2025-03-10',
        values: {
          applicantName: applicant.name,
          address,
          application: 'KOK-2025-000101, 04.03.2025',
          refusalReason: l('Қағидалардың 20-тармағының 3)-тармақшасы: жан басына шаққандағы орташа табыс белгіленген шектен артық.', 'Подпункт 3) пункта 20 Правил: среднедушевой доход выше установленного порога.'),
          preliminary: 'Жан басына шаққандағы табыс 45 000,00 теңге, шегі 30 000,00 теңге.',
          hearing: l('12.03.2025 10:00, Балпық би ауылы, Жеңіс к-сі, 15, 204-кабинет', '12.03.2025 10:00, с. Балпык би, ул. Жениса, 15, каб. 204'),
          objectionDue: l('12.03.2025 қоса алғанда (2 жұмыс күні)', 'по 12.03.2025 включительно (2 рабочих дня)'),
          plannedDecision: '14.03.2025',
        },
        signatures: { official: 'Сәрсенбаева Г. М.' },
        clauses: ['p.20.3'],
      };
  }
}
