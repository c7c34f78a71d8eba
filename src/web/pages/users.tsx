/**
 * Users: the list for ADMIN and AUDITOR (the server decides who may read it); an administrator also adds
 * users here. Field errors from the server appear under their fields.
 */
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_NAMES, type Role } from '../../auth/roles';
import { api, ApiError, type NewUser, type RuralDistrict, type UserRow } from '../api-client';
import { DataTable, type Column } from '../components/data-table';
import { ErrorAlert, useErrorMessage } from '../components/error-alert';
import { formErrors } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime, localizedName } from '../format';
import { currentLanguage } from '../i18n';
import { useUser } from '../session';
import { useApi } from '../use-api';

const FORM_FIELDS = ['username', 'fullName', 'role', 'password', 'ruralDistrictId'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const lang = currentLanguage();
  const users = useApi(() => api.users.list(), []);
  const districts = useApi(() => api.ruralDistricts.list(), []);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const canAdd = me.role === 'ADMIN';

  const districtName = useMemo(() => {
    const byId = new Map<string, RuralDistrict>((districts.data?.ruralDistricts ?? []).map((d) => [String(d.id), d]));
    return (id: UserRow['ruralDistrictId']) => {
      const d = id === null ? undefined : byId.get(String(id));
      return d ? localizedName({ kk: d.name_kk, ru: d.name_ru }, lang) : id === null ? '' : String(id);
    };
  }, [districts.data, lang]);

  const rows = useMemo(() => {
    const all = users.data?.users ?? [];
    const q = query.trim().toLocaleLowerCase();
    return q ? all.filter((u) => u.fullName.toLocaleLowerCase().includes(q) || u.username.toLocaleLowerCase().includes(q)) : all;
  }, [users.data, query]);

  const columns: Column<UserRow>[] = [
    { key: 'username', header: t('users:columns.username'), sortValue: (u) => u.username, render: (u) => <Text ff="monospace" fz="sm">{u.username}</Text>, nowrap: true },
    { key: 'fullName', header: t('users:columns.fullName'), sortValue: (u) => u.fullName },
    { key: 'role', header: t('users:columns.role'), sortValue: (u) => ROLE_NAMES[u.role]?.[lang] ?? u.role, render: (u) => ROLE_NAMES[u.role]?.[lang] ?? u.role },
    { key: 'district', header: t('users:columns.ruralDistrict'), sortValue: (u) => districtName(u.ruralDistrictId) },
    {
      key: 'active',
      header: t('users:columns.status'),
      sortValue: (u) => u.active,
      render: (u) => <StatusBadge tone={u.active ? 'success' : 'neutral'} label={t(u.active ? 'common:status.active' : 'common:status.inactive')} />,
      nowrap: true,
    },
    { key: 'createdAt', header: t('users:columns.createdAt'), sortValue: (u) => u.createdAt, render: (u) => formatDateTime(u.createdAt), nowrap: true },
    ...(canAdd ? [{ key: 'manage', header: t('admin:users.manage'), render: (u: UserRow) => <ManageUser user={u} self={u.id === me.id} onChanged={users.reload} />, nowrap: true }] : []),
  ];

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('users:title')}
        description={t('users:subtitle')}
        actions={
          canAdd ? (
            <Button onClick={() => setAdding(true)} data-testid="users-add">
              {t('users:add')}
            </Button>
          ) : null
        }
      />
      {!canAdd ? (
        <Alert color="gray" variant="light" mb="md" data-testid="users-read-only">
          {t('users:readOnly')}
        </Alert>
      ) : null}
      {created ? (
        <Alert color="teal" variant="light" mb="md" withCloseButton onClose={() => setCreated(null)} data-testid="users-created">
          {t('users:created', { username: created })}
        </Alert>
      ) : null}
      {users.error ? <ErrorAlert error={users.error} onRetry={users.reload} /> : null}
      <Group justify="space-between" mb="xs">
        <TextInput
          placeholder={t('users:search')}
          aria-label={t('users:search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={420}
          maw="100%"
          data-testid="users-search"
        />
        <Text fz="sm" c="dimmed">
          {t('users:total', { total: rows.length })}
        </Text>
      </Group>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        pageSize={25}
        initialSort={{ column: 'fullName', direction: 'asc' }}
        loading={users.loading}
        data-testid="users-table"
      />
      {canAdd ? (
        <AddUserModal
          opened={adding}
          districts={districts.data?.ruralDistricts ?? []}
          onClose={() => setAdding(false)}
          onCreated={(u) => {
            setAdding(false);
            setCreated(u.username);
            users.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

function AddUserModal({
  opened,
  districts,
  onClose,
  onCreated,
}: {
  opened: boolean;
  districts: readonly RuralDistrict[];
  onClose: () => void;
  onCreated: (user: UserRow) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const lang = currentLanguage();
  const empty = { username: '', fullName: '', role: '', password: '', ruralDistrictId: '' };
  const [values, setValues] = useState(empty);
  const [checks, setChecks] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const needsDistrict = values.role === 'RURAL_AKIM';
  const set = (k: keyof typeof empty) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const close = () => {
    setValues(empty);
    setChecks({});
    setError(null);
    onClose();
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const required = t('common:form.required');
    const found: Record<string, string | undefined> = {
      username: values.username.trim() ? undefined : required,
      fullName: values.fullName.trim() ? undefined : required,
      role: values.role ? undefined : required,
      password: values.password ? undefined : required,
      ruralDistrictId: needsDistrict && !values.ruralDistrictId ? required : undefined,
    };
    setChecks(found);
    setError(null);
    if (Object.values(found).some(Boolean)) return;
    const body: NewUser = {
      username: values.username.trim(),
      fullName: values.fullName.trim(),
      role: values.role as Role,
      password: values.password,
      ...(needsDistrict ? { ruralDistrictId: values.ruralDistrictId } : {}),
    };
    setBusy(true);
    try {
      const { user } = await api.users.create(body);
      setValues(empty);
      onCreated(user);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK_ERROR', String(err)));
    } finally {
      setBusy(false);
    }
  };

  const errors = formErrors(checks, error);
  const unclaimed = error ? errors.unclaimed(FORM_FIELDS) : [];

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>{t('users:add')}</Text>} size="md" data-testid="users-add-modal">
      {error && (error.fields.length === 0 || unclaimed.length > 0) ? (
        <Alert color="red" variant="light" mb="sm" data-testid="users-add-error" data-code={error.code}>
          {errorText(error)}
          {unclaimed.map((m) => (
            <Text key={m} fz="sm">
              {m}
            </Text>
          ))}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t('users:form.username')} required autoComplete="off" value={values.username} onChange={(e) => set('username')(e.currentTarget.value)} error={errors.field('username')} data-testid="users-form-username" />
          <TextInput label={t('users:form.fullName')} required value={values.fullName} onChange={(e) => set('fullName')(e.currentTarget.value)} error={errors.field('fullName')} data-testid="users-form-fullName" />
          <Select
            label={t('users:form.role')}
            placeholder={t('users:form.rolePlaceholder')}
            required
            data={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r][lang] }))}
            value={values.role || null}
            onChange={(v) => set('role')(v ?? '')}
            error={errors.field('role')}
            comboboxProps={{ withinPortal: true }}
            data-testid="users-form-role"
          />
          {needsDistrict ? (
            <Select
              label={t('users:form.ruralDistrict')}
              placeholder={t('users:form.ruralDistrictPlaceholder')}
              description={t('users:form.ruralDistrictHint')}
              required
              searchable
              data={districts.map((d) => {
                const name = localizedName({ kk: d.name_kk, ru: d.name_ru }, lang);
                return { value: d.id, label: d.example ? t('users:form.exampleDistrict', { name }) : name };
              })}
              value={values.ruralDistrictId || null}
              onChange={(v) => set('ruralDistrictId')(v ?? '')}
              error={errors.field('ruralDistrictId')}
              data-testid="users-form-district"
            />
          ) : null}
          <PasswordInput label={t('users:form.password')} required autoComplete="new-password" value={values.password} onChange={(e) => set('password')(e.currentTarget.value)} error={errors.field('password')} data-testid="users-form-password" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="users-form-submit">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Role change and (de)activation by the administrator (PATCH /api/users/:id; src/admin/change-user.ts). */
function ManageUser({ user, self, onChanged }: { user: UserRow; self: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [error, setError] = useState<string>();
  const patch = async (body: Record<string, unknown>) => {
    setError(undefined);
    try {
      await api.request('PATCH', `/api/users/${user.id}`, body);
      onChanged();
    } catch (e) {
      setError((e as ApiError).fields[0]?.message ?? (e as ApiError).message);
    }
  };
  if (self) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Select
        size="xs"
        w={190}
        aria-label={t('admin:users.role')}
        value={user.role}
        data={ROLES.filter((r) => r !== 'RURAL_AKIM' || user.ruralDistrictId).map((r) => ({ value: r, label: ROLE_NAMES[r][lang] }))}
        onChange={(r) => (r && r !== user.role ? void patch({ role: r }) : undefined)}
        error={error}
        data-testid={`user-role-${user.username}`}
      />
      <Button size="compact-xs" variant="light" color={user.active ? 'red' : 'teal'} onClick={() => void patch({ active: !user.active })} data-testid={`user-toggle-${user.username}`}>
        {user.active ? t('admin:users.deactivate') : t('admin:users.activate')}
      </Button>
    </Group>
  );
}
