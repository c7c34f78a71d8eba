/**
 * Intake of a paper application (form 1, p.11) at the authorized body, the rural akim's office or the
 * State Corporation: the applicant and, when they act through one, the representative with the power of
 * attorney (p.11, Civil Code art. 167: an expired or not yet valid power of attorney is refused); the
 * application with the language the notices are to be sent in (p.18, p.19); the family members (IIN,
 * names, relation, birth date — left empty, the household comes from the state systems, form 1-2); then
 * the document checklist of the chosen category (only where the information systems lack the data;
 * originals compared with copies). The server registers the application (p.12) or, with an incomplete
 * set or expired documents, issues the form 1-3 refusal receipt, shown here with its PDF.
 */
import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { formErrors } from '../../components/form-field';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { formatDate, localizedName } from '../../format';
import { currentLanguage } from '../../i18n';
import { api } from '../../api-client';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { casesApi, receiptUrl, type Receipt } from './case-api';

/** The kk/ru name of a configuration entry (`name_kk`, `name_ru`). */
function nameOf(x: { readonly name_kk: string; readonly name_ru: string }, lang: string): string {
  return localizedName({ kk: x.name_kk, ru: x.name_ru }, lang);
}

interface DocRow {
  presented: boolean;
  number: string;
  expiresOn: string;
  originalSeen: boolean;
}

/** A family member as the clerk enters it (form 1: name, IIN, birth date, relation). */
export interface MemberRow {
  readonly key: number;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  relation: string;
}

/** The representative and the power of attorney (Civil Code art. 167). */
export interface RepresentativeRow {
  on: boolean;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  poaNumber: string;
  poaDate: string;
  poaValidUntil: string;
}

export const MEMBER_RELATIONS = ['spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;

const IIN = /^\d{12}$/;

/** What the client can tell at once (messages as catalog keys with values); the server checks everything again. */
export function intakeProblems(
  input: { applicantIin: string; representative: RepresentativeRow; members: readonly MemberRow[] },
  today: string,
): Record<string, { key: string; values?: Record<string, string> } | undefined> {
  const out: Record<string, { key: string; values?: Record<string, string> } | undefined> = {};
  const r = input.representative;
  if (r.on) {
    if (r.iin !== '' && !IIN.test(r.iin)) out['representative.person.iin'] = { key: 'cases:intake.iinFormat' };
    if (r.iin !== '' && r.iin === input.applicantIin) out['representative.person.iin'] = { key: 'cases:intake.representativeIsApplicant' };
    if (r.poaValidUntil !== '' && r.poaValidUntil < today) out['representative.powerOfAttorney.validUntil'] = { key: 'cases:intake.poaExpired', values: { date: r.poaValidUntil } };
    else if (r.poaDate !== '' && r.poaValidUntil !== '' && r.poaValidUntil < r.poaDate) out['representative.powerOfAttorney.validUntil'] = { key: 'cases:intake.poaOrder' };
    if (r.poaDate !== '' && r.poaDate > today) out['representative.powerOfAttorney.date'] = { key: 'cases:intake.poaFuture' };
  }
  const seen = new Set<string>([input.applicantIin]);
  input.members.forEach((m, i) => {
    if (m.iin !== '' && !IIN.test(m.iin)) out[`family[${i}].iin`] = { key: 'cases:intake.iinFormat' };
    else if (m.iin !== '' && m.iin === input.applicantIin) out[`family[${i}].iin`] = { key: 'cases:intake.memberIsApplicant' };
    else if (m.iin !== '' && seen.has(m.iin)) out[`family[${i}].iin`] = { key: 'cases:intake.memberDuplicate' };
    seen.add(m.iin);
    if (m.birthDate !== '' && m.birthDate > today) out[`family[${i}].birthDate`] = { key: 'cases:intake.birthFuture' };
  });
  return out;
}

/** The representative and family parts of the form 1 body. */
export function representativeAndFamily(r: RepresentativeRow, members: readonly MemberRow[]): Record<string, unknown> {
  const name = (m: { lastName: string; firstName: string; patronymic: string }) => [m.lastName.trim(), m.firstName.trim(), m.patronymic.trim()].filter(Boolean).join(' ');
  return {
    ...(r.on
      ? {
          representative: {
            person: { iin: r.iin, lastName: r.lastName.trim(), firstName: r.firstName.trim(), ...(r.patronymic.trim() ? { patronymic: r.patronymic.trim() } : {}) },
            powerOfAttorney: { number: r.poaNumber.trim(), date: r.poaDate, validUntil: r.poaValidUntil },
          },
        }
      : {}),
    // No members listed: the household comes from the state systems (form 1-2).
    ...(members.length ? { family: members.map((m) => ({ iin: m.iin, fullName: name(m), relation: m.relation, ...(m.birthDate ? { birthDate: m.birthDate } : {}) })) } : {}),
  };
}

/** Today in the office's time zone (client side; the server checks again by its own clock). */
function officeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const NO_REPRESENTATIVE: RepresentativeRow = { on: false, iin: '', lastName: '', firstName: '', patronymic: '', poaNumber: '', poaDate: '', poaValidUntil: '' };

export default function IntakePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const categories = useApi(() => casesApi.categories(), []);
  const districts = useApi(() => api.ruralDistricts.list(), []);
  const [active, setActive] = useState(0);
  const [v, setV] = useState({ iin: '', lastName: '', firstName: '', patronymic: '', birthDate: '', categoryCode: '', ruralDistrictId: me.ruralDistrictId ?? '', address: '', mobile: '', iban: '', language: lang === 'ru' ? 'ru' : 'kk' });
  const [rep, setRep] = useState<RepresentativeRow>(NO_REPRESENTATIVE);
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const setR = (k: keyof RepresentativeRow) => (value: string | boolean) => setRep((s) => ({ ...s, [k]: value }));
  const setM = (key: number, k: keyof MemberRow) => (value: string) => setMembers((list) => list.map((m) => (m.key === key ? { ...m, [k]: value } : m)));
  const today = officeToday();
  const [docs, setDocs] = useState<Record<string, DocRow>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ registered?: { id: string; regNumber: string }; receipt?: Receipt } | null>(null);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const category = useMemo(() => categories.data?.categories.find((c) => c.code === v.categoryCode), [categories.data, v.categoryCode]);

  const problems = intakeProblems({ applicantIin: v.iin, representative: rep, members }, today);
  const client: Record<string, string | undefined> = {
    'applicant.iin': active === 0 && v.iin !== '' && !IIN.test(v.iin) ? t('cases:intake.iinFormat') : undefined,
    ...Object.fromEntries(Object.entries(problems).map(([path, p]) => [path, p ? t(p.key, p.values ? { ...p.values, date: p.values.date ? formatDate(p.values.date) : undefined } : {}) : undefined])),
  };
  const errors = formErrors(client, error);
  const has = (prefix: string) => Object.keys(problems).some((k) => k.startsWith(prefix));
  const repOk = !rep.on || (IIN.test(rep.iin) && rep.lastName.trim() !== '' && rep.firstName.trim() !== '' && rep.poaNumber.trim() !== '' && rep.poaDate !== '' && rep.poaValidUntil !== '' && !has('representative'));
  const step0Ok = IIN.test(v.iin) && v.lastName.trim() !== '' && v.firstName.trim() !== '' && repOk;
  const step1Ok = v.categoryCode !== '' && v.ruralDistrictId !== '' && v.address.trim().length >= 3;
  const step2Ok = members.every((m) => IIN.test(m.iin) && m.lastName.trim() !== '' && m.firstName.trim() !== '' && m.relation !== '') && !has('family');
  const poaError = errors.field('representative.powerOfAttorney');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const documents = Object.entries(docs)
        .filter(([, d]) => d.presented)
        .map(([code, d]) => ({ code, ...(d.number ? { number: d.number } : {}), ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}), originalSeen: d.originalSeen }));
      const r = await casesApi.intake({
        applicant: { iin: v.iin, lastName: v.lastName, firstName: v.firstName, ...(v.patronymic ? { patronymic: v.patronymic } : {}), ...(v.birthDate ? { birthDate: v.birthDate } : {}) },
        categoryCode: v.categoryCode,
        ruralDistrictId: v.ruralDistrictId,
        address: v.address,
        ...(v.mobile ? { mobile: v.mobile } : {}),
        ...(v.iban ? { iban: v.iban } : {}),
        language: v.language,
        ...representativeAndFamily(rep, members),
        documents,
      });
      setDone(r.outcome === 'registered' && r.application ? { registered: r.application } : r.receipt ? { receipt: r.receipt } : {});
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Stack gap="md">
        <PageHeader title={t('cases:intake.title')} />
        {done.registered ? (
          <Alert color="teal" variant="light" title={t('cases:intake.registeredTitle')} data-testid="intake-registered">
            <Stack gap="xs">
              <Text>{t('cases:intake.registeredBody', { regNumber: done.registered.regNumber })}</Text>
              <Link to={`/cases/${done.registered.id}`} data-testid="intake-open-case">{t('cases:intake.openCase')}</Link>
            </Stack>
          </Alert>
        ) : done.receipt ? (
          <Alert color="orange" variant="light" title={t('cases:intake.refusedTitle')} data-testid="intake-refused">
            <Stack gap="xs">
              <Text>{t('cases:intake.refusedBody', { number: done.receipt.number })}</Text>
              {done.receipt.missing.length ? <Text fz="sm">{t('cases:intake.missing')}: {done.receipt.missing.map((m) => nameOf(m, lang)).join('; ')}</Text> : null}
              {done.receipt.expired.length ? <Text fz="sm">{t('cases:intake.expired')}: {done.receipt.expired.map((m) => nameOf(m, lang)).join('; ')}</Text> : null}
              <Anchor href={receiptUrl(done.receipt.id, lang)} target="_blank" data-testid="intake-receipt-pdf">{t('cases:intake.receiptPdf')}</Anchor>
            </Stack>
          </Alert>
        ) : null}
        <Group>
          <Button variant="default" onClick={() => { setDone(null); setActive(0); setDocs({}); setRep(NO_REPRESENTATIVE); setMembers([]); setV((s) => ({ ...s, iin: '', lastName: '', firstName: '', patronymic: '', birthDate: '' })); }}>{t('cases:intake.another')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('cases:intake.title')} description={t('cases:intake.subtitle')} />
      {error && !error.fields.length ? <ErrorAlert error={error} /> : null}
      {error?.fields.length ? <Alert color="red" variant="light" data-testid="intake-server-errors">{error.fields.map((f) => f.message).join(' · ')}</Alert> : null}
      <Stepper active={active} onStepClick={setActive} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('cases:intake.stepApplicant')}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('cases:fields.iin')} required value={v.iin} onChange={(e) => set('iin')(e.currentTarget.value.trim())} error={errors.field('applicant.iin')} maxLength={12} data-testid="intake-iin" />
              <TextInput label={t('cases:fields.birthDate')} type="date" value={v.birthDate} onChange={(e) => set('birthDate')(e.currentTarget.value)} data-testid="intake-birth" />
              <TextInput label={t('cases:fields.lastName')} required value={v.lastName} onChange={(e) => set('lastName')(e.currentTarget.value)} error={errors.field('applicant.lastName')} data-testid="intake-last" />
              <TextInput label={t('cases:fields.firstName')} required value={v.firstName} onChange={(e) => set('firstName')(e.currentTarget.value)} error={errors.field('applicant.firstName')} data-testid="intake-first" />
              <TextInput label={t('cases:fields.patronymic')} value={v.patronymic} onChange={(e) => set('patronymic')(e.currentTarget.value)} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" mt="sm" data-testid="intake-representative">
            <Checkbox
              label={t('cases:intake.viaRepresentative')}
              description={t('cases:intake.viaRepresentativeHint')}
              checked={rep.on}
              onChange={(e) => setR('on')(e.currentTarget.checked)}
              data-testid="intake-rep-on"
            />
            {rep.on ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                <TextInput label={t('cases:fields.iin')} required value={rep.iin} maxLength={12} onChange={(e) => setR('iin')(e.currentTarget.value.trim())} error={errors.field('representative.person.iin')} data-testid="intake-rep-iin" />
                <TextInput label={t('cases:fields.lastName')} required value={rep.lastName} onChange={(e) => setR('lastName')(e.currentTarget.value)} error={errors.field('representative.person.lastName')} data-testid="intake-rep-last" />
                <TextInput label={t('cases:fields.firstName')} required value={rep.firstName} onChange={(e) => setR('firstName')(e.currentTarget.value)} error={errors.field('representative.person.firstName')} data-testid="intake-rep-first" />
                <TextInput label={t('cases:fields.patronymic')} value={rep.patronymic} onChange={(e) => setR('patronymic')(e.currentTarget.value)} />
                <TextInput label={t('cases:intake.poaNumber')} required value={rep.poaNumber} onChange={(e) => setR('poaNumber')(e.currentTarget.value)} error={errors.field('representative.powerOfAttorney.number')} data-testid="intake-poa-number" />
                <TextInput label={t('cases:intake.poaDate')} required type="date" value={rep.poaDate} onChange={(e) => setR('poaDate')(e.currentTarget.value)} error={errors.field('representative.powerOfAttorney.date')} data-testid="intake-poa-date" />
                <TextInput
                  label={t('cases:intake.poaValidUntil')}
                  required
                  type="date"
                  value={rep.poaValidUntil}
                  onChange={(e) => setR('poaValidUntil')(e.currentTarget.value)}
                  error={errors.field('representative.powerOfAttorney.validUntil') ?? poaError}
                  data-testid="intake-poa-valid-until"
                />
              </SimpleGrid>
            ) : null}
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('cases:intake.stepApplication')}>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('cases:fields.category')}
                required
                searchable
                value={v.categoryCode || null}
                onChange={(c) => set('categoryCode')(c ?? '')}
                data={(categories.data?.categories ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${nameOf(c, lang)}${c.example ? ` (${t('cases:intake.example')})` : ''}` }))}
                error={errors.field('categoryCode')}
                data-testid="intake-category"
              />
              <Select
                label={t('cases:fields.ruralDistrict')}
                required
                disabled={me.role === 'RURAL_AKIM'}
                value={v.ruralDistrictId || null}
                onChange={(d) => set('ruralDistrictId')(d ?? '')}
                data={(districts.data?.ruralDistricts ?? []).map((d) => ({ value: String(d.id), label: localizedName({ kk: d.name_kk, ru: d.name_ru }, lang) }))}
                data-testid="intake-district"
              />
              <TextInput label={t('cases:fields.address')} required value={v.address} onChange={(e) => set('address')(e.currentTarget.value)} error={errors.field('address')} data-testid="intake-address" />
              <TextInput label={t('cases:fields.mobile')} placeholder="+77011234567" value={v.mobile} onChange={(e) => set('mobile')(e.currentTarget.value.trim())} error={errors.field('mobile')} description={t('cases:intake.mobileHint')} data-testid="intake-mobile" />
              <TextInput label={t('cases:fields.iban')} placeholder="KZ…" value={v.iban} onChange={(e) => set('iban')(e.currentTarget.value.trim().toUpperCase())} error={errors.field('iban')} data-testid="intake-iban" />
              <Stack gap={4}>
                <Text fz="sm" fw={600}>{t('cases:fields.language')}</Text>
                <SegmentedControl
                  value={v.language}
                  onChange={(x) => set('language')(x)}
                  data={[{ value: 'kk', label: t('cases:languages.kk') }, { value: 'ru', label: t('cases:languages.ru') }]}
                  data-testid="intake-language"
                />
                <Text fz="xs" c="dimmed">{t('cases:intake.languageHint')}</Text>
              </Stack>
            </SimpleGrid>
            {category ? (
              <Text fz="sm" c="dimmed" mt="sm">
                {t('cases:intake.categoryInfo', { ground: category.ground, periodicity: t(`cases:periodicity.${category.periodicity}`, { defaultValue: category.periodicity }) })}{' '}
                {category.incomeTest ? t('cases:intake.incomeTested') : t('cases:intake.noIncomeTest')}
              </Text>
            ) : null}
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('cases:intake.stepFamily')}>
          <Paper withBorder p="md" data-testid="intake-family">
            <Text fz="sm" mb="sm">{t('cases:intake.familyHint')}</Text>
            <Stack gap="sm">
              {members.map((m, i) => (
                <Paper key={m.key} withBorder p="sm" data-testid={`intake-member-${i}`}>
                  <Group justify="space-between" mb={4}>
                    <Title order={6}>{t('cases:intake.member', { n: i + 1 })}</Title>
                    <ActionIcon variant="subtle" color="red" aria-label={t('cases:intake.removeMember')} onClick={() => setMembers((list) => list.filter((x) => x.key !== m.key))} data-testid={`intake-member-${i}-remove`}>×</ActionIcon>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label={t('cases:fields.iin')} required value={m.iin} maxLength={12} onChange={(e) => setM(m.key, 'iin')(e.currentTarget.value.trim())} error={errors.field(`family[${i}].iin`)} data-testid={`intake-member-${i}-iin`} />
                    <TextInput label={t('cases:fields.lastName')} required value={m.lastName} onChange={(e) => setM(m.key, 'lastName')(e.currentTarget.value)} data-testid={`intake-member-${i}-last`} />
                    <TextInput label={t('cases:fields.firstName')} required value={m.firstName} onChange={(e) => setM(m.key, 'firstName')(e.currentTarget.value)} data-testid={`intake-member-${i}-first`} />
                    <TextInput label={t('cases:fields.patronymic')} value={m.patronymic} onChange={(e) => setM(m.key, 'patronymic')(e.currentTarget.value)} />
                    <Select
                      label={t('cases:intake.relation')}
                      required
                      value={m.relation || null}
                      onChange={(x) => setM(m.key, 'relation')(x ?? '')}
                      data={MEMBER_RELATIONS.map((r) => ({ value: r, label: t(`cases:relations.${r}`) }))}
                      error={errors.field(`family[${i}].relation`)}
                      data-testid={`intake-member-${i}-relation`}
                    />
                    <TextInput label={t('cases:fields.birthDate')} type="date" value={m.birthDate} onChange={(e) => setM(m.key, 'birthDate')(e.currentTarget.value)} error={errors.field(`family[${i}].birthDate`)} data-testid={`intake-member-${i}-birth`} />
                  </SimpleGrid>
                </Paper>
              ))}
              <Group>
                <Button
                  variant="light"
                  onClick={() => {
                    setMembers((list) => [...list, { key: nextKey, iin: '', lastName: '', firstName: '', patronymic: '', birthDate: '', relation: '' }]);
                    setNextKey((k) => k + 1);
                  }}
                  data-testid="intake-add-member"
                >
                  {t('cases:intake.addMember')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('cases:intake.stepDocuments')}>
          <Paper withBorder p="md">
            <Text fz="sm" mb="sm">{t('cases:intake.checklistHint')}</Text>
            <Table withTableBorder data-testid="intake-checklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases:intake.document')}</Table.Th>
                  <Table.Th>{t('cases:intake.presented')}</Table.Th>
                  <Table.Th>{t('cases:intake.docNumber')}</Table.Th>
                  <Table.Th>{t('cases:intake.expiresOn')}</Table.Th>
                  <Table.Th>{t('cases:intake.originalSeen')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(category?.requiredDocuments ?? []).map((d) => {
                  const row = docs[d.code] ?? { presented: false, number: '', expiresOn: '', originalSeen: false };
                  const upd = (patch: Partial<DocRow>) => setDocs((s) => ({ ...s, [d.code]: { ...row, ...patch } }));
                  return (
                    <Table.Tr key={d.code}>
                      <Table.Td>{nameOf(d, lang)}</Table.Td>
                      <Table.Td><Checkbox checked={row.presented} onChange={(e) => upd({ presented: e.currentTarget.checked })} aria-label={nameOf(d, lang)} data-testid={`intake-doc-${d.code}`} /></Table.Td>
                      <Table.Td><TextInput size="xs" value={row.number} disabled={!row.presented} onChange={(e) => upd({ number: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><TextInput size="xs" type="date" value={row.expiresOn} disabled={!row.presented} onChange={(e) => upd({ expiresOn: e.currentTarget.value })} /></Table.Td>
                      <Table.Td><Checkbox checked={row.originalSeen} disabled={!row.presented} onChange={(e) => upd({ originalSeen: e.currentTarget.checked })} aria-label={t('cases:intake.originalSeen')} /></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Text fz="xs" c="dimmed" mt="xs">{t('cases:intake.checklistNote')}</Text>
          </Paper>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" disabled={active === 0} onClick={() => setActive((a) => a - 1)}>{t('cases:intake.back')}</Button>
        {active < 3 ? (
          <Button disabled={(active === 0 && !step0Ok) || (active === 1 && !step1Ok) || (active === 2 && !step2Ok)} onClick={() => setActive((a) => a + 1)} data-testid="intake-next">{t('cases:intake.next')}</Button>
        ) : (
          <Button loading={busy} onClick={() => void submit()} data-testid="intake-submit">{t('cases:intake.submit')}</Button>
        )}
      </Group>
    </Stack>
  );
}
