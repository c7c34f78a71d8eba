/**
 * Commissions and their members (issue 6 item 2; p.2, p.13, p.17): precinct commissions per rural
 * district and the special commission, each created by the akim's decision (its legal reference). ADMIN
 * creates and adds members; AUDITOR and HEAD read.
 */
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate, localizedName } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';

interface Commission {
  id: string;
  kind: 'precinct' | 'special';
  name: string;
  ruralDistrictId: string | null;
  legal: { act: string; number: string; date: string; clause: string };
  active: boolean;
  members: { id: string; fullName: string; position: string; role: string; active: boolean }[];
}
const ROLES = ['chair', 'deputy', 'secretary', 'member'] as const;

function AddMember({ commissionId, onAdded }: { commissionId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [role, setRole] = useState<string | null>('member');
  const [error, setError] = useState<ApiError>();
  return (
    <Group align="end" gap="xs" mt="xs">
      <TextInput size="xs" label={t('admin:commissions.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={error?.fieldMessage('fullName')} />
      <TextInput size="xs" label={t('admin:commissions.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} />
      <Select size="xs" w={150} label={t('admin:commissions.role')} value={role} onChange={setRole} data={ROLES.map((r) => ({ value: r, label: t(`admin:commissions.roles.${r}`) }))} />
      <Button
        size="xs"
        variant="light"
        onClick={async () => {
          try {
            await api.request('POST', `/api/commissions/${commissionId}/members`, { fullName, position, role: role ?? 'member' });
            setFullName('');
            setPosition('');
            onAdded();
          } catch (e) {
            setError(e as ApiError);
          }
        }}
      >
        {t('admin:commissions.addMember')}
      </Button>
    </Group>
  );
}

export default function CommissionsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const canEdit = me.role === 'ADMIN';
  const list = useApi(() => api.request<{ commissions: Commission[] }>('GET', '/api/commissions'), []);
  const districts = useApi(() => api.ruralDistricts.list(), []);
  const [kind, setKind] = useState<string | null>('precinct');
  const [name, setName] = useState('');
  const [district, setDistrict] = useState<string | null>(null);
  const [legal, setLegal] = useState(EMPTY_LEGAL);
  const [error, setError] = useState<ApiError>();
  const districtName = (id: string | null) => {
    const d = (districts.data?.ruralDistricts ?? []).find((x) => String(x.id) === id);
    return d ? localizedName(d, lang) : (id ?? '—');
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('admin:commissions.title')} description={t('admin:commissions.subtitle')} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {(list.data?.commissions ?? []).map((c) => (
          <Card key={c.id} withBorder radius="sm" padding="md" data-testid="commission-card">
            <Group justify="space-between">
              <Title order={5}>{c.name}</Title>
              <Badge variant="light">{t(`admin:commissions.kinds.${c.kind}`)}</Badge>
            </Group>
            <Text fz="xs" c="dimmed" mb="xs">
              {c.kind === 'precinct' ? `${districtName(c.ruralDistrictId)} · ` : ''}
              {`${c.legal.act} № ${c.legal.number}, ${formatDate(c.legal.date)}, ${c.legal.clause}`}
            </Text>
            <Table fz="sm" withTableBorder>
              <Table.Tbody>
                {c.members.map((m) => (
                  <Table.Tr key={m.id} c={m.active ? undefined : 'dimmed'}>
                    <Table.Td>{m.fullName}</Table.Td>
                    <Table.Td>{m.position}</Table.Td>
                    <Table.Td>{t(`admin:commissions.roles.${m.role}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canEdit ? <AddMember commissionId={c.id} onAdded={list.reload} /> : null}
          </Card>
        ))}
      </SimpleGrid>
      {list.data && list.data.commissions.length === 0 ? <Text c="dimmed">{t('admin:commissions.none')}</Text> : null}
      {canEdit ? (
        <Card withBorder radius="sm" padding="md">
          <Title order={4} mb="sm">
            {t('admin:commissions.add')}
          </Title>
          <Stack gap="xs">
            <Group grow>
              <Select label={t('admin:commissions.kind')} value={kind} onChange={setKind} data-testid="commission-kind" data={(['precinct', 'special'] as const).map((k) => ({ value: k, label: t(`admin:commissions.kinds.${k}`) }))} />
              <TextInput label={t('admin:commissions.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="commission-name" />
              <Select label={t('admin:commissions.district')} value={district} onChange={setDistrict} clearable data={(districts.data?.ruralDistricts ?? []).map((r) => ({ value: String(r.id), label: localizedName(r, lang) }))} error={error?.fieldMessage('ruralDistrictId')} />
            </Group>
            <LegalFields value={legal} onChange={setLegal} error={error} />
            {error ? <ErrorAlert error={error} /> : null}
            <Group>
              <Button
                onClick={async () => {
                  setError(undefined);
                  try {
                    await api.request('POST', '/api/commissions', { kind, name, ruralDistrictId: district, legal });
                    list.reload();
                  } catch (e) {
                    setError(e as ApiError);
                  }
                }}
              >
                {t('admin:commissions.create')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
