/** Returns and re-issues (p.30): returned or failed payments, their 3-working-day deadline, re-issue to a corrected account. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { RowAction } from '../../components/row-action';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatMoney } from '../../format';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { clauseLabel, paymentsApi, type ReturnRow } from './payments-api';

function Reissue({ row, onDone }: { row: ReturnRow; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <RowAction
      field="correctedIban"
      initial=""
      input={{ placeholder: t('payments:returns.correctedIban'), width: 230, testId: `reissue-iban-${row.id}` }}
      label={t('payments:returns.reissue')}
      testId={`reissue-${row.id}`}
      run={(iban) => paymentsApi.reissue(row.id, iban)}
      onDone={onDone}
    />
  );
}

export default function ReturnsPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const canReissue = me.role === 'ACCOUNTANT' || me.role === 'SPECIALIST';
  const returns = useApi(() => paymentsApi.returns(), []);
  const columns: Column<ReturnRow>[] = [
    { key: 'recipient', header: t('payments:returns.recipient'), render: (r) => `${r.recipientName ?? ''} (${r.recipientIin})` },
    { key: 'iban', header: t('payments:returns.iban'), nowrap: true, render: (r) => r.correctedIban ?? r.iban },
    { key: 'amount', header: t('payments:returns.amount'), align: 'right', nowrap: true, render: (r) => formatMoney(r.amountTiyn, i18n.language) },
    { key: 'reason', header: t('payments:returns.reason'), render: (r) => t(`payments:returns.reasons.${r.reason}`, { defaultValue: r.reason }) },
    { key: 'received', header: t('payments:returns.receivedOn'), nowrap: true, render: (r) => formatDate(r.receivedOn) },
    { key: 'due', header: t('payments:returns.updateDueOn'), nowrap: true, render: (r) => `${formatDate(r.updateDueOn)} (${clauseLabel(r.updateClause, i18n.language)})` },
    { key: 'status', header: t('payments:returns.status'), render: (r) => <StatusBadge tone={r.status === 'open' ? 'warning' : 'success'} label={t(`payments:returns.statuses.${r.status}`)} /> },
    { key: 'action', header: '', render: (r) => (r.status === 'open' && canReissue ? <Reissue row={r} onDone={returns.reload} /> : r.reissueReference ? t('payments:returns.reissued', { reference: r.reissueReference }) : null) },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('payments:returns.title')} description={t('payments:returns.subtitle')} />
      {returns.error ? <ErrorAlert error={returns.error} onRetry={returns.reload} /> : null}
      <DataTable columns={columns} rows={returns.data?.returns ?? []} rowKey={(r) => r.id} loading={returns.loading && !returns.data} data-testid="returns-table" />
    </Stack>
  );
}
