/**
 * Calendar overrides (issue 6 item 2; rules.md "future calendar changes"): a new Government transfer
 * order, the announced Kurban Ait date, a new holiday — each with its legal reference; removing one
 * also takes the act that cancels it. Every deadline computed after the change uses it. ADMIN adds and
 * removes; AUDITOR reads.
 */
import { Button, Card, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { adminApi } from './admin-api';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';

const KINDS = ['day-off', 'working-day', 'kurban-ait', 'holiday'] as const;

export default function CalendarOverridesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const list = useApi(() => adminApi.overrides(), []);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<string | null>('kurban-ait');
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [legal, setLegal] = useState(EMPTY_LEGAL);
  const [error, setError] = useState<ApiError>();
  const [removing, setRemoving] = useState<string | null>(null);

  const remove = async (id: string) => {
    setError(undefined);
    try {
      await adminApi.removeOverride(id, legal);
      setRemoving(null);
      list.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const add = async () => {
    setError(undefined);
    try {
      await adminApi.addOverride({ date, kind: kind ?? 'day-off', name_kk: nameKk, name_ru: nameRu, legal });
      list.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('admin:calendar.title')} description={t('admin:calendar.subtitle')} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table striped withTableBorder fz="sm" data-testid="overrides-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin:calendar.date')}</Table.Th>
            <Table.Th>{t('admin:calendar.kind')}</Table.Th>
            <Table.Th>{t('admin:calendar.name')}</Table.Th>
            <Table.Th>{t('admin:columns.legal')}</Table.Th>
            {me.role === 'ADMIN' ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.overrides ?? []).map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{formatDate(o.date)}</Table.Td>
              <Table.Td>{t(`admin:calendar.kinds.${o.kind}`)}</Table.Td>
              <Table.Td>{lang === 'ru' ? o.name_ru : o.name_kk}</Table.Td>
              <Table.Td fz="xs">{o.source}</Table.Td>
              {me.role === 'ADMIN' ? (
                <Table.Td>
                  {removing === o.id ? (
                    <Button size="compact-xs" color="red" onClick={() => void remove(o.id)} data-testid={`override-remove-confirm-${o.date}`}>
                      {t('admin:calendar.removeConfirm')}
                    </Button>
                  ) : (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(o.id)} data-testid={`override-remove-${o.date}`}>
                      {t('admin:remove')}
                    </Button>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
          {list.data && list.data.overrides.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5} c="dimmed">
                {t('admin:calendar.none')}
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {me.role === 'ADMIN' ? (
        <Card withBorder padding="md" radius="sm">
          <Title order={4} mb="sm">
            {t('admin:calendar.add')}
          </Title>
          <Stack gap="xs">
            <Group grow>
              <TextInput type="date" label={t('admin:calendar.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required error={error?.fieldMessage('date')} />
              <Select label={t('admin:calendar.kind')} data={KINDS.map((k) => ({ value: k, label: t(`admin:calendar.kinds.${k}`) }))} value={kind} onChange={setKind} />
              <TextInput label={`${t('admin:calendar.name')} (kk)`} value={nameKk} onChange={(e) => setNameKk(e.currentTarget.value)} required />
              <TextInput label={`${t('admin:calendar.name')} (ru)`} value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} required />
            </Group>
            <LegalFields value={legal} onChange={setLegal} error={error} />
            {error ? <ErrorAlert error={error} /> : null}
            <Group>
              <Button onClick={add}>{t('admin:calendar.save')}</Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
