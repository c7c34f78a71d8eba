/**
 * Holiday and memorable-date payments (p.5, p.10, p.25): the wizard (date from the district list →
 * categories with amounts → start) and the runs with live progress, polled while any run is working.
 */
import { Alert, Badge, Button, Card, Checkbox, Group, Progress, Select, Stack, Stepper, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { formatDate, formatMoney } from '../../format';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { paymentsApi, type HolidayRun, type HolidaySelection } from './payments-api';

const TONE: Record<HolidayRun['status'], Tone> = { fetching: 'info', budget: 'info', creating: 'info', done: 'success', failed: 'danger' };

/** Share of the run done: fetching counts as the first third, creating the rest. */
export function runProgress(run: HolidayRun): number {
  if (run.status === 'done') return 100;
  if (run.status === 'creating' && run.recipients > 0) return Math.round(33 + (67 * (run.payments + run.alreadyPaid)) / run.recipients);
  if (run.status === 'budget') return 33;
  return run.fetchedRows > 0 ? 10 : 0;
}

export default function HolidayRunsPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const canStart = me.role === 'SPECIALIST' || me.role === 'HEAD';
  const runs = useApi(() => paymentsApi.runs(), []);
  const holidays = useApi(() => paymentsApi.holidays(), []);
  const [step, setStep] = useState(0);
  const [code, setCode] = useState<string | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [selection, setSelection] = useState<HolidaySelection>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const lang = i18n.language === 'ru' ? 'ru' : 'kk';
  const money = (v: number) => formatMoney(v, i18n.language);

  const working = (runs.data?.runs ?? []).some((r) => r.status !== 'done' && r.status !== 'failed');
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(runs.reload, 1000);
    return () => clearInterval(timer);
  }, [working, runs.reload]);

  const date = code ? `${year}-${code}` : '';
  const choose = async () => {
    setError(undefined);
    try {
      const { holiday } = await paymentsApi.holiday(date);
      setSelection(holiday);
      setChosen(holiday.categories.map((c) => c.code));
      setStep(1);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const start = async () => {
    setError(undefined);
    try {
      await paymentsApi.startRun(date, chosen);
      setStep(2);
      runs.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const columns: Column<HolidayRun>[] = [
    { key: 'date', header: t('payments:runs.date'), nowrap: true, sortValue: (r) => r.date, render: (r) => formatDate(r.date) },
    { key: 'categories', header: t('payments:runs.categories'), render: (r) => r.categories.join(', ') },
    { key: 'status', header: t('payments:runs.status'), render: (r) => <StatusBadge tone={TONE[r.status]} label={t(`payments:runs.statuses.${r.status}`)} data-testid={`run-status-${r.status}`} /> },
    {
      key: 'progress',
      header: t('payments:runs.progress'),
      width: 220,
      render: (r) => (
        <Stack gap={2}>
          <Progress value={runProgress(r)} color={r.status === 'failed' ? 'red' : 'teal'} animated={r.status !== 'done' && r.status !== 'failed'} />
          <Text fz="xs" c="dimmed">{t('payments:runs.fetched', { count: r.fetchedRows })}</Text>
        </Stack>
      ),
    },
    { key: 'recipients', header: t('payments:runs.recipients'), align: 'right', render: (r) => r.recipients },
    { key: 'payments', header: t('payments:runs.payments'), align: 'right', render: (r) => <span data-testid="run-payments">{r.payments}</span> },
    { key: 'total', header: t('payments:runs.total'), align: 'right', nowrap: true, render: (r) => money(r.totalTiyn) },
    { key: 'excluded', header: t('payments:runs.excluded'), render: (r) => t('payments:runs.excludedText', { dead: r.excludedDead, terminated: r.excludedTerminated, noAccount: r.excludedNoAccount }) },
    { key: 'alreadyPaid', header: t('payments:runs.alreadyPaid'), align: 'right', render: (r) => r.alreadyPaid },
    { key: 'error', header: t('payments:runs.error'), render: (r) => r.errorCode ?? '' },
    {
      key: 'resume',
      header: '',
      render: (r) =>
        canStart && r.status !== 'done' ? (
          <Button size="xs" variant="light" onClick={() => void paymentsApi.startRun(r.date, r.categories).then(runs.reload, (e: ApiError) => setError(e))} data-testid={`run-resume-${r.runId}`}>
            {t('payments:runs.resume')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('payments:runs.title')} description={t('payments:runs.subtitle')} />
      {canStart ? (
        <Card withBorder padding="md" radius="sm" data-testid="run-wizard">
          <Title order={4} mb="sm">{t('payments:runs.wizard')}</Title>
          <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
            <Stepper.Step label={t('payments:runs.step1')}>
              <Group align="flex-end">
                <Select
                  label={t('payments:runs.holiday')}
                  data={(holidays.data?.holidays ?? []).map((h) => ({ value: h.code, label: `${h.code} — ${lang === 'ru' ? h.name_ru : h.name_kk}` }))}
                  value={code}
                  onChange={setCode}
                  w={420}
                  data-testid="run-holiday"
                />
                <TextInput label={t('payments:runs.year')} value={year} onChange={(e) => setYear(e.currentTarget.value)} w={90} data-testid="run-year" />
                <Button onClick={choose} disabled={!code} data-testid="run-next">{t('payments:runs.step2')} →</Button>
              </Group>
            </Stepper.Step>
            <Stepper.Step label={t('payments:runs.step2')}>
              {selection ? (
                <Stack gap="xs">
                  <Group gap="xs">
                    <Text fw={600}>{formatDate(selection.date)} — {selection.name[lang]}</Text>
                    {selection.example ? <Badge color="orange" variant="light">{t('payments:runs.example')}</Badge> : null}
                  </Group>
                  <Table withTableBorder>
                    <Table.Tbody>
                      {selection.categories.map((c) => (
                        <Table.Tr key={c.code}>
                          <Table.Td>
                            <Checkbox checked={chosen.includes(c.code)} onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, c.code] : chosen.filter((x) => x !== c.code))} label={c.code} data-testid={`run-cat-${c.code}`} />
                          </Table.Td>
                          <Table.Td>{money(c.amountTiyn)}</Table.Td>
                          <Table.Td>
                            <Text fz="xs" c="dimmed">{c.explanation[i18n.language === 'en' ? 'en' : lang]}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Text fz="sm" c="dimmed">{t('payments:runs.startHint')}</Text>
                  <Group>
                    <Button onClick={start} disabled={chosen.length === 0} data-testid="run-start">{t('payments:runs.start')}</Button>
                  </Group>
                </Stack>
              ) : null}
            </Stepper.Step>
            <Stepper.Step label={t('payments:runs.step3')}>
              <Alert color="teal" variant="light">{t('payments:runs.startHint')}</Alert>
            </Stepper.Step>
          </Stepper>
          {error ? <ErrorAlert error={error} /> : null}
        </Card>
      ) : null}
      <Title order={4}>{t('payments:runs.list')}</Title>
      {runs.error ? <ErrorAlert error={runs.error} onRetry={runs.reload} /> : null}
      <DataTable columns={columns} rows={runs.data?.runs ?? []} rowKey={(r) => r.runId} loading={runs.loading && !runs.data} data-testid="runs-table" />
    </Stack>
  );
}
