/**
 * National dated parameters (issue 6 item 1): each national series — MCI, the budget-law subsistence
 * minimum, the minimum wage, the guaranteed sum of p.7.11 — with its shipped entries and those the
 * department added, each with its source or act, status, and who added it when; a superseded entry stays
 * listed. The administrator adds an entry under its legal reference (act, number, date, clause); the
 * auditor reads.
 */
import { Alert, Button, Card, Code, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { formatDate, formatDateTime, formatMoney } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { tiynOf } from './category-form';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';
import { nationalApi, type NationalEntry, type NationalSeries, type ValueStatus } from './national-api';

const STATUSES: readonly ValueStatus[] = ['official', 'assumed', 'example'];
const STATUS_TONE: Record<ValueStatus, Tone> = { official: 'success', assumed: 'warning', example: 'danger' };

function nameOf(s: NationalSeries, lang: string): string {
  return lang === 'ru' ? s.name_ru : lang === 'en' ? s.name_en : s.name_kk;
}

function valueText(s: NationalSeries, value: number, lang: string): string {
  return s.unit === 'tiyn' ? formatMoney(value, lang) : String(value);
}

export default function NationalParametersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const list = useApi(() => nationalApi.list(), []);
  return (
    <Stack gap="md">
      <PageHeader title={t('national:title')} description={t('national:subtitle')} />
      {me.role !== 'ADMIN' ? <Alert color="gray" variant="light">{t('national:readOnly')}</Alert> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {(list.data?.series ?? []).map((s) => (
        <SeriesCard key={s.id} series={s} />
      ))}
      {me.role === 'ADMIN' && list.data ? <AddEntryForm series={list.data.series} onAdded={list.reload} /> : null}
    </Stack>
  );
}

function SeriesCard({ series }: { series: NationalSeries }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Card withBorder radius="sm" padding="md" data-testid={`national-series-${series.id}`}>
      <Group justify="space-between" align="baseline" mb="xs">
        <div>
          <Text fw={600}>{nameOf(series, lang)}</Text>
          <Code fz="xs">{series.id}</Code>
        </div>
        <Text fz="sm" fw={600} data-testid={`national-today-${series.id}`}>
          {series.today ? t('national:inForceToday', { value: valueText(series, series.today.value, lang), from: formatDate(series.today.from) }) : t('national:noValueToday')}
        </Text>
      </Group>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('national:columns.from')}</Table.Th>
            <Table.Th>{t('national:columns.value')}</Table.Th>
            <Table.Th>{t('national:columns.status')}</Table.Th>
            <Table.Th>{t('national:columns.origin')}</Table.Th>
            <Table.Th>{t('national:columns.source')}</Table.Th>
            <Table.Th>{t('national:columns.added')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.entries.map((e, i) => (
            <EntryRow key={e.origin === 'added' ? `a${e.id}` : `s${String(i)}`} series={series} entry={e} />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function EntryRow({ series, entry }: { series: NationalSeries; entry: NationalEntry }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const dim = entry.superseded ? { c: 'dimmed', td: 'line-through' as const } : {};
  return (
    <Table.Tr data-testid={`national-entry-${series.id}-${entry.from}-${entry.origin}`} data-superseded={entry.superseded}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.from)}</Table.Td>
      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
        <Text span inherit {...dim}>
          {entry.value === null ? t('national:ended') : valueText(series, entry.value, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <StatusBadge tone={STATUS_TONE[entry.status]} label={t(`admin:valueStatus.${entry.status}`)} />
          {entry.superseded ? <StatusBadge tone="neutral" label={t('national:superseded')} /> : null}
        </Group>
      </Table.Td>
      <Table.Td>{entry.origin === 'added' ? <StatusBadge tone="info" label={t('national:origin.added')} /> : <Text fz="xs" c="dimmed">{t('national:origin.shipped')}</Text>}</Table.Td>
      <Table.Td fz="xs">
        {entry.origin === 'added'
          ? `${entry.legal.act} № ${entry.legal.number}, ${formatDate(entry.legal.date)}, ${entry.legal.clause}${entry.note ? ` — ${entry.note}` : ''}`
          : `${entry.source.act}${entry.source.clause ? `, ${entry.source.clause}` : ''}${entry.source.note ? ` (${entry.source.note})` : ''}`}
      </Table.Td>
      <Table.Td fz="xs" style={{ whiteSpace: 'nowrap' }}>
        {entry.origin === 'added' ? `${entry.createdBy ?? '—'}, ${formatDateTime(entry.createdAt)}` : '—'}
      </Table.Td>
    </Table.Tr>
  );
}

function AddEntryForm({ series, onAdded }: { series: NationalSeries[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const numeric = series.filter((s) => s.unit !== 'series');
  const [seriesId, setSeriesId] = useState(numeric[0]?.id ?? '');
  const [from, setFrom] = useState('');
  const [amount, setAmount] = useState('');
  const [status, setStatus] = useState<ValueStatus>('official');
  const [note, setNote] = useState('');
  const [legal, setLegal] = useState(EMPTY_LEGAL);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const chosen = numeric.find((s) => s.id === seriesId);
  const money = chosen?.unit !== 'thousandths';

  const save = async () => {
    setError(undefined);
    setSaved(undefined);
    const value = money ? tiynOf(amount) : /^\d{1,12}$/.test(amount.trim()) ? Number(amount.trim()) : null;
    if (value === null || value <= 0) {
      setError(new ApiError(400, 'VALIDATION', t('national:add.badAmount'), [{ path: 'value', message: t('national:add.badAmount') }]));
      return;
    }
    setBusy(true);
    try {
      await nationalApi.add({ seriesId, from, value, status, ...(note.trim() ? { note: note.trim() } : {}), legal });
      setSaved(t('national:add.saved', { series: chosen ? nameOf(chosen, lang) : seriesId, from: formatDate(from) }));
      setAmount('');
      setNote('');
      onAdded();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md" radius="sm" data-testid="national-add">
      <Title order={4} mb={4}>
        {t('national:add.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('national:add.hint')}
      </Text>
      <Stack gap="xs">
        <Group grow align="start">
          <NativeSelect label={t('national:add.series')} data={numeric.map((s) => ({ value: s.id, label: nameOf(s, lang) }))} value={seriesId} onChange={(e) => setSeriesId(e.currentTarget.value)} error={error?.fieldMessage('seriesId')} data-testid="national-series" />
          <TextInput label={t('national:add.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required error={error?.fieldMessage('from')} data-testid="national-from" />
          <TextInput label={money ? t('national:add.tenge') : t('national:add.value')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required inputMode="decimal" error={error?.fieldMessage('value')} data-testid="national-value" />
          <NativeSelect label={t('national:columns.status')} data={STATUSES.map((s) => ({ value: s, label: t(`admin:valueStatus.${s}`) }))} value={status} onChange={(e) => setStatus(e.currentTarget.value as ValueStatus)} data-testid="national-status" />
        </Group>
        <TextInput label={t('national:add.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error?.fieldMessage('note')} data-testid="national-note" />
        <LegalFields value={legal} onChange={setLegal} error={error} testIdPrefix="national-legal" />
        {error ? <ErrorAlert error={error} /> : null}
        {saved ? (
          <Alert color="teal" variant="light" data-testid="national-saved">
            {saved}
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="national-save">
            {t('national:add.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
