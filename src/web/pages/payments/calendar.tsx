/**
 * Payment calendar (p.27–p.29): payments waiting for their demand by due date, and each demand with its
 * dated steps — demand, application on the demand amount, transfer, payment orders and crediting — each
 * with its legal deadline and clause; the next step can be recorded here.
 */
import { Alert, Anchor, Button, Card, FileButton, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { formatDate, formatMoney } from '../../format';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { clauseLabel, paymentsApi, type CalendarDay, type Demand } from './payments-api';

const TONE: Record<Demand['status'], Tone> = { formed: 'info', applied: 'info', transferred: 'warning', ordered: 'success', closed: 'neutral' };

export default function PaymentCalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const today = Temporal.Now.plainDateISO('Asia/Almaty');
  const [on, setOn] = useState(today.toString());
  const [stepDate, setStepDate] = useState(today.toString());
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const demands = useApi(() => paymentsApi.demands(), []);
  const days = useApi(() => paymentsApi.calendar(today.subtract({ months: 3 }).toString(), today.add({ months: 12 }).toString()), []);
  const lang = i18n.language === 'ru' ? 'ru' : i18n.language === 'en' ? 'en' : 'kk';
  const money = (v: number) => formatMoney(v, i18n.language);
  const chain = me.role === 'ACCOUNTANT' || me.role === 'STATE_CORP';

  const act = async (fn: () => Promise<unknown>, message?: (r: any) => string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await fn();
      if (message) setNotice(message(r));
      demands.reload();
      days.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const next = (d: Demand) => {
    if (d.status === 'formed' && chain) return <Button size="xs" onClick={() => act(() => paymentsApi.application(d.id, stepDate))} data-testid={`demand-${d.id}-application`}>{t('payments:calendar.recordApplication')}</Button>;
    if (d.status === 'applied' && me.role === 'ACCOUNTANT') return <Button size="xs" onClick={() => act(() => paymentsApi.transfer(d.id, stepDate))} data-testid={`demand-${d.id}-transfer`}>{t('payments:calendar.recordTransfer')}</Button>;
    if (d.status === 'transferred' && chain) return <Button size="xs" onClick={() => act(() => paymentsApi.orders(d.id))} data-testid={`demand-${d.id}-orders`}>{t('payments:calendar.issueOrders')}</Button>;
    if (d.status === 'ordered')
      return (
        <Group gap={6} wrap="nowrap">
          <Anchor href={`/api/payments/demands/${d.id}/orders.csv`} fz="xs">{t('payments:calendar.downloadCsv')}</Anchor>
          <Anchor href={`/api/payments/demands/${d.id}/orders.xml`} fz="xs">{t('payments:calendar.downloadXml')}</Anchor>
          {chain ? <Button size="xs" variant="light" onClick={() => act(() => paymentsApi.statement(d.id), (r) => String(t('payments:calendar.imported', r.statement)))} data-testid={`demand-${d.id}-statement`}>{t('payments:calendar.fetchStatement')}</Button> : null}
        </Group>
      );
    return null;
  };

  const dayColumns: Column<CalendarDay>[] = [
    { key: 'due', header: t('payments:calendar.demandDueOn'), nowrap: true, sortValue: (d) => d.demandDueOn, render: (d) => formatDate(d.demandDueOn) },
    { key: 'n', header: t('payments:calendar.payments'), align: 'right', render: (d) => d.payments },
    { key: 'amount', header: t('payments:calendar.amount'), align: 'right', nowrap: true, render: (d) => money(d.amountTiyn) },
  ];
  const demandColumns: Column<Demand>[] = [
    { key: 'id', header: t('payments:calendar.id'), render: (d) => d.id },
    { key: 'kind', header: t('payments:calendar.kind'), render: (d) => t(`payments:calendar.kinds.${d.kind}`) + (d.paymentMonth ? ` · ${d.paymentMonth.slice(0, 7)}` : '') },
    { key: 'status', header: t('payments:calendar.status'), render: (d) => <StatusBadge tone={TONE[d.status]} label={t(`payments:calendar.statuses.${d.status}`)} /> },
    { key: 'n', header: t('payments:calendar.payments'), align: 'right', render: (d) => d.payments },
    { key: 'amount', header: t('payments:calendar.amount'), align: 'right', nowrap: true, render: (d) => money(d.amountTiyn) },
    {
      key: 'steps',
      header: t('payments:calendar.steps'),
      render: (d) => (
        <Stack gap={2}>
          {d.deadlines.map((s) => (
            <Tooltip key={s.step} label={s.explanation[lang]} multiline w={380} withArrow>
              <Text fz="xs">
                {t(`payments:calendar.stepNames.${s.step}`)}: {formatDate(s.date)} ({clauseLabel(s.clause, lang)})
              </Text>
            </Tooltip>
          ))}
        </Stack>
      ),
    },
    { key: 'next', header: t('payments:calendar.actions'), render: next },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('payments:calendar.title')} description={t('payments:calendar.subtitle')} />
      {chain ? (
        <Card withBorder padding="md" radius="sm">
          <Group align="flex-end">
            <TextInput type="date" label={t('payments:calendar.formOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} data-testid="demand-on" />
            <Button onClick={() => act(() => paymentsApi.formDemands(on), (r) => t('payments:calendar.formed', { count: r.demands.length }))} data-testid="demand-form">{t('payments:calendar.form')}</Button>
            <TextInput type="date" label={t('payments:calendar.date')} value={stepDate} onChange={(e) => setStepDate(e.currentTarget.value)} data-testid="step-date" />
            <FileButton onChange={(f) => f && void f.text().then((content) => act(() => paymentsApi.importStatement(f.name, content), (r) => String(t('payments:calendar.imported', r.statement))))} accept=".csv,.xml,text/csv,application/xml">
              {(props) => <Button variant="default" {...props} data-testid="statement-import">{t('payments:calendar.importFile')}</Button>}
            </FileButton>
          </Group>
          {notice ? <Alert color="teal" mt="sm" data-testid="calendar-notice">{notice}</Alert> : null}
          {error ? <ErrorAlert error={error} /> : null}
        </Card>
      ) : null}
      <Title order={4}>{t('payments:calendar.demands')}</Title>
      {demands.error ? <ErrorAlert error={demands.error} onRetry={demands.reload} /> : null}
      <DataTable columns={demandColumns} rows={demands.data?.demands ?? []} rowKey={(d) => d.id} loading={demands.loading && !demands.data} data-testid="demands-table" />
      <Title order={4}>{t('payments:calendar.scheduled')}</Title>
      <DataTable columns={dayColumns} rows={days.data?.days ?? []} rowKey={(d) => `${d.demandDueOn}-${d.status}`} loading={days.loading && !days.data} data-testid="calendar-table" />
    </Stack>
  );
}
