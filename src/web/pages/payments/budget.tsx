/** Budget (p.21): allocations per financial year and programme, what is committed, paid and free. */
import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDateTime, formatMoney } from '../../format';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { Chart } from '../dashboard/chart';
import { paymentsApi, type Allocation } from './payments-api';

/** Tenge typed by a person ("1 000 000,50") to whole tiyn, or null when it is not a sum. */
export function tengeInputToTiyn(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export default function BudgetPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const canEdit = me.role === 'ACCOUNTANT' || me.role === 'HEAD';
  const budget = useApi(() => paymentsApi.budget(), []);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const money = (v: number) => formatMoney(v, i18n.language);

  const save = async () => {
    setError(undefined);
    setSaved(false);
    const tiyn = tengeInputToTiyn(amount);
    if (tiyn === null) {
      setError(new ApiError(400, 'VALIDATION', t('payments:budget.amountTenge'), [{ path: 'allocatedTiyn', message: t('payments:budget.amountTenge') }]));
      return;
    }
    try {
      await paymentsApi.setAllocation(Number(year), { allocatedTiyn: tiyn });
      setSaved(true);
      budget.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const rows = budget.data?.allocations ?? [];
  const columns: Column<Allocation>[] = [
    { key: 'year', header: t('payments:budget.year'), sortValue: (a) => a.year, render: (a) => a.year },
    { key: 'programme', header: t('payments:budget.programme'), render: (a) => a.programme },
    { key: 'allocated', header: t('payments:budget.allocated'), align: 'right', nowrap: true, render: (a) => money(a.allocatedTiyn) },
    { key: 'committed', header: t('payments:budget.committed'), align: 'right', nowrap: true, render: (a) => money(a.committedTiyn) },
    { key: 'paid', header: t('payments:budget.paid'), align: 'right', nowrap: true, render: (a) => money(a.paidTiyn) },
    { key: 'available', header: t('payments:budget.available'), align: 'right', nowrap: true, render: (a) => money(a.availableTiyn) },
    { key: 'fees', header: t('payments:budget.fees'), align: 'right', nowrap: true, render: (a) => money(a.feesTiyn) },
    { key: 'updatedAt', header: t('payments:budget.updatedAt'), nowrap: true, render: (a) => formatDateTime(a.updatedAt) },
  ];
  const label = (a: Allocation) => `${a.year} ${a.programme}`;
  return (
    <Stack gap="md">
      <PageHeader title={t('payments:budget.title')} description={t('payments:budget.subtitle')} />
      {budget.error ? <ErrorAlert error={budget.error} onRetry={budget.reload} /> : null}
      <DataTable columns={columns} rows={rows} rowKey={label} loading={budget.loading} data-testid="budget-table" />
      {rows.length ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={4} mb="sm">{t('payments:budget.chart')}</Title>
          <Chart
            data-testid="budget-chart"
            height={220}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: [t('payments:budget.paid'), t('payments:budget.committed'), t('payments:budget.available')] },
              grid: { left: 120, right: 20, top: 30, bottom: 20 },
              xAxis: { type: 'value' },
              yAxis: { type: 'category', data: rows.map(label) },
              series: [
                { name: t('payments:budget.paid'), type: 'bar', stack: 'b', data: rows.map((a) => a.paidTiyn / 100) },
                { name: t('payments:budget.committed'), type: 'bar', stack: 'b', data: rows.map((a) => (a.committedTiyn - a.paidTiyn) / 100) },
                { name: t('payments:budget.available'), type: 'bar', stack: 'b', data: rows.map((a) => a.availableTiyn / 100) },
              ],
            }}
          />
        </Card>
      ) : null}
      {canEdit ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={4} mb="sm">{t('payments:budget.set')}</Title>
          <Group align="flex-end">
            <TextInput label={t('payments:budget.year')} value={year} onChange={(e) => setYear(e.currentTarget.value)} w={100} data-testid="budget-year" />
            <TextInput label={t('payments:budget.amountTenge')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={error?.fieldMessage('allocatedTiyn')} data-testid="budget-amount" />
            <Button onClick={save} data-testid="budget-save">{t('payments:budget.save')}</Button>
          </Group>
          {saved ? <Alert color="teal" mt="sm">{t('payments:budget.saved')}</Alert> : null}
          {error ? <ErrorAlert error={error} /> : null}
        </Card>
      ) : (
        <Alert color="gray" variant="light">{t('payments:budget.readOnly')}</Alert>
      )}
    </Stack>
  );
}
