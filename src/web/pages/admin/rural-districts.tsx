/**
 * Rural districts (issue 6 item 1): the list cases, households and rural akims' accounts point at, with
 * the act of each district's last change and the number of akims bound to it; the administrator adds a
 * district or renames one under its act (act, number, date, clause) — the code never changes, so akims,
 * cases and the registry keep pointing at it. Every change is audited and listed below. AUDITOR reads.
 */
import { Alert, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { adminApi, type RuralDistrictRow } from './admin-api';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';

const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export default function RuralDistrictsPage() {
  const { t } = useTranslation();
  const me = useUser();
  const lang = currentLanguage();
  const canEdit = me.role === 'ADMIN';
  const list = useApi(() => adminApi.ruralDistricts(), []);
  const history = useApi(() => adminApi.districtHistory(), []);
  /** The district being renamed, or 'new' for the add form. */
  const [target, setTarget] = useState<RuralDistrictRow | 'new' | null>(null);
  const [code, setCode] = useState('');
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [legal, setLegal] = useState(EMPTY_LEGAL);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const open = (row: RuralDistrictRow | 'new') => {
    setTarget(row);
    setCode(row === 'new' ? '' : row.id);
    setNameKk(row === 'new' ? '' : row.name_kk);
    setNameRu(row === 'new' ? '' : row.name_ru);
    setProblems({});
    setError(undefined);
  };

  const save = async () => {
    const found: Record<string, string> = {};
    if (target === 'new' && !CODE.test(code.trim())) found.code = t('admin:districts.codeFormat');
    if (!nameKk.trim()) found.name_kk = t('admin:check.required');
    if (!nameRu.trim()) found.name_ru = t('admin:check.required');
    setProblems(found);
    if (Object.keys(found).length || target === null) return;
    setBusy(true);
    setError(undefined);
    try {
      if (target === 'new') await adminApi.addRuralDistrict({ code: code.trim(), name_kk: nameKk.trim(), name_ru: nameRu.trim(), legal });
      else await adminApi.renameRuralDistrict(target.id, { name_kk: nameKk.trim(), name_ru: nameRu.trim(), legal });
      setTarget(null);
      list.reload();
      history.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const field = (path: string) => problems[path] ?? error?.fieldMessage(path);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin:districts.title')}
        description={t('admin:districts.subtitle')}
        actions={
          canEdit ? (
            <Button onClick={() => open('new')} data-testid="district-add">
              {t('admin:districts.add')}
            </Button>
          ) : null
        }
      />
      {!canEdit ? <Alert color="gray" variant="light">{t('admin:districts.readOnly')}</Alert> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}

      {target !== null ? (
        <Card withBorder padding="md" radius="sm" data-testid="district-form">
          <Title order={4} mb="sm">
            {target === 'new' ? t('admin:districts.add') : t('admin:districts.renameTitle', { code: target.id })}
          </Title>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput label={t('admin:districts.code')} description={t('admin:districts.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} disabled={target !== 'new'} required error={field('code')} data-testid="district-code" />
              <TextInput label={t('admin:category.name_kk')} value={nameKk} onChange={(e) => setNameKk(e.currentTarget.value)} required error={field('name_kk')} data-testid="district-name_kk" />
              <TextInput label={t('admin:category.name_ru')} value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} required error={field('name_ru')} data-testid="district-name_ru" />
            </SimpleGrid>
            <Text fz="sm" fw={600}>
              {t('admin:districts.legalHint')}
            </Text>
            <LegalFields value={legal} onChange={setLegal} error={error} />
            {error ? <ErrorAlert error={error} /> : null}
            <Group>
              <Button onClick={save} loading={busy} data-testid="district-save">
                {t('admin:save')}
              </Button>
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('admin:cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}

      <Table striped withTableBorder fz="sm" data-testid="districts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin:districts.code')}</Table.Th>
            <Table.Th>{t('admin:category.name_kk')}</Table.Th>
            <Table.Th>{t('admin:category.name_ru')}</Table.Th>
            <Table.Th>{t('admin:districts.akims')}</Table.Th>
            <Table.Th>{t('admin:districts.lastChange')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.ruralDistricts ?? []).map((d) => (
            <Table.Tr key={d.id} data-testid={`district-row-${d.id}`}>
              <Table.Td>
                <Code>{d.id}</Code>
              </Table.Td>
              <Table.Td>
                {d.name_kk} {d.example ? <Badge color="yellow" size="xs">{t('admin:example')}</Badge> : null}
              </Table.Td>
              <Table.Td>{d.name_ru}</Table.Td>
              <Table.Td>{d.akims}</Table.Td>
              <Table.Td fz="xs">
                {d.legal ? `${d.legal.act} № ${d.legal.number}, ${formatDate(d.legal.date)}, ${d.legal.clause}` : t('admin:districts.asShipped')}
                {d.changedAt ? <Text fz="xs" c="dimmed">{`${formatDateTime(d.changedAt)} · ${d.changedBy ?? '—'}`}</Text> : null}
              </Table.Td>
              <Table.Td>
                {canEdit ? (
                  <Button size="compact-xs" variant="light" onClick={() => open(d)} data-testid={`district-rename-${d.id}`}>
                    {t('admin:districts.rename')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={4}>{t('admin:tabs.history')}</Title>
      <Table striped withTableBorder fz="sm" data-testid="districts-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin:history.at')}</Table.Th>
            <Table.Th>{t('admin:history.who')}</Table.Th>
            <Table.Th>{t('admin:history.action')}</Table.Th>
            <Table.Th>{t('admin:history.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(history.data?.entries ?? []).map((e, i) => {
            const p = e.payload as { before?: { name_kk?: string; name_ru?: string }; after?: { name_kk?: string; name_ru?: string; legal?: { act: string; number: string } } } | null;
            const nameOf = (n?: { name_kk?: string; name_ru?: string }) => (lang === 'ru' ? n?.name_ru : n?.name_kk) ?? '';
            return (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actor ?? '—'}</Table.Td>
                <Table.Td>{t(`admin:auditActions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}</Table.Td>
                <Table.Td fz="xs">
                  <Code>{e.targetId}</Code> {p?.before ? `${nameOf(p.before)} → ` : ''}
                  {nameOf(p?.after)}
                  {p?.after?.legal ? ` (${p.after.legal.act} № ${p.after.legal.number})` : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
