/**
 * Over-credited sums (p.31): sums the State Corporation holds on its account in excess, each due back to
 * the authorized body by the last working day of the month it arrived in (counted on the calendar with the
 * department's overrides); the accountant records a new one and records its return.
 */
import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { RowAction } from '../../components/row-action';
import { StatusBadge, type Tone } from '../../components/status-badge';
import { formatDate, formatMoney } from '../../format';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { tengeInputToTiyn } from './budget';
import { clauseLabel, paymentsApi, type OverCreditRow } from './payments-api';

const TONE: Record<OverCreditRow['status'], Tone> = { open: 'warning', overdue: 'danger', returned: 'success', 'returned-late': 'neutral' };

function Returned({ row, onDone }: { row: OverCreditRow; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <RowAction
      field="returnedOn"
      initial={Temporal.Now.plainDateISO('Asia/Almaty').toString()}
      input={{ type: 'date', ariaLabel: t('payments:overCredits.returnedOn'), width: 150, testId: `over-credit-returned-on-${row.id}` }}
      label={t('payments:overCredits.markReturned')}
      testId={`over-credit-returned-${row.id}`}
      run={(on) => paymentsApi.overCreditReturned(row.id, on)}
      onDone={onDone}
    />
  );
}

export default function OverCreditsPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const canRecord = me.role === 'ACCOUNTANT';
  const list = useApi(() => paymentsApi.overCredits(), []);
  const [amount, setAmount] = useState('');
  const [arrivedOn, setArrivedOn] = useState(Temporal.Now.plainDateISO('Asia/Almaty').toString());
  const [paymentId, setPaymentId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [recorded, setRecorded] = useState<string>();
  const lang = i18n.language === 'ru' ? 'ru' : i18n.language === 'en' ? 'en' : 'kk';

  const record = async () => {
    setError(undefined);
    setRecorded(undefined);
    const tiyn = tengeInputToTiyn(amount);
    if (tiyn === null || tiyn <= 0) {
      setError(new ApiError(400, 'VALIDATION', t('payments:overCredits.amountTenge'), [{ path: 'amountTiyn', message: t('payments:overCredits.amountTenge') }]));
      return;
    }
    try {
      const { overCredit } = await paymentsApi.recordOverCredit({ amountTiyn: tiyn, arrivedOn, paymentId: paymentId.trim() ? Number(paymentId) : null, note: note.trim() || null });
      setRecorded(overCredit.explanation[lang]);
      setAmount('');
      setPaymentId('');
      setNote('');
      list.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const columns: Column<OverCreditRow>[] = [
    { key: 'arrived', header: t('payments:overCredits.arrivedOn'), nowrap: true, sortValue: (r) => r.arrivedOn, render: (r) => formatDate(r.arrivedOn) },
    { key: 'amount', header: t('payments:overCredits.amount'), align: 'right', nowrap: true, render: (r) => formatMoney(r.amountTiyn, i18n.language) },
    { key: 'payment', header: t('payments:overCredits.payment'), render: (r) => (r.paymentId === null ? '—' : `№ ${r.paymentId}${r.recipientIin ? ` — ${r.recipientName ?? ''} (${r.recipientIin})` : ''}`) },
    { key: 'due', header: t('payments:overCredits.returnDueOn'), nowrap: true, sortValue: (r) => r.returnDueOn, render: (r) => <span data-testid={`over-credit-due-${r.id}`}>{`${formatDate(r.returnDueOn)} (${clauseLabel(r.clause, i18n.language)})`}</span> },
    { key: 'returned', header: t('payments:overCredits.returnedOn'), nowrap: true, render: (r) => (r.returnedOn ? formatDate(r.returnedOn) : '—') },
    { key: 'status', header: t('payments:overCredits.status'), render: (r) => <StatusBadge tone={TONE[r.status]} label={t(`payments:overCredits.statuses.${r.status}`)} data-testid={`over-credit-status-${r.id}`} /> },
    { key: 'note', header: t('payments:overCredits.note'), render: (r) => r.note ?? '' },
    { key: 'action', header: '', render: (r) => (r.returnedOn === null && canRecord ? <Returned row={r} onDone={list.reload} /> : null) },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('payments:overCredits.title')} description={t('payments:overCredits.subtitle')} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable columns={columns} rows={list.data?.overCredits ?? []} rowKey={(r) => r.id} loading={list.loading && !list.data} data-testid="over-credits-table" />
      {canRecord ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={4} mb="sm">{t('payments:overCredits.record')}</Title>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('payments:overCredits.amountTenge')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={error?.fieldMessage('amountTiyn')} w={180} data-testid="over-credit-amount" />
            <TextInput type="date" label={t('payments:overCredits.arrivedOn')} value={arrivedOn} onChange={(e) => setArrivedOn(e.currentTarget.value)} error={error?.fieldMessage('arrivedOn')} w={170} data-testid="over-credit-arrived" />
            <TextInput label={t('payments:overCredits.paymentId')} value={paymentId} onChange={(e) => setPaymentId(e.currentTarget.value)} error={error?.fieldMessage('paymentId')} w={150} data-testid="over-credit-payment" />
            <TextInput label={t('payments:overCredits.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={240} data-testid="over-credit-note" />
            <Button onClick={record} data-testid="over-credit-save">{t('payments:overCredits.save')}</Button>
          </Group>
          {error && !error.fields.length ? <ErrorAlert error={error} /> : null}
          {recorded ? <Alert mt="sm" color="green" data-testid="over-credit-recorded">{recorded}</Alert> : null}
        </Card>
      ) : null}
    </Stack>
  );
}
