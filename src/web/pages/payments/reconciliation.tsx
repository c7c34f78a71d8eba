/** Reconciliation: decided vs demanded vs transferred vs paid vs returned, per period, category and rural district; differences; Excel. */
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatMoney } from '../../format';
import { useApi } from '../../use-api';
import { Chart } from '../dashboard/chart';
import { paymentsApi, reconciliationXlsxUrl, type ReconFilter, type ReconRow, type Reconciliation } from './payments-api';

export default function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ReconFilter>({});
  const [filter, setFilter] = useState<ReconFilter>({});
  const data = useApi(() => paymentsApi.reconciliation(filter), [JSON.stringify(filter)]);
  const money = (v: number) => formatMoney(v, i18n.language);
  const r = data.data?.reconciliation;
  const m = (k: keyof ReconRow, label: string): Column<ReconRow> => ({ key: k, header: label, align: 'right', nowrap: true, render: (x) => money(x[k] as number) });
  const columns: Column<ReconRow>[] = [
    { key: 'period', header: t('payments:recon.period'), sortValue: (x) => x.period, render: (x) => x.period },
    { key: 'category', header: t('payments:recon.category'), render: (x) => x.categoryCode },
    { key: 'rd', header: t('payments:recon.ruralDistrict'), render: (x) => x.ruralDistrictId },
    { key: 'n', header: t('payments:recon.payments'), align: 'right', render: (x) => x.payments },
    m('decidedTiyn', t('payments:recon.decided')),
    m('demandedTiyn', t('payments:recon.demanded')),
    m('transferredTiyn', t('payments:recon.transferred')),
    m('paidTiyn', t('payments:recon.paid')),
    m('returnedTiyn', t('payments:recon.returned')),
    m('differenceTiyn', t('payments:recon.difference')),
  ];
  type Diff = Reconciliation['differences'][number];
  const diffColumns: Column<Diff>[] = [
    { key: 'id', header: '№', render: (d) => d.paymentId },
    { key: 'period', header: t('payments:recon.period'), render: (d) => d.period },
    { key: 'who', header: t('payments:returns.recipient'), render: (d) => `${d.recipientName ?? ''} (${d.recipientIin})` },
    { key: 'category', header: t('payments:recon.category'), render: (d) => d.categoryCode },
    { key: 'amount', header: t('payments:returns.amount'), align: 'right', nowrap: true, render: (d) => money(d.amountTiyn) },
    { key: 'waiting', header: t('payments:recon.waitingFor'), render: (d) => t(`payments:recon.waiting.${d.waitingFor}`) },
  ];
  const periods = [...new Set((r?.rows ?? []).map((x) => x.period))].sort();
  const by = (p: string, k: 'decidedTiyn' | 'paidTiyn') => (r?.rows ?? []).filter((x) => x.period === p).reduce((s, x) => s + x[k], 0) / 100;
  return (
    <Stack gap="md">
      <PageHeader title={t('payments:recon.title')} description={t('payments:recon.subtitle')} actions={<Anchor href={reconciliationXlsxUrl(filter)} data-testid="recon-excel">{t('payments:recon.excel')}</Anchor>} />
      <Card withBorder padding="sm" radius="sm">
        <Group align="flex-end">
          <TextInput label={t('payments:recon.from')} placeholder="2025-01" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value || undefined })} w={120} />
          <TextInput label={t('payments:recon.to')} placeholder="2025-12" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value || undefined })} w={120} />
          <TextInput label={t('payments:recon.ruralDistrict')} value={draft.ruralDistrictId ?? ''} onChange={(e) => setDraft({ ...draft, ruralDistrictId: e.currentTarget.value || undefined })} w={160} />
          <TextInput label={t('payments:recon.category')} value={draft.categoryCode ?? ''} onChange={(e) => setDraft({ ...draft, categoryCode: e.currentTarget.value || undefined })} w={180} />
          <Button onClick={() => setFilter(draft)} data-testid="recon-apply">{t('payments:recon.apply')}</Button>
        </Group>
      </Card>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {r ? (
        <Group gap="lg" data-testid="recon-totals">
          <Text>{t('payments:recon.decided')}: <b>{money(r.totals.decidedTiyn)}</b></Text>
          <Text>{t('payments:recon.paid')}: <b>{money(r.totals.paidTiyn)}</b></Text>
          <Text>{t('payments:recon.returned')}: <b>{money(r.totals.returnedTiyn)}</b></Text>
          <Text>{t('payments:recon.difference')}: <b>{money(r.totals.differenceTiyn)}</b></Text>
        </Group>
      ) : null}
      <DataTable columns={columns} rows={r?.rows ?? []} rowKey={(x) => `${x.period}|${x.categoryCode}|${x.ruralDistrictId}`} loading={data.loading && !data.data} data-testid="recon-table" />
      {periods.length ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={5} mb="xs">{t('payments:recon.chart')}</Title>
          <Chart height={220} data-testid="recon-chart" option={{ tooltip: { trigger: 'axis' }, legend: { data: [t('payments:recon.decided'), t('payments:recon.paid')] }, xAxis: { type: 'category', data: periods }, yAxis: { type: 'value' }, series: [{ name: t('payments:recon.decided'), type: 'bar', data: periods.map((p) => by(p, 'decidedTiyn')) }, { name: t('payments:recon.paid'), type: 'bar', data: periods.map((p) => by(p, 'paidTiyn')) }] }} />
        </Card>
      ) : null}
      <Title order={5}>{t('payments:recon.differences', { count: r?.differencesTotal ?? 0 })}</Title>
      <DataTable columns={diffColumns} rows={r?.differences ?? []} rowKey={(d) => d.paymentId} pageSize={20} data-testid="recon-differences" />
      <Title order={5}>{t('payments:recon.budgetCheck')}</Title>
      <Group gap="xs">
        {(r?.budget ?? []).map((b) => (
          <Badge key={`${b.year}-${b.programme}`} color={b.consistent ? 'teal' : 'red'} variant="light">
            {b.year} {b.programme}: {b.consistent ? t('payments:recon.consistent') : t('payments:recon.inconsistent')}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
