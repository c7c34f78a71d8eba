/** Search of applications by IIN (12 digits) or by the applicant's name (prefix), optionally by status. */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../format';
import { useApi } from '../../use-api';
import { navigate } from '../../router';
import { useUser } from '../../session';
import { CASE_STATUSES, casesApi, type ListItem } from './case-api';
import { CaseStatusBadge } from './parts';

export default function CaseSearchPage() {
  const { t } = useTranslation();
  const me = useUser();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [query, setQuery] = useState<{ iin?: string; name?: string; status?: string }>({});
  const result = useApi(() => casesApi.search(query), [JSON.stringify(query)]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    setQuery({ ...(/^\d{12}$/.test(q) ? { iin: q } : q.length >= 2 ? { name: q } : {}), ...(status ? { status } : {}) });
  };
  const columns: Column<ListItem>[] = [
    { key: 'regNumber', header: t('cases:columns.regNumber'), sortValue: (r) => r.regNumber, render: (r) => <Link to={`/cases/${r.id}`}>{r.regNumber}</Link>, nowrap: true },
    { key: 'applicant', header: t('cases:columns.applicant'), sortValue: (r) => r.applicantName },
    { key: 'iin', header: t('cases:columns.iin'), sortValue: (r) => r.applicantIin, render: (r) => <Text ff="monospace" fz="sm">{r.applicantIin}</Text> },
    { key: 'category', header: t('cases:columns.category'), sortValue: (r) => r.categoryCode },
    { key: 'status', header: t('cases:columns.status'), sortValue: (r) => r.status, render: (r) => <CaseStatusBadge status={r.status} /> },
    { key: 'registeredOn', header: t('cases:columns.registeredOn'), sortValue: (r) => r.registeredOn, render: (r) => formatDate(r.registeredOn), nowrap: true },
    { key: 'decisionHardOn', header: t('cases:columns.decisionHardOn'), sortValue: (r) => r.decisionHardOn ?? '', render: (r) => (r.decisionHardOn ? formatDate(r.decisionHardOn) : '—'), nowrap: true },
  ];
  return (
    <Stack gap={0}>
      <PageHeader
        title={t('cases:search.title')}
        description={t('cases:search.subtitle')}
        actions={['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'].includes(me.role) ? <Button onClick={() => navigate('/cases/new')} data-testid="cases-new">{t('cases:intake.start')}</Button> : null}
      />
      <form onSubmit={submit}>
        <Group align="flex-end" mb="md">
          <TextInput label={t('cases:search.query')} placeholder={t('cases:search.placeholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={360} data-testid="cases-search-text" />
          <Select label={t('cases:columns.status')} clearable value={status} onChange={setStatus} data={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases:status.${s}`) }))} w={260} />
          <Button type="submit" data-testid="cases-search-submit">{t('cases:search.submit')}</Button>
        </Group>
      </form>
      {result.error ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <DataTable columns={columns} rows={result.data?.applications ?? []} rowKey={(r) => r.id} pageSize={25} loading={result.loading} emptyText={t('cases:search.empty')} data-testid="cases-table" />
    </Stack>
  );
}
