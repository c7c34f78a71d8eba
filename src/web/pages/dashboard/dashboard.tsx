/**
 * The dashboard (issue 6 item 6): applications by status, deadlines at risk and overdue per role,
 * decisions by category and outcome, refusals by clause of p.20, budget used vs allocation, payments by
 * month — each a chart with its table, for the whole district or one rural district (an akim: their own).
 * A panel whose source table does not exist yet says so.
 */
import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatMoney, localizedName } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { Chart } from './chart';

interface Panel<T> {
  available: boolean;
  missing?: string;
  rows: T[];
}
interface Dashboard {
  today: string;
  ruralDistrictId: string | null;
  applicationsByStatus: Panel<{ status: string; count: number }>;
  deadlines: Panel<{ role: string; atRisk: number; overdue: number; onTime: number }>;
  decisions: Panel<{ ground: string | null; category: string; outcome: string; count: number; amountTiyn: number }>;
  refusalsByClause: Panel<{ clause: string; count: number }>;
  budget: Panel<{ year: number; programme: string; allocatedTiyn: number; committedTiyn: number; paidTiyn: number }>;
  paymentsByMonth: Panel<{ month: string; status: string; count: number; amountTiyn: number }>;
}

function PanelCard<T>({ title, panel, chart, table, testId }: { title: string; panel: Panel<T>; chart: ReactNode; table: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  return (
    <Card withBorder radius="sm" padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{title}</Text>
        {panel.available && panel.rows.length ? (
          <Anchor component="button" fz="sm" onClick={() => setAsTable(!asTable)}>
            {asTable ? t('dashboard:showChart') : t('dashboard:showTable')}
          </Anchor>
        ) : null}
      </Group>
      {!panel.available ? (
        <Alert color="gray" variant="light">{t('dashboard:missing', { table: panel.missing ?? '' })}</Alert>
      ) : panel.rows.length === 0 ? (
        <Text c="dimmed" fz="sm" py="xl" ta="center">
          {t('dashboard:empty')}
        </Text>
      ) : asTable ? (
        table
      ) : (
        chart
      )}
    </Card>
  );
}

function SimpleTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>{head.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>{r.map((x, j) => <Table.Td key={j}>{x}</Table.Td>)}</Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const [district, setDistrict] = useState<string | null>(null);
  const year = Number(new Date().toISOString().slice(0, 4));
  const districts = useApi(() => api.ruralDistricts.list(), []);
  const data = useApi(() => api.request<Dashboard>('GET', '/api/dashboard', undefined, { ruralDistrictId: district ?? undefined }), [district]);
  const d = data.data;
  const money = (n: number) => formatMoney(Math.round(n), lang);
  const statusName = (s: string) => t(`dashboard:status.${s}`, { defaultValue: s });
  const paymentStatusName = (s: string) => t(`dashboard:paymentStatus.${s}`, { defaultValue: s });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('dashboard:title')}
        description={t('dashboard:subtitle')}
        actions={
          <Group gap="sm">
            {me.role !== 'RURAL_AKIM' ? (
              <Select
                placeholder={t('dashboard:allDistricts')}
                clearable
                value={district}
                onChange={setDistrict}
                data={(districts.data?.ruralDistricts ?? []).map((r) => ({ value: String(r.id), label: localizedName(r, lang) }))}
                w={280}
                data-testid="dashboard-district"
              />
            ) : null}
            <Anchor href={`/api/reports/summary.html?year=${year}${district ? `&ruralDistrictId=${district}` : ''}`} target="_blank">
              {t('dashboard:print')}
            </Anchor>
          </Group>
        }
      />
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {d ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <PanelCard
            title={t('dashboard:applications')}
            testId="panel-applications"
            panel={d.applicationsByStatus}
            chart={<Chart height={260} option={{ tooltip: { trigger: 'item' }, legend: { orient: 'vertical', right: 0, top: 'middle' }, series: [{ type: 'pie', radius: ['45%', '75%'], center: ['35%', '50%'], label: { formatter: '{c}' }, data: d.applicationsByStatus.rows.map((r) => ({ name: statusName(r.status), value: r.count })) }] }} />}
            table={<SimpleTable head={[t('dashboard:statusCol'), t('dashboard:count')]} rows={d.applicationsByStatus.rows.map((r) => [statusName(r.status), r.count])} />}
          />
          <PanelCard
            title={t('dashboard:deadlines')}
            testId="panel-deadlines"
            panel={d.deadlines}
            chart={
              <Chart
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 140, right: 20, top: 30, bottom: 20 },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', data: d.deadlines.rows.map((r) => t(`dashboard:role.${r.role}`, { defaultValue: r.role })) },
                  series: [
                    { name: t('dashboard:onTime'), type: 'bar', stack: 's', barMaxWidth: 36, data: d.deadlines.rows.map((r) => r.onTime), itemStyle: { color: '#40c057' } },
                    { name: t('dashboard:atRisk'), type: 'bar', stack: 's', barMaxWidth: 36, data: d.deadlines.rows.map((r) => r.atRisk), itemStyle: { color: '#fd7e14' } },
                    { name: t('dashboard:overdue'), type: 'bar', stack: 's', barMaxWidth: 36, data: d.deadlines.rows.map((r) => r.overdue), itemStyle: { color: '#e03131' } },
                  ],
                }}
              />
            }
            table={<SimpleTable head={[t('dashboard:roleCol'), t('dashboard:onTime'), t('dashboard:atRisk'), t('dashboard:overdue')]} rows={d.deadlines.rows.map((r) => [t(`dashboard:role.${r.role}`, { defaultValue: r.role }), r.onTime, r.atRisk, r.overdue])} />}
          />
          <PanelCard
            title={t('dashboard:decisions')}
            testId="panel-decisions"
            panel={d.decisions}
            chart={(() => {
              const cats = [...new Set(d.decisions.rows.map((r) => r.category))];
              const of = (outcome: string) => cats.map((c) => d.decisions.rows.filter((r) => r.category === c && r.outcome === outcome).reduce((s, r) => s + r.count, 0));
              return <Chart height={260} option={{ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 20, top: 30, bottom: 30 }, xAxis: { type: 'category', data: cats }, yAxis: { type: 'value', minInterval: 1 }, series: [{ name: t('dashboard:grant'), type: 'bar', stack: 'o', data: of('grant'), itemStyle: { color: '#12b886' } }, { name: t('dashboard:refuse'), type: 'bar', stack: 'o', data: of('refuse'), itemStyle: { color: '#fa5252' } }] }} />;
            })()}
            table={<SimpleTable head={[t('dashboard:ground'), t('dashboard:category'), t('dashboard:outcome'), t('dashboard:count'), t('dashboard:amount')]} rows={d.decisions.rows.map((r) => [r.ground ?? '—', r.category, t(`dashboard:${r.outcome}`), r.count, money(r.amountTiyn)])} />}
          />
          <PanelCard
            title={t('dashboard:refusals')}
            testId="panel-refusals"
            panel={d.refusalsByClause}
            chart={<Chart height={260} option={{ tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20, top: 20, bottom: 30 }, xAxis: { type: 'category', data: d.refusalsByClause.rows.map((r) => r.clause) }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: d.refusalsByClause.rows.map((r) => r.count), itemStyle: { color: '#fa5252' }, label: { show: true, position: 'top' } }] }} />}
            table={<SimpleTable head={[t('dashboard:clause'), t('dashboard:count')]} rows={d.refusalsByClause.rows.map((r) => [r.clause, r.count])} />}
          />
          <PanelCard
            title={t('dashboard:budget')}
            testId="panel-budget"
            panel={d.budget}
            chart={<Chart height={260} option={{ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 110, right: 20, top: 30, bottom: 30 }, xAxis: { type: 'category', data: d.budget.rows.map((r) => r.programme) }, yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v / 100 / 1e6).toFixed(0)} M ₸` } }, series: [{ name: t('dashboard:allocated'), type: 'bar', data: d.budget.rows.map((r) => r.allocatedTiyn), itemStyle: { color: '#ced4da' } }, { name: t('dashboard:committed'), type: 'bar', data: d.budget.rows.map((r) => r.committedTiyn), itemStyle: { color: '#4dabf7' } }, { name: t('dashboard:paid'), type: 'bar', data: d.budget.rows.map((r) => r.paidTiyn), itemStyle: { color: '#1971c2' } }] }} />}
            table={<SimpleTable head={[t('dashboard:programme'), t('dashboard:allocated'), t('dashboard:committed'), t('dashboard:paid')]} rows={d.budget.rows.map((r) => [r.programme, money(r.allocatedTiyn), money(r.committedTiyn), money(r.paidTiyn)])} />}
          />
          <PanelCard
            title={t('dashboard:payments')}
            testId="panel-payments"
            panel={d.paymentsByMonth}
            chart={(() => {
              const months = [...new Set(d.paymentsByMonth.rows.map((r) => r.month))];
              const statuses = [...new Set(d.paymentsByMonth.rows.map((r) => r.status))];
              return <Chart height={260} option={{ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 90, right: 20, top: 30, bottom: 30 }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v / 100 / 1000).toFixed(0)} k ₸` } }, series: statuses.map((s) => ({ name: paymentStatusName(s), type: 'bar', stack: 'p', data: months.map((m) => d.paymentsByMonth.rows.filter((r) => r.month === m && r.status === s).reduce((x, r) => x + r.amountTiyn, 0)) })) }} />;
            })()}
            table={<SimpleTable head={[t('dashboard:month'), t('dashboard:statusCol'), t('dashboard:count'), t('dashboard:amount')]} rows={d.paymentsByMonth.rows.map((r) => [r.month, paymentStatusName(r.status), r.count, money(r.amountTiyn)])} />}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
