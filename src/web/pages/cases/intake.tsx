/**
 * Intake of a paper application (form 1, p.11) at the authorized body, the rural akim's office or the
 * State Corporation: the applicant, the application, then the document checklist of the chosen category
 * (only where the information systems lack the data; originals compared with copies). The server
 * registers the application (p.12) or, with an incomplete set or expired documents, issues the form 1-3
 * refusal receipt, shown here with its PDF.
 */
import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { formErrors } from '../../components/form-field';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { localizedName } from '../../format';
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

export default function IntakePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const categories = useApi(() => casesApi.categories(), []);
  const districts = useApi(() => api.ruralDistricts.list(), []);
  const [active, setActive] = useState(0);
  const [v, setV] = useState({ iin: '', lastName: '', firstName: '', patronymic: '', birthDate: '', categoryCode: '', ruralDistrictId: me.ruralDistrictId ?? '', address: '', mobile: '', iban: '' });
  const [docs, setDocs] = useState<Record<string, DocRow>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ registered?: { id: string; regNumber: string }; receipt?: Receipt } | null>(null);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const category = useMemo(() => categories.data?.categories.find((c) => c.code === v.categoryCode), [categories.data, v.categoryCode]);

  const client: Record<string, string | undefined> = {
    'applicant.iin': active === 0 && v.iin !== '' && !/^\d{12}$/.test(v.iin) ? t('cases:intake.iinFormat') : undefined,
  };
  const errors = formErrors(client, error);
  const step0Ok = /^\d{12}$/.test(v.iin) && v.lastName.trim() !== '' && v.firstName.trim() !== '';
  const step1Ok = v.categoryCode !== '' && v.ruralDistrictId !== '' && v.address.trim().length >= 3;

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
          <Button variant="default" onClick={() => { setDone(null); setActive(0); setDocs({}); setV((s) => ({ ...s, iin: '', lastName: '', firstName: '', patronymic: '', birthDate: '' })); }}>{t('cases:intake.another')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('cases:intake.title')} description={t('cases:intake.subtitle')} />
      {error && !error.fields.length ? <ErrorAlert error={error} /> : null}
      {error?.fields.length ? <Alert color="red" variant="light">{error.fields.map((f) => f.message).join(' · ')}</Alert> : null}
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
            </SimpleGrid>
            {category ? (
              <Text fz="sm" c="dimmed" mt="sm">
                {t('cases:intake.categoryInfo', { ground: category.ground, periodicity: t(`cases:periodicity.${category.periodicity}`, { defaultValue: category.periodicity }) })}{' '}
                {category.incomeTest ? t('cases:intake.incomeTested') : t('cases:intake.noIncomeTest')}
              </Text>
            ) : null}
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
        {active < 2 ? (
          <Button disabled={(active === 0 && !step0Ok) || (active === 1 && !step1Ok)} onClick={() => setActive((a) => a + 1)} data-testid="intake-next">{t('cases:intake.next')}</Button>
        ) : (
          <Button loading={busy} onClick={() => void submit()} data-testid="intake-submit">{t('cases:intake.submit')}</Button>
        )}
      </Group>
    </Stack>
  );
}
