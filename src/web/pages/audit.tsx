/**
 * The audit log (ADMIN, AUDITOR): newest entries first, 50 a page, paged by the server's `before` cursor;
 * each entry's before/after on demand; and "verify chain", which asks the server to recheck the hash chain
 * and shows how many entries it checked and the first broken one.
 */
import { Alert, Button, Code, Group, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_NAMES, type Role } from '../../auth/roles';
import { api, ApiError, type AuditEntry, type AuditVerification } from '../api-client';
import { DataTable, type Column } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { auditActionKeys, currentLanguage, type Language } from '../i18n';
import { useApi } from '../use-api';

export const AUDIT_PAGE_SIZE = 50;

/** A long id (a UUID) cut to its first 8 characters for the table; the full id is in the cell's title. */
function roleName(role: string, lang: Language): string {
  return (ROLES as readonly string[]).includes(role) ? ROLE_NAMES[role as Role][lang] : role;
}

function shortId(id: string | number): string {
  const s = String(id);
  return s.length > 12 ? `${s.slice(0, 8)}…` : s;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // cursors[i] is the `before` of page i+1; page 1 has none.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const log = useApi(() => api.audit.list({ limit: AUDIT_PAGE_SIZE, before }), [before]);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const entries = log.data?.entries ?? [];
  const last = entries[entries.length - 1];
  const hasOlder = entries.length === AUDIT_PAGE_SIZE && last !== undefined;

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.audit.verify());
    } catch (e) {
      setVerification(null);
      setVerifyError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    } finally {
      setVerifying(false);
    }
  };

  // A module labels its own actions in its namespace (auditActions); unknown codes show as they are.
  const actionLabel = (action: string) => t(auditActionKeys(action), { defaultValue: action });

  const columns: Column<AuditEntry>[] = [
    { key: 'id', header: t('audit:columns.id'), sortValue: (e) => e.id, align: 'right', width: 70, nowrap: true },
    { key: 'at', header: t('audit:columns.at'), sortValue: (e) => e.at, render: (e) => formatDateTime(e.at), nowrap: true, width: 140 },
    {
      key: 'actor',
      header: t('audit:columns.actor'),
      sortValue: (e) => e.actorName ?? '',
      render: (e) => (
        <Stack gap={0}>
          <Text fz="sm">{e.actorName ?? t('audit:system')}</Text>
          {e.actorRole ? (
            <Text fz="xs" c="dimmed">
              {roleName(e.actorRole, lang)}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: t('audit:columns.action'),
      sortValue: (e) => actionLabel(e.action),
      render: (e) => (
        <Stack gap={0}>
          <Text fz="sm">{actionLabel(e.action)}</Text>
          <Text fz={11} c="dimmed" ff="monospace">
            {e.action}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'target',
      header: t('audit:columns.target'),
      sortValue: (e) => e.targetType,
      render: (e) => (
        <Text fz="sm" ff="monospace" title={e.targetId !== null ? `${e.targetType} ${e.targetId}` : e.targetType}>
          {e.targetType}
          {e.targetId !== null ? ` ${shortId(e.targetId)}` : ''}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'details',
      header: t('audit:columns.details'),
      render: (e) =>
        e.before !== null || e.after !== null ? (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen(e)} data-testid={`audit-show-${e.id}`}>
            {t('audit:show')}
          </Button>
        ) : (
          '—'
        ),
      width: 110,
    },
  ];

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('audit:title')}
        description={t('audit:subtitle')}
        actions={
          <Button loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
            {t('audit:verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          color={verification.ok ? 'teal' : 'red'}
          variant="light"
          mb="md"
          withCloseButton
          onClose={() => setVerification(null)}
          title={t(verification.ok ? 'audit:verifyOkTitle' : 'audit:verifyBrokenTitle')}
          data-testid="audit-verify-result"
          data-ok={String(verification.ok)}
        >
          {verification.ok || !verification.firstBroken
            ? t('audit:verifyOkBody', { checked: verification.checked })
            : t('audit:verifyBrokenBody', {
                checked: verification.checked,
                id: verification.firstBroken.id,
                lane: verification.firstBroken.lane,
                reason: verification.firstBroken.reason,
              })}
          {!verification.ok && verification.brokenLanes.length > 1 ? (
            <List size="sm" mt="xs" data-testid="audit-broken-lanes">
              {verification.brokenLanes.map((b) => (
                <List.Item key={b.lane}>{t('audit:brokenLane', { lane: b.lane, id: b.id, reason: b.reason })}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
      {verifyError ? <ErrorAlert error={verifyError} /> : null}
      {log.error ? <ErrorAlert error={log.error} onRetry={log.reload} /> : null}
      <DataTable
        columns={columns}
        rows={entries}
        rowKey={(e) => e.id}
        loading={log.loading}
        data-testid="audit-table"
        footer={
          <Group justify="space-between">
            <Button variant="default" size="compact-sm" disabled={cursors.length <= 1 || log.loading} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-newer">
              {t('common:pager.newer')}
            </Button>
            <Text fz="xs" c="dimmed" data-testid="audit-page">
              {t('common:pager.page', { page: cursors.length })}
            </Text>
            <Button variant="default" size="compact-sm" disabled={!hasOlder || log.loading} onClick={() => last && setCursors((c) => [...c, last.id])} data-testid="audit-older">
              {t('common:pager.older')}
            </Button>
          </Group>
        }
      />
      <Modal opened={open !== null} onClose={() => setOpen(null)} size="xl" title={open ? <Text fw={600}>{t('audit:entryTitle', { id: open.id })}</Text> : null}>
        {open ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JsonBlock label={t('audit:before')} value={open.before} none={t('audit:none')} />
            <JsonBlock label={t('audit:after')} value={open.after} none={t('audit:none')} />
          </SimpleGrid>
        ) : null}
      </Modal>
    </Stack>
  );
}

function JsonBlock({ label, value, none }: { label: string; value: unknown; none: string }) {
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text fz="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <Code block fz="xs" mah={420} style={{ overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}
