/**
 * The print queue of notices (decision notices of p.19, hearing notices of p.18): notices that could not
 * go by SMS are printed — in the applicant's language — by the authorized body or the State Corporation
 * and handed over when the applicant comes.
 */
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { casesApi, documentUrl, type Notice } from './case-api';

export default function PrintQueuePage() {
  const { t } = useTranslation();
  const me = useUser();
  const lang = currentLanguage();
  const queue = useApi(() => casesApi.printQueue(), []);
  const [error, setError] = useState<ApiError | null>(null);
  const [handing, setHanding] = useState<Notice | null>(null);
  const [receivedBy, setReceivedBy] = useState('');
  const canAct = me.role === 'SPECIALIST' || me.role === 'STATE_CORP';
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      queue.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    }
  };
  const columns: Column<Notice>[] = [
    { key: 'reg', header: t('cases:columns.regNumber'), sortValue: (n) => n.regNumber, render: (n) => <Link to={`/cases/${n.applicationId}`}>{n.regNumber}</Link>, nowrap: true },
    { key: 'applicant', header: t('cases:columns.applicant'), sortValue: (n) => n.applicantName },
    { key: 'form', header: t('documents:columns.notice'), sortValue: (n) => n.form, render: (n) => <Anchor href={documentUrl(n.applicationId, n.form, n.lang)} target="_blank" data-testid={`print-pdf-${n.id}`}>{t(`documents:forms.${n.form}`)}</Anchor> },
    {
      key: 'decision',
      header: t('documents:columns.decision'),
      sortValue: (n) => n.decidedOn ?? n.createdAt,
      render: (n) => (n.decisionNumber && n.decidedOn ? `${n.decisionNumber}, ${formatDate(n.decidedOn)}` : t('documents:columns.hearingNotice', { date: formatDateTime(n.createdAt) })),
    },
    { key: 'lang', header: t('cases:fields.language'), sortValue: (n) => n.lang, render: (n) => t(`cases:languages.${n.lang}`) },
    { key: 'status', header: t('cases:columns.status'), sortValue: (n) => n.status, render: (n) => <StatusBadge tone={n.status === 'printed' ? 'info' : 'warning'} label={t(`documents:noticeStatus.${n.status}`)} /> },
    {
      key: 'actions',
      header: '',
      render: (n) =>
        canAct ? (
          n.status === 'queued' ? (
            <Button size="xs" variant="light" onClick={() => void act(() => casesApi.markPrinted(n.id))} data-testid={`print-mark-${n.id}`}>{t('documents:markPrinted')}</Button>
          ) : (
            <Button size="xs" variant="light" color="teal" onClick={() => { setReceivedBy(n.applicantName); setHanding(n); }} data-testid={`print-hand-${n.id}`}>{t('documents:markHandedOver')}</Button>
          )
        ) : null,
    },
  ];
  return (
    <Stack gap={0}>
      <PageHeader title={t('documents:printQueue.title')} description={t('documents:printQueue.subtitle')} />
      {queue.error ? <ErrorAlert error={queue.error} onRetry={queue.reload} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Text fz="sm" c="dimmed" mb="xs">{t('documents:printQueue.total', { total: queue.data?.notices.length ?? 0 })}</Text>
      <DataTable columns={columns} rows={queue.data?.notices ?? []} rowKey={(n) => n.id} pageSize={25} loading={queue.loading} emptyText={t('documents:printQueue.empty')} data-testid="print-queue-table" />
      <Modal opened={handing !== null} onClose={() => setHanding(null)} title={t('documents:markHandedOver')}>
        <Stack>
          <TextInput label={t('documents:receivedBy')} value={receivedBy} onChange={(e) => setReceivedBy(e.currentTarget.value)} data-testid="print-received-by" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setHanding(null)}>{t('common:actions.cancel')}</Button>
            <Button disabled={receivedBy.trim().length < 2} onClick={() => { const n = handing!; setHanding(null); void act(() => casesApi.markHandedOver(n.id, receivedBy.trim())); }} data-testid="print-hand-confirm">{t('common:actions.save')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Text fz="xs" c="dimmed" mt="sm">{lang === 'en' ? t('documents:printQueue.langNote') : ''}</Text>
    </Stack>
  );
}
