/**
 * Rules versions (issue 6 items 2–4): every version of the district's Rules with its lifecycle, the
 * "example" values still to replace, and — for an administrator — a new draft (copy of the version in
 * force) or an imported configuration file. The auditor reads.
 */
import { Alert, Button, Card, FileButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Link } from '../../components/link';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatDateTime } from '../../format';
import { navigate } from '../../router';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { adminApi, type RulesVersionRow } from './admin-api';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';
import { ExampleBadge, LifecycleBadge } from './lifecycle-badge';

export default function RulesVersionsPage() {
  const { t } = useTranslation();
  const me = useUser();
  const canEdit = me.role === 'ADMIN';
  const versions = useApi(() => adminApi.versions(), []);
  const [code, setCode] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [legal, setLegal] = useState(EMPTY_LEGAL);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { version } = await adminApi.createDraft({ code, effectiveFrom, legal });
      navigate(`/admin/rules/${version.id}`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setError(undefined);
    try {
      const { version } = await adminApi.importFile(file.name, JSON.parse(await file.text()));
      navigate(`/admin/rules/${version.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INVALID_DISTRICT_CONFIG', `${file.name}: ${(e as Error).message}`));
    }
  };

  const columns: Column<RulesVersionRow>[] = [
    { key: 'code', header: t('admin:columns.code'), sortValue: (v) => v.code, render: (v) => <Link to={`/admin/rules/${v.id}`}>{v.code}</Link>, nowrap: true },
    { key: 'lifecycle', header: t('admin:columns.lifecycle'), sortValue: (v) => v.lifecycle, render: (v) => <LifecycleBadge lifecycle={v.lifecycle} />, nowrap: true },
    { key: 'effectiveFrom', header: t('admin:columns.effectiveFrom'), sortValue: (v) => v.effectiveFrom, render: (v) => formatDate(v.effectiveFrom), nowrap: true },
    { key: 'legal', header: t('admin:columns.legal'), render: (v) => `${v.legal.act} № ${v.legal.number}, ${formatDate(v.legal.date)}, ${v.legal.clause}` },
    { key: 'examples', header: t('admin:columns.examples'), sortValue: (v) => v.exampleCount, render: (v) => <ExampleBadge count={v.exampleCount} /> },
    { key: 'createdAt', header: t('admin:columns.createdAt'), sortValue: (v) => v.createdAt, render: (v) => formatDateTime(v.createdAt), nowrap: true },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('admin:rules.title')} description={t('admin:rules.subtitle')} />
      {!canEdit ? <Alert color="gray" variant="light">{t('admin:readOnly')}</Alert> : null}
      {versions.error ? <ErrorAlert error={versions.error} onRetry={versions.reload} /> : null}
      <DataTable columns={columns} rows={versions.data?.versions ?? []} rowKey={(v) => v.id} loading={versions.loading} data-testid="rules-versions-table" />
      {canEdit ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={4} mb={4}>
            {t('admin:rules.newDraft')}
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            {t('admin:rules.newDraftHint')}
          </Text>
          <Stack gap="xs">
            <Group grow>
              <TextInput label={t('admin:rules.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required error={error?.fieldMessage('code')} data-testid="draft-code" />
              <TextInput label={t('admin:rules.effectiveFrom')} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.currentTarget.value)} required error={error?.fieldMessage('effectiveFrom')} data-testid="draft-effective" />
            </Group>
            <LegalFields value={legal} onChange={setLegal} error={error} />
            {error ? <ErrorAlert error={error} /> : null}
            <Group>
              <Button onClick={create} loading={busy} data-testid="draft-create">
                {t('admin:rules.createDraft')}
              </Button>
              <FileButton onChange={importFile} accept="application/json,.json">
                {(props) => (
                  <Button variant="default" {...props} data-testid="draft-import">
                    {t('admin:rules.import')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
