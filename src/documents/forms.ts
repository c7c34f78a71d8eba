/**
 * The templates of the forms Komek issues (Model Rules appendices 1, 1-3, 2, 3, 4, 5, 6; the Koksu Rules
 * p.11–p.19 refer to them). Field lists follow the spec's "Appendix forms" table [assumed
 * reconstructions]: they are data, to be corrected against the official appendices without touching code.
 */
import type { FormCode, FormTemplate, L } from './template';

const l = (kk: string, ru: string): L => ({ kk, ru });


export const FAMILY_COLUMNS = [
  { key: 'name', label: l('Тегі, аты, әкесінің аты', 'Фамилия, имя, отчество'), width: 3.2 },
  { key: 'iin', label: l('ЖСН', 'ИИН'), width: 2 },
  { key: 'birthDate', label: l('Туған күні', 'Дата рождения'), width: 1.5 },
  { key: 'relation', label: l('Туыстық қатынасы', 'Родство'), width: 1.5 },
  { key: 'occupation', label: l('Жұмысы (оқуы)', 'Занятость'), width: 1.8 },
  { key: 'income', label: l('Табысы, теңге', 'Доход, тенге'), width: 1.5 },
] as const;

const form1: FormTemplate = {
  form: '1',
  appendix: '1',
  addressee: l('{body} басшысына', 'Руководителю: {body}'),
  title: l('Әлеуметтік көмек көрсетуге арналған өтініш', 'Заявление на оказание социальной помощи'),
  clauses: ['p.11', 'p.12'],
  sections: [
    {
      heading: l('Өтініш беруші', 'Заявитель'),
      fields: [
        { kind: 'text', key: 'applicantName', label: l('Тегі, аты, әкесінің аты', 'Фамилия, имя, отчество') },
        { kind: 'text', key: 'applicantIin', label: l('ЖСН', 'ИИН') },
        { kind: 'text', key: 'applicantBirthDate', label: l('Туған күні', 'Дата рождения') },
        { kind: 'text', key: 'address', label: l('Тұрғылықты мекенжайы', 'Адрес проживания') },
        { kind: 'text', key: 'mobile', label: l('Ұялы телефоны', 'Мобильный телефон') },
      ],
    },
    {
      heading: l('Өтініш мәні', 'Предмет заявления'),
      fields: [
        { kind: 'text', key: 'ground', label: l('Мұқтаж деп тану негізі (6-т.)', 'Основание отнесения к нуждающимся (п. 6)') },
        { kind: 'text', key: 'category', label: l('Санаты (7-т.)', 'Категория (п. 7)') },
        { kind: 'text', key: 'regNumber', label: l('Тіркеу нөмірі, күні', 'Регистрационный номер, дата') },
        { kind: 'text', key: 'channel', label: l('Қабылдаған орган', 'Принявший орган') },
      ],
    },
    {
      heading: l('Өкіл (ҚР Азаматтық кодексінің 167-бабы)', 'Представитель (ст. 167 Гражданского кодекса РК)'),
      fields: [
        { kind: 'text', key: 'representative', label: l('Өкілдің аты-жөні, ЖСН', 'ФИО, ИИН представителя') },
        { kind: 'text', key: 'powerOfAttorney', label: l('Сенімхат (нөмірі, күні, мерзімі)', 'Доверенность (номер, дата, срок)') },
      ],
    },
    {
      heading: l('Отбасы құрамы және табысы', 'Состав семьи и доходы'),
      fields: [
        { kind: 'table', key: 'family', columns: FAMILY_COLUMNS },
        { kind: 'text', key: 'incomeDeclaration', label: l('Өтініш берілген тоқсаннан алдыңғы тоқсандағы жиынтық табыс', 'Совокупный доход за квартал, предшествующий кварталу обращения') },
      ],
    },
    {
      heading: l('Төлем деректемелері', 'Реквизиты для выплаты'),
      fields: [
        { kind: 'text', key: 'iban', label: l('Банктік шот (IBAN)', 'Банковский счёт (IBAN)') },
        { kind: 'text', key: 'bank', label: l('Банк', 'Банк') },
      ],
    },
    {
      heading: l('Қоса берілген құжаттар', 'Приложенные документы'),
      fields: [{ kind: 'list', key: 'documents' }],
    },
    {
      fields: [
        {
          kind: 'note',
          text: l(
            'Ақпараттық жүйелердегі мен туралы және отбасы мүшелерім туралы дербес деректерді жинауға, өңдеуге және пайдалануға келісемін.',
            'Согласен(на) на сбор, обработку и использование моих персональных данных и данных членов моей семьи, содержащихся в информационных системах.',
          ),
        },
        {
          kind: 'note',
          text: l(
            'Дәйексіз мәліметтер бергенім үшін Қазақстан Республикасының заңдарында белгіленген жауаптылық туралы ескертілдім (Қағидалардың 20.1 және 22.4-тармақшалары).',
            'Предупрежден(а) об ответственности за представление недостоверных сведений, установленной законами Республики Казахстан (пп. 1) п. 20 и пп. 4) п. 22 Правил).',
          ),
        },
      ],
    },
  ],
  signatures: [
    { key: 'applicant', label: l('Өтініш беруші', 'Заявитель') },
    { key: 'employee', label: l('Құжаттарды қабылдаған маман', 'Специалист, принявший документы') },
  ],
};

const form13: FormTemplate = {
  form: '1-3',
  appendix: '1-3',
  title: l('Әлеуметтік көмек көрсетуге өтініш қабылдаудан бас тарту туралы қолхат', 'Расписка об отказе в приеме заявления на оказание социальной помощи'),
  clauses: ['p.11'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'body', label: l('Қабылдаған орган', 'Принимающий орган') },
        { kind: 'text', key: 'applicantName', label: l('Өтініш беруші', 'Заявитель') },
        { kind: 'text', key: 'applicantIin', label: l('ЖСН', 'ИИН') },
        { kind: 'text', key: 'category', label: l('Сұралған көмек санаты', 'Запрошенная категория помощи') },
        {
          kind: 'note',
          text: l(
            'Қағидалардың 11-тармағына сәйкес толық емес құжаттар топтамасы және (немесе) қолданылу мерзімі өткен құжаттар ұсынылуына байланысты өтінішті қабылдаудан бас тартылады.',
            'В соответствии с пунктом 11 Правил в приеме заявления отказано в связи с представлением неполного пакета документов и (или) документов с истекшим сроком действия.',
          ),
        },
      ],
    },
    { heading: l('Жетіспейтін құжаттар', 'Недостающие документы'), fields: [{ kind: 'list', key: 'missing' }] },
    { heading: l('Қолданылу мерзімі өткен құжаттар', 'Документы с истекшим сроком действия'), fields: [{ kind: 'list', key: 'expired' }] },
    {
      fields: [
        {
          kind: 'note',
          text: l(
            'Жетіспейтін құжаттарды ұсынғаннан кейін өтінішпен қайта жүгінуге болады.',
            'После представления недостающих документов можно обратиться с заявлением повторно.',
          ),
        },
      ],
    },
  ],
  signatures: [
    { key: 'employee', label: l('Қолхатты берген қызметкер', 'Сотрудник, выдавший расписку') },
    { key: 'applicant', label: l('Қолхатты алдым', 'Расписку получил(а)') },
  ],
};

const form2: FormTemplate = {
  form: '2',
  appendix: '2',
  title: l('Тұлғаның (отбасының) материалдық жағдайын зерттеп-қарау актісі', 'Акт обследования материального положения лица (семьи)'),
  clauses: ['p.12', 'p.13'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'commission', label: l('Учаскелік комиссия', 'Участковая комиссия') },
        { kind: 'text', key: 'applicantName', label: l('Өтініш беруші', 'Заявитель') },
        { kind: 'text', key: 'applicantIin', label: l('ЖСН', 'ИИН') },
        { kind: 'text', key: 'address', label: l('Мекенжайы', 'Адрес') },
        { kind: 'text', key: 'application', label: l('Өтініш', 'Заявление') },
      ],
    },
    { heading: l('Отбасы құрамы және табысы', 'Состав семьи и доходы'), fields: [{ kind: 'table', key: 'family', columns: FAMILY_COLUMNS }] },
    {
      heading: l('Тұрмыс жағдайы', 'Условия проживания'),
      fields: [
        { kind: 'text', key: 'housing', label: l('Тұрғын үй', 'Жильё') },
        { kind: 'text', key: 'subsidiaryFarm', label: l('Жеке қосалқы шаруашылық', 'Личное подсобное хозяйство') },
        { kind: 'text', key: 'property', label: l('Мүлкі', 'Имущество') },
        { kind: 'paragraph', key: 'observations', label: l('Комиссияның байқаулары', 'Наблюдения комиссии') },
        { kind: 'paragraph', key: 'refusal', label: l('Зерттеп-қараудан бас тарту туралы белгі (20.2-т.)', 'Отметка об отказе от обследования (пп. 2) п. 20)') },
      ],
    },
  ],
  signatures: [
    { key: 'chair', label: l('Комиссия төрағасы', 'Председатель комиссии') },
    { key: 'member', label: l('Комиссия мүшесі', 'Член комиссии') },
    { key: 'applicant', label: l('Актімен таныстым', 'С актом ознакомлен(а)') },
  ],
};

const form3: FormTemplate = {
  form: '3',
  appendix: '3',
  title: l('Учаскелік комиссияның қорытындысы', 'Заключение участковой комиссии'),
  clauses: ['p.13'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'commission', label: l('Учаскелік комиссия', 'Участковая комиссия') },
        { kind: 'text', key: 'act', label: l('Зерттеп-қарау актісі', 'Акт обследования') },
        { kind: 'text', key: 'applicantName', label: l('Өтініш беруші', 'Заявитель') },
        { kind: 'text', key: 'applicantIin', label: l('ЖСН', 'ИИН') },
        { kind: 'text', key: 'conclusion', label: l('Қорытынды', 'Заключение') },
        { kind: 'paragraph', key: 'reason', label: l('Негіздемесі', 'Обоснование') },
      ],
    },
  ],
  signatures: [
    { key: 'chair', label: l('Комиссия төрағасы', 'Председатель комиссии') },
    { key: 'member', label: l('Комиссия мүшесі', 'Член комиссии') },
  ],
};

const form4: FormTemplate = {
  form: '4',
  appendix: '4',
  title: l('Әлеуметтік көмек көрсету (көрсетуден бас тарту) туралы шешім', 'Решение об оказании (отказе в оказании) социальной помощи'),
  clauses: ['p.18'],
  sections: [
    {
      heading: l('Өтініш беруші', 'Заявитель'),
      fields: [
        { kind: 'text', key: 'applicantName', label: l('Тегі, аты, әкесінің аты', 'Фамилия, имя, отчество') },
        { kind: 'text', key: 'applicantIin', label: l('ЖСН', 'ИИН') },
        { kind: 'text', key: 'application', label: l('Өтініш (тіркеу нөмірі, күні)', 'Заявление (рег. номер, дата)') },
        { kind: 'text', key: 'ground', label: l('Негізі (6-т.)', 'Основание (п. 6)') },
        { kind: 'text', key: 'category', label: l('Санаты (7-т.)', 'Категория (п. 7)') },
      ],
    },
    {
      heading: l('Қаралған мәліметтер', 'Рассмотренные сведения'),
      fields: [
        { kind: 'text', key: 'perCapita', label: l('Жан басына шаққандағы орташа табыс', 'Среднедушевой доход') },
        { kind: 'text', key: 'threshold', label: l('Белгіленген шек', 'Установленный порог') },
        { kind: 'text', key: 'precinct', label: l('Учаскелік комиссияның қорытындысы', 'Заключение участковой комиссии') },
        { kind: 'text', key: 'special', label: l('Арнайы комиссияның қорытындысы', 'Заключение специальной комиссии') },
        { kind: 'text', key: 'hearing', label: l('Тыңдау (18-т.)', 'Заслушивание (п. 18)') },
      ],
    },
    {
      heading: l('Шешім', 'Решение'),
      fields: [
        { kind: 'text', key: 'outcome', label: l('Шешім', 'Решение') },
        { kind: 'text', key: 'assistanceType', label: l('Көмек түрі', 'Вид помощи') },
        { kind: 'text', key: 'amount', label: l('Сомасы', 'Сумма') },
        { kind: 'text', key: 'periodicity', label: l('Кезеңділігі', 'Периодичность') },
        { kind: 'text', key: 'period', label: l('Төлем кезеңі', 'Период выплаты') },
        { kind: 'text', key: 'account', label: l('Банктік шот', 'Банковский счёт') },
        { kind: 'paragraph', key: 'refusalReason', label: l('Бас тарту себебі', 'Причина отказа') },
      ],
    },
    {
      heading: l('Шешімнің тармақтар бойынша түсіндірмесі', 'Обоснование решения по пунктам Правил'),
      fields: [{ kind: 'table', key: 'explanation', columns: [{ key: 'clause', label: l('Тармақ', 'Пункт'), width: 1 }, { key: 'text', label: l('Қолданылғаны', 'Что применено'), width: 7 }] }],
    },
  ],
  signatures: [{ key: 'head', label: l('Уәкілетті орган басшысы', 'Руководитель уполномоченного органа') }],
};

const form5: FormTemplate = {
  form: '5',
  appendix: '5',
  title: l('Әлеуметтік көмек көрсету туралы хабарлама', 'Уведомление об оказании социальной помощи'),
  clauses: ['p.19'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'applicantName', label: l('Кімге', 'Кому') },
        { kind: 'text', key: 'address', label: l('Мекенжайы', 'Адрес') },
        { kind: 'text', key: 'decision', label: l('Шешім', 'Решение') },
        { kind: 'paragraph', key: 'granted', label: l('Тағайындалды', 'Назначено') },
        { kind: 'text', key: 'account', label: l('Төлем шоты', 'Счёт для выплаты') },
        {
          kind: 'note',
          text: l(
            'Көмек сомасы Мемлекеттік корпорация арқылы көрсетілген банктік шотқа аударылады (Қағидалардың 21, 26–29-тармақтары). Құқыққа әсер ететін мән-жайлар туралы 10 жұмыс күні ішінде хабарлаңыз (22-т.).',
            'Сумма помощи перечисляется на указанный банковский счёт через Государственную корпорацию (пп. 21, 26–29 Правил). О обстоятельствах, влияющих на право, сообщите в течение 10 рабочих дней (п. 22).',
          ),
        },
      ],
    },
  ],
  signatures: [{ key: 'head', label: l('Уәкілетті орган басшысы', 'Руководитель уполномоченного органа') }],
};

const form6: FormTemplate = {
  form: '6',
  appendix: '6',
  title: l('Әлеуметтік көмек көрсетуден бас тарту туралы хабарлама', 'Уведомление об отказе в оказании социальной помощи'),
  clauses: ['p.19', 'p.20'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'applicantName', label: l('Кімге', 'Кому') },
        { kind: 'text', key: 'address', label: l('Мекенжайы', 'Адрес') },
        { kind: 'text', key: 'decision', label: l('Шешім', 'Решение') },
        { kind: 'paragraph', key: 'refusalReason', label: l('Бас тарту себебі', 'Причина отказа') },
        {
          kind: 'paragraph',
          key: 'appeal',
          label: l('Шағымдану тәртібі', 'Порядок обжалования'),
        },
      ],
    },
  ],
  signatures: [{ key: 'head', label: l('Уәкілетті орган басшысы', 'Руководитель уполномоченного органа') }],
};

/**
 * The notice of the preliminary decision to refuse and of the hearing (p.18; Administrative Procedural
 * Code arts. 73–74). Not an appendix of the Model Rules: its content follows p.18 — the ground with its
 * clause, the hearing's date, time, place or means, the 2-working-day objection window, the day before
 * which no decision is taken, and the protocol-and-remarks rule for an oral objection.
 */
const hearingNotice: FormTemplate = {
  form: 'hearing',
  appendix: null,
  reference: l('Қағидалардың 18-тармағы; ҚР Әкімшілік рәсімдік-процестік кодексінің 73-бабы', 'Пункт 18 Правил; статья 73 Административного процедурно-процессуального кодекса РК'),
  title: l('Бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама', 'Уведомление о предварительном решении об отказе и о заслушивании'),
  clauses: ['p.18'],
  sections: [
    {
      fields: [
        { kind: 'text', key: 'applicantName', label: l('Кімге', 'Кому') },
        { kind: 'text', key: 'address', label: l('Мекенжайы', 'Адрес') },
        { kind: 'text', key: 'application', label: l('Өтініш', 'Заявление') },
        { kind: 'paragraph', key: 'refusalReason', label: l('Бас тартудың алдын ала негізі', 'Предварительное основание отказа') },
        { kind: 'paragraph', key: 'preliminary', label: l('Алдын ала шешім', 'Предварительное решение') },
        { kind: 'text', key: 'hearing', label: l('Тыңдау (күні, уақыты, орны, тәсілі)', 'Заслушивание (дата, время, место, способ)') },
        { kind: 'text', key: 'objectionDue', label: l('Қарсылық беру мерзімі', 'Срок подачи возражения') },
        { kind: 'text', key: 'plannedDecision', label: l('Шешім қабылданатын күн (ерте емес)', 'Решение будет принято не ранее') },
        {
          kind: 'note',
          text: l(
            'Алдын ала шешімге хабарламаны алған күннен бастап 2 жұмыс күні ішінде жазбаша немесе ауызша қарсылық беруге болады. Ауызша қарсылық тыңдау хаттамасына енгізіледі; хаттамамен танысқаннан кейін 3 жұмыс күні ішінде оған ескертулер беруге болады. Уәкілетті орган қарсылық пен ескертулерді қарағаннан кейін ғана шешім қабылдайды (Қағидалардың 18-тармағы).',
            'На предварительное решение можно подать возражение письменно или устно в течение 2 рабочих дней со дня получения уведомления. Устное возражение заносится в протокол заслушивания; с протоколом можно ознакомиться и в течение 3 рабочих дней подать замечания. Решение принимается только после рассмотрения возражения и замечаний (п. 18 Правил).',
          ),
        },
      ],
    },
  ],
  signatures: [{ key: 'official', label: l('Уәкілетті органның лауазымды адамы', 'Должностное лицо уполномоченного органа') }],
};

export const FORMS: Readonly<Record<FormCode, FormTemplate>> = { '1': form1, '1-3': form13, '2': form2, '3': form3, '4': form4, '5': form5, '6': form6, hearing: hearingNotice };

/** How to appeal a refusal (Administrative Procedural Code of the RK, arts. 91–92; then court). */
export const APPEAL_TEXT: L = l(
  'Шешімге Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің тәртібімен жоғары тұрған әкімшілік органға (лауазымды адамға) шағым беруге, кейіннен сотқа жүгінуге болады.',
  'Решение может быть обжаловано в порядке, установленном Административным процедурно-процессуальным кодексом Республики Казахстан, в вышестоящий административный орган (должностному лицу), а затем в суд.',
);
