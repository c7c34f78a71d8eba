/**
 * The work queue: the cases that wait for my role's act, with the step, its target and hard dates
 * (p.12–p.18 deadlines from the rules core), at-risk and overdue first.
 */
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../format';
import { useApi } from '../../use-api';
import { casesApi, type QueueItem } from './case-api';
import { CaseStatusBadge, TimingBadge } from './parts';

const TIMING_ORDER = { overdue: 0, 'at-risk': 1, 'on-time': 2 } as const;

export default function CaseQueuePage() {
  const { t } = useTranslation();
  const [timing, setTiming] = useState<'all' | 'at-risk' | 'overdue'>('all');
  const queue = useApi(() => casesApi.queue(timing), [timing]);
  const rows = [...(queue.data?.cases ?? [])].sort((a, b) => TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing] || (a.nextHardOn ?? '').localeCompare(b.nextHardOn ?? ''));
  const columns: Column<QueueItem>[] = [
    { key: 'regNumber', header: t('cases:columns.regNumber'), sortValue: (r) => r.regNumber, render: (r) => <Link to={`/cases/${r.id}`} data-testid={`queue-case-${r.regNumber}`}>{r.regNumber}</Link>, nowrap: true },
    { key: 'applicant', header: t('cases:columns.applicant'), sortValue: (r) => r.applicantName, render: (r) => (<Stack gap={0}><Text fz="sm">{r.applicantName}</Text><Text fz="xs" c="dimmed" ff="monospace">{r.applicantIin}</Text></Stack>) },
    { key: 'category', header: t('cases:columns.category'), sortValue: (r) => r.categoryCode, nowrap: true },
    { key: 'status', header: t('cases:columns.status'), sortValue: (r) => r.status, render: (r) => <CaseStatusBadge status={r.status} /> },
    { key: 'next', header: t('cases:columns.nextStep'), sortValue: (r) => r.nextStep ?? '', render: (r) => (r.nextStep ? t(`cases:steps.${r.nextStep}`, { defaultValue: r.nextStep }) : '—') },
    { key: 'target', header: t('cases:columns.targetOn'), sortValue: (r) => r.nextTargetOn ?? '', render: (r) => (r.nextTargetOn ? formatDate(r.nextTargetOn) : '—'), nowrap: true },
    { key: 'hard', header: t('cases:columns.hardOn'), sortValue: (r) => r.nextHardOn ?? '', render: (r) => (r.nextHardOn ? formatDate(r.nextHardOn) : '—'), nowrap: true },
    { key: 'timing', header: t('cases:columns.timing'), sortValue: (r) => TIMING_ORDER[r.timing], render: (r) => <TimingBadge timing={r.timing} /> },
  ];
  const overdue = rows.filter((r) => r.timing === 'overdue').length;
  const atRisk = rows.filter((r) => r.timing === 'at-risk').length;
  return (
    <Stack gap={0}>
      <PageHeader title={t('cases:queue.title')} description={t('cases:queue.subtitle')} />
      {queue.error ? <ErrorAlert error={queue.error} onRetry={queue.reload} /> : null}
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          value={timing}
          onChange={(v) => setTiming(v as typeof timing)}
          data={[
            { value: 'all', label: t('cases:queue.all') },
            { value: 'at-risk', label: t('cases:timing.at-risk') },
            { value: 'overdue', label: t('cases:timing.overdue') },
          ]}
          data-testid="queue-timing"
        />
        <Text fz="sm" c="dimmed" data-testid="queue-summary">
          {t('cases:queue.summary', { total: rows.length, overdue, atRisk })}
        </Text>
      </Group>
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} pageSize={25} loading={queue.loading} emptyText={t('cases:queue.empty')} data-testid="queue-table" />
    </Stack>
  );
}
