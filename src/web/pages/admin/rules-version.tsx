/**
 * One rules version (issue 6 items 2–5): its dated parameters (threshold multiple, limit amounts,
 * subsistence-minimum choice), categories of p.7 with every field, holidays of p.5, rural districts; the
 * lifecycle actions (approve, schedule, withdraw, export); the what-if impact preview; and who changed
 * what, from the audit log. Only a draft is edited, and every edit carries its legal reference.
 */
import { Alert, Anchor, Badge, Button, Card, Code, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatDateTime, formatMoney } from '../../format';
import { auditActionKeys, currentLanguage } from '../../i18n';
import type { PageProps } from '../../nav';
import { Link } from '../../components/link';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { Chart } from '../dashboard/chart';
import { adminApi, type CategoryData, type HolidayData, type Impact, type ImpactChange, type Legal, type Series } from './admin-api';
import { CategoryEditor } from './category-editor';
import { HolidayEditor, holidayDateText } from './holiday-editor';
import { EMPTY_LEGAL, LegalFields } from './legal-fields';
import { ExampleBadge, LifecycleBadge } from './lifecycle-badge';

const money = (tiyn: number, lang: string) => formatMoney(Math.round(tiyn), lang);

function amountText(rule: Record<string, unknown> & { kind: string }, lang: string): string {
  switch (rule.kind) {
    case 'mci':
      return `${String(rule.n)} × MCI`;
    case 'subsistence-minimum':
      return `${String(rule.n)} × SM`;
    case 'percent-of':
      return `${String(rule.percent)} % ${String(rule.parameter)}`;
    case 'fixed':
      return formatMoney(Number(rule.tiyn), lang);
    case 'actual-cost-capped':
      return `≤ ${amountText(rule.capRule as Record<string, unknown> & { kind: string }, lang)}`;
    default:
      return rule.kind;
  }
}

export default function RulesVersionPage({ params }: PageProps) {
  const id = params.id ?? '';
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useUser();
  const data = useApi(() => adminApi.version(id), [id]);
  const history = useApi(() => adminApi.history(id), [id]);
  const [legal, setLegal] = useState<Legal>(EMPTY_LEGAL);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [scheduleOn, setScheduleOn] = useState('');
  const [impact, setImpact] = useState<{ impact: Impact; changes: ImpactChange[] }>();
  const [tab, setTab] = useState<string | null>('parameters');
  const [editing, setEditing] = useState<CategoryData | 'new' | null>(null);
  const [editingHoliday, setEditingHoliday] = useState<{ index: number; data: HolidayData } | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const v = data.data?.version;
  const config = data.data?.config;
  const isDraft = v?.lifecycle === 'draft';
  const canEdit = me.role === 'ADMIN' && isDraft;
  const canAct = me.role === 'ADMIN';
  const ownVersion = config?.rulesVersions.at(-1)?.id;

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      data.reload();
      history.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  /** Saves one edit of the draft from a dialog: the dialog closes on success and shows the server's error otherwise. */
  const saveEdit = async (edit: unknown, close: () => void): Promise<ApiError | undefined> => {
    try {
      await adminApi.edit(id, { edit, legal, expectedVersion: data.data?.version.version });
      close();
      data.reload();
      history.reload();
      return undefined;
    } catch (e) {
      return e as ApiError;
    }
  };

  const previewImpact = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setImpact(await adminApi.impact(id));
      setTab('impact');
      history.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />;
  if (!v || !config) return <Text>{t('common:loading', { defaultValue: '…' })}</Text>;

  const threshold = config.series.find((s) => s.id === config.parameters.thresholdMultiple);
  const districtSeries = config.series.filter((s) => s.unit !== 'series');
  const categories = config.categories.filter((c) => !c.versions || (ownVersion !== undefined && c.versions.includes(ownVersion)));
  const sums = [...new Set([...categories, ...config.holidays].flatMap((c) => [c.amountRule, c.amountRule.capRule as typeof c.amountRule | undefined]).flatMap((r) => (r?.kind === 'percent-of' ? [String(r.parameter)] : [])))];
  const limits = config.series.filter((s) => s.unit === 'tiyn').map((s) => ({ id: s.id, name: `${lang === 'ru' ? s.name_ru : lang === 'en' ? s.name_en : s.name_kk} (${s.id})` }));
  const holidayCategories = [...new Set(config.holidays.flatMap((h) => h.categories))].sort();

  return (
    <Stack gap="md">
      <PageHeader
        title={
          <Group gap="sm">
            <span>{t('admin:version.title', { code: v.code })}</span>
            <LifecycleBadge lifecycle={v.lifecycle} />
            <ExampleBadge count={v.exampleCount} />
          </Group>
        }
        description={`${v.legal.act} № ${v.legal.number}, ${formatDate(v.legal.date)}, ${v.legal.clause} · ${t('admin:columns.effectiveFrom')}: ${formatDate(v.effectiveFrom)}`}
        actions={
          <Group gap="xs">
            <Anchor href={`/api/admin/rules-versions/${v.id}/export`} data-testid="version-export">
              {t('admin:version.export')}
            </Anchor>
            {canAct && ['draft', 'approved', 'scheduled'].includes(v.lifecycle) ? (
              <Button variant="light" onClick={previewImpact} loading={busy} data-testid="impact-run">
                {t('admin:version.previewImpact')}
              </Button>
            ) : null}
            {canAct && v.lifecycle === 'draft' ? (
              <Button color="orange" onClick={() => run(() => adminApi.approve(id))} loading={busy} data-testid="version-approve">
                {t('admin:version.approve')}
              </Button>
            ) : null}
            {canAct && ['draft', 'approved', 'scheduled'].includes(v.lifecycle) ? (
              <Button variant="subtle" color="red" onClick={() => run(() => adminApi.withdraw(id))} loading={busy} data-testid="version-withdraw">
                {t('admin:version.withdraw')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {v.lifecycle === 'in-force' || v.lifecycle === 'archived' ? <Alert color="gray" variant="light">{t('admin:version.inForceReadOnly')}</Alert> : null}
      {canAct && v.lifecycle === 'approved' ? (
        <Card withBorder padding="sm" radius="sm">
          <Group align="end">
            <TextInput label={t('admin:version.scheduleOn')} type="date" value={scheduleOn || v.effectiveFrom} onChange={(e) => setScheduleOn(e.currentTarget.value)} data-testid="schedule-date" error={error?.fieldMessage('effectiveFrom')} />
            <Button onClick={() => run(() => adminApi.schedule(id, scheduleOn || undefined))} loading={busy} data-testid="version-schedule">
              {t('admin:version.schedule')}
            </Button>
            <Text fz="sm" c="dimmed" maw={520}>
              {t('admin:version.scheduleHint')}
            </Text>
          </Group>
        </Card>
      ) : null}
      {canEdit ? (
        <Card withBorder padding="sm" radius="sm">
          <Text fw={600} fz="sm" mb={4}>
            {t('admin:version.legalForEdits')}
          </Text>
          <LegalFields value={legal} onChange={setLegal} error={error} />
        </Card>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="parameters" data-testid="tab-parameters">{t('admin:tabs.parameters')}</Tabs.Tab>
          <Tabs.Tab value="categories" data-testid="tab-categories">{t('admin:tabs.categories', { count: categories.length })}</Tabs.Tab>
          <Tabs.Tab value="holidays" data-testid="tab-holidays">{t('admin:tabs.holidays', { count: config.holidays.length })}</Tabs.Tab>
          <Tabs.Tab value="districts">{t('admin:tabs.districts', { count: config.ruralDistricts.length })}</Tabs.Tab>
          <Tabs.Tab value="impact" data-testid="tab-impact">{t('admin:tabs.impact')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('admin:tabs.history')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="parameters" pt="md">
          <Stack gap="md">
            {threshold ? <ThresholdCard series={threshold} canEdit={canEdit} defaultFrom={v.effectiveFrom} onSave={(value, from, status) => run(() => adminApi.edit(id, { edit: { kind: 'set-parameter', seriesId: threshold.id, from, value, status }, legal, expectedVersion: v.version }))} /> : null}
            {districtSeries
              .filter((s) => s.id !== threshold?.id)
              .map((s) => (
                <SeriesCard key={s.id} series={s} canEdit={canEdit} defaultFrom={v.effectiveFrom} onSave={(value, from, status) => run(() => adminApi.edit(id, { edit: { kind: 'set-parameter', seriesId: s.id, from, value, status }, legal, expectedVersion: v.version }))} />
              ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="categories" pt="md">
          <Table striped withTableBorder fz="sm" data-testid="categories-table">
            <Table.Thead>
              <Table.Tr>
                {['code', 'name', 'ground', 'periodicity', 'amount', 'incomeTest', 'documents', 'timeLimit', 'maxTimes', 'limit', 'legal', ''].map((k) => (
                  <Table.Th key={k}>{k ? t(`admin:category.${k}`) : ''}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((c) => (
                <Table.Tr key={`${c.code}-${(c.versions ?? []).join()}`}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <b>{c.code}</b>
                      {c.example ? <Badge color="yellow" size="xs">{t('admin:example')}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{lang === 'ru' ? c.name_ru : lang === 'en' ? c.name_en : c.name_kk}</Table.Td>
                  <Table.Td>{c.ground ?? '—'}</Table.Td>
                  <Table.Td>{t(`admin:periodicity.${c.periodicity}`)}</Table.Td>
                  <Table.Td>{amountText(c.amountRule, lang)}</Table.Td>
                  <Table.Td>{c.incomeTest.required ? `✓${c.incomeTest.thresholdMultiple ? ` ${c.incomeTest.thresholdMultiple}×` : ''}` : '—'}</Table.Td>
                  <Table.Td>{c.requiredDocuments.map((d) => (lang === 'ru' ? d.name_ru : d.name_kk)).join('; ') || '—'}</Table.Td>
                  <Table.Td>{c.applicationTimeLimitDays ?? '—'}</Table.Td>
                  <Table.Td>{c.maxTimesPerYear ?? '—'}</Table.Td>
                  <Table.Td>{c.limitParameter ?? '—'}</Table.Td>
                  <Table.Td fz="xs" title={c.legalReference.act} style={{ maxWidth: 220 }}>
                    <Text fz="xs" lineClamp={2}>{`${c.legalReference.clause ? `${c.legalReference.clause} · ` : ''}${c.legalReference.act}`}</Text>
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <EditRemoveButtons
                        testId={`category-%s-${c.code}`}
                        onEdit={() => setEditing(c)}
                        confirming={removing === `category:${c.code}`}
                        onAskRemove={() => setRemoving(`category:${c.code}`)}
                        onRemove={() => run(async () => { await adminApi.edit(id, { edit: { kind: 'remove-category', code: c.code }, legal, expectedVersion: v.version }); setRemoving(null); })}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canEdit ? (
            <Button mt="sm" variant="default" onClick={() => setEditing('new')} data-testid="category-add">
              {t('admin:category.add')}
            </Button>
          ) : null}
          <CategoryEditor
            category={editing}
            taken={categories.map((c) => c.code)}
            sums={sums}
            limits={limits}
            legal={legal}
            onLegal={setLegal}
            onClose={() => setEditing(null)}
            onSave={(edit) => saveEdit(edit, () => setEditing(null))}
          />
        </Tabs.Panel>

        <Tabs.Panel value="holidays" pt="md">
          <Text fz="sm" c="dimmed" mb="xs">
            {t('admin:holiday.hint')}
          </Text>
          <Table striped withTableBorder fz="sm" data-testid="holidays-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin:holiday.date')}</Table.Th>
                <Table.Th>{t('admin:holiday.name')}</Table.Th>
                <Table.Th>{t('admin:holiday.categories')}</Table.Th>
                <Table.Th>{t('admin:category.amount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {config.holidays
                .map((h, i) => ({ h, i }))
                .sort((x, y) => (x.h.date < y.h.date ? -1 : x.h.date > y.h.date ? 1 : x.i - y.i))
                .map(({ h, i }) => (
                <Table.Tr key={`${i}-${h.date}`} data-testid={`holiday-row-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{holidayDateText(h.date, t)}</Table.Td>
                  <Table.Td>
                    {lang === 'ru' ? h.name_ru : h.name_kk} {h.example ? <Badge color="yellow" size="xs">{t('admin:example')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>{h.categories.join(', ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{amountText(h.amountRule, lang)}</Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <EditRemoveButtons
                        testId={`holiday-%s-${i}`}
                        onEdit={() => setEditingHoliday({ index: i, data: h })}
                        confirming={removing === `holiday:${i}`}
                        onAskRemove={() => setRemoving(`holiday:${i}`)}
                        onRemove={() => run(async () => { await adminApi.edit(id, { edit: { kind: 'remove-holiday', index: i }, legal, expectedVersion: v.version }); setRemoving(null); })}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {canEdit ? (
            <Button mt="sm" variant="default" onClick={() => setEditingHoliday('new')} data-testid="holiday-add">
              {t('admin:holiday.add')}
            </Button>
          ) : null}
          <HolidayEditor
            holiday={editingHoliday}
            knownCategories={holidayCategories}
            sums={sums}
            legal={legal}
            onLegal={setLegal}
            onClose={() => setEditingHoliday(null)}
            onSave={(edit) => saveEdit(edit, () => setEditingHoliday(null))}
          />
        </Tabs.Panel>

        <Tabs.Panel value="districts" pt="md">
          <Text fz="sm" c="dimmed" mb="xs">
            {t('admin:districts.configNote')}{' '}
            <Link to="/admin/rural-districts">{t('admin:districts.title')}</Link>
          </Text>
          <Table striped withTableBorder fz="sm">
            <Table.Tbody>
              {config.ruralDistricts.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td><Code>{r.code}</Code></Table.Td>
                  <Table.Td>{r.name_kk}</Table.Td>
                  <Table.Td>{r.name_ru}</Table.Td>
                  <Table.Td>{r.example ? <Badge color="yellow" size="xs">{t('admin:example')}</Badge> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="impact" pt="md">
          {impact ? <ImpactView data={impact} districts={config.ruralDistricts} /> : <Text c="dimmed">{t('admin:impact.notRun')}</Text>}
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <Table striped withTableBorder fz="sm" data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin:history.at')}</Table.Th>
                <Table.Th>{t('admin:history.who')}</Table.Th>
                <Table.Th>{t('admin:history.action')}</Table.Th>
                <Table.Th>{t('admin:history.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(history.data?.entries ?? []).map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor ?? '—'}</Table.Td>
                  <Table.Td>
                    {t(auditActionKeys(e.action), { defaultValue: e.action })}
                    <Text fz={10} c="dimmed" ff="monospace">
                      {e.action}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="xs" style={{ maxWidth: 640, wordBreak: 'break-word' }}>
                    {historyText(e.payload, config.series, lang)}
                    {legalOf(e.payload) ? <Text fz="xs" c="dimmed">{`${t('admin:history.legal')}: ${legalOf(e.payload)}`}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type Payload = { after?: { edit?: Record<string, unknown> & { kind?: string }; legal?: { act: string; number: string; date: string; clause: string } } & Record<string, unknown> } | null;

/** What an administrative change did, read from its audit entry (the edit, not its raw record). */
function historyText(payload: unknown, series: readonly Series[], lang: string): string {
  const after = (payload as Payload)?.after;
  const edit = after?.edit;
  if (!edit) {
    const { legal: _l, ...rest } = after ?? {};
    return Object.keys(rest).length ? JSON.stringify(rest) : '';
  }
  const category = edit.category as { code?: string; name_kk?: string } | undefined;
  const holiday = edit.holiday as { date?: string; name_kk?: string } | undefined;
  switch (edit.kind) {
    case 'set-parameter':
      {
        const known = series.find((x) => x.id === edit.seriesId);
        const value = known ? entryText(known, edit.value as SeriesValue, lang) : String(edit.value);
        return `${String(edit.seriesId)} · ${formatDate(String(edit.from))} → ${value}${edit.status ? ` (${String(edit.status)})` : ''}`;
      }
    case 'set-category':
      return `${category?.code ?? ''} ${category?.name_kk ?? ''}`;
    case 'remove-category':
      return String(edit.code);
    case 'set-holiday':
      return `${holiday?.date ?? ''} ${holiday?.name_kk ?? ''}${edit.index !== undefined ? ` [${String(edit.index)}]` : ''}`;
    case 'remove-holiday':
      return `[${String(edit.index)}]`;
    default:
      return JSON.stringify(edit).slice(0, 300);
  }
}

function legalOf(payload: unknown): string | null {
  const legal = (payload as Payload)?.after?.legal;
  return legal ? `${legal.act} № ${legal.number}, ${formatDate(legal.date)}, ${legal.clause}` : null;
}

function entryText(s: Series, value: SeriesValue, lang: string): string {
  if (value === null) return '—';
  if (s.unit === 'thousandths' && typeof value === 'number') return `${value / 1000} ×`;
  if (s.unit === 'tiyn' && typeof value === 'number') return formatMoney(value, lang);
  return String(value);
}
type SeriesValue = number | string | null;

function SeriesTable({ series }: { series: Series }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table fz="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin:series.from')}</Table.Th>
          <Table.Th>{t('admin:series.value')}</Table.Th>
          <Table.Th>{t('admin:series.status')}</Table.Th>
          <Table.Th>{t('admin:series.source')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.entries.map((e) => (
          <Table.Tr key={e.from}>
            <Table.Td>{formatDate(e.from)}</Table.Td>
            <Table.Td fw={600}>{entryText(series, e.value, lang)}</Table.Td>
            <Table.Td>{e.status === 'example' ? <Badge color="yellow" size="xs">{t('admin:example')}</Badge> : t(`admin:valueStatus.${e.status}`)}</Table.Td>
            <Table.Td fz="xs">{`${e.source.act}${e.source.clause ? `, ${e.source.clause}` : ''}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const VALUE_STATUSES = ['official', 'assumed', 'example'] as const;
type ValueStatus = (typeof VALUE_STATUSES)[number];

/** Whether the entered value is official, assumed or still an example to be replaced. */
function StatusSelect({ value, onChange, testId }: { value: ValueStatus; onChange: (s: ValueStatus) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect label={t('admin:series.status')} data={VALUE_STATUSES.map((s) => ({ value: s, label: t(`admin:valueStatus.${s}`) }))} value={value} onChange={(e) => onChange(e.currentTarget.value as ValueStatus)} data-testid={testId} />
  );
}

function ThresholdCard({ series, canEdit, defaultFrom, onSave }: { series: Series; canEdit: boolean; defaultFrom: string; onSave: (thousandths: number, from: string, status: ValueStatus) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [multiple, setMultiple] = useState<number | string>('');
  const [from, setFrom] = useState(defaultFrom);
  const [status, setStatus] = useState<ValueStatus>('official');
  return (
    <Card withBorder radius="sm" padding="md" data-testid="threshold-card">
      <Title order={4}>{t('admin:threshold.title')}</Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {lang === 'ru' ? series.name_ru : lang === 'en' ? series.name_en : series.name_kk} — {t('admin:threshold.clauses')}
      </Text>
      <SeriesTable series={series} />
      {canEdit ? (
        <Group mt="sm" align="end">
          <NumberInput label={t('admin:threshold.multiple')} value={multiple} onChange={setMultiple} decimalScale={3} min={0.001} step={0.1} w={200} data-testid="threshold-multiple" />
          <TextInput label={t('admin:series.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="threshold-from" />
          <StatusSelect value={status} onChange={setStatus} testId="threshold-status" />
          <Button onClick={() => onSave(Math.round(Number(multiple) * 1000), from, status)} disabled={multiple === ''} data-testid="threshold-save">
            {t('admin:save')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function SeriesCard({ series, canEdit, defaultFrom, onSave }: { series: Series; canEdit: boolean; defaultFrom: string; onSave: (value: number, from: string, status: ValueStatus) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [value, setValue] = useState<number | string>('');
  const [from, setFrom] = useState(defaultFrom);
  const [status, setStatus] = useState<ValueStatus>('official');
  return (
    <Card withBorder radius="sm" padding="md">
      <Text fw={600}>{lang === 'ru' ? series.name_ru : lang === 'en' ? series.name_en : series.name_kk}</Text>
      <Text fz="xs" c="dimmed" mb="xs">
        <Code>{series.id}</Code>
      </Text>
      <SeriesTable series={series} />
      {canEdit ? (
        <Group mt="sm" align="end">
          <NumberInput label={series.unit === 'tiyn' ? t('admin:series.tenge') : t('admin:threshold.multiple')} value={value} onChange={setValue} decimalScale={series.unit === 'tiyn' ? 2 : 3} min={0} w={200} data-testid={`series-value-${series.id}`} />
          <TextInput label={t('admin:series.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <StatusSelect value={status} onChange={setStatus} testId={`series-status-${series.id}`} />
          <Button variant="light" onClick={() => onSave(Math.round(Number(value) * (series.unit === 'tiyn' ? 100 : 1000)), from, status)} disabled={value === ''} data-testid={`series-save-${series.id}`}>
            {t('admin:save')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function Stat({ label, current, draft, format, testId }: { label: string; current: number; draft: number; format: (n: number) => string; testId: string }) {
  const diff = draft - current;
  return (
    <Card withBorder radius="sm" padding="sm" data-testid={testId}>
      <Text fz={11} tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Group gap="xs" align="baseline" mt={4}>
        <Text fz={22} fw={700}>
          {format(draft)}
        </Text>
        <Text fz="sm" c={diff > 0 ? 'teal' : diff < 0 ? 'red' : 'dimmed'} fw={600}>
          {diff > 0 ? '+' : diff < 0 ? '−' : '±'}
          {format(Math.abs(diff))}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        {format(current)}
      </Text>
    </Card>
  );
}

function ImpactView({ data, districts }: { data: { impact: Impact; changes: ImpactChange[] }; districts: { code: string; name_kk: string; name_ru: string }[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { impact, changes } = data;
  const name = (code: string) => {
    const d = districts.find((x) => x.code === code);
    return d ? (lang === 'ru' ? d.name_ru : d.name_kk) : code;
  };
  const num = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'ru-RU');
  const byDistrict = new Map<string, { current: number; draft: number }>();
  for (const c of impact.cells) {
    const e = byDistrict.get(c.ruralDistrictId) ?? { current: 0, draft: 0 };
    e.current += c.current.households;
    e.draft += c.draft.households;
    byDistrict.set(c.ruralDistrictId, e);
  }
  const rows = [...byDistrict.entries()].sort((a, b) => b[1].draft - b[1].current - (a[1].draft - a[1].current));
  const labels = rows.map(([code]) => name(code).replace(/ ауылдық округі| сельский округ/i, ''));
  const budget = impact.budget;
  const changeColumns: Column<ImpactChange>[] = [
    { key: 'change', header: t('admin:impact.change'), sortValue: (c) => c.change, render: (c) => <Badge color={c.change === 'gained' ? 'teal' : 'red'}>{t(`admin:impact.${c.change}`)}</Badge> },
    { key: 'category', header: t('admin:category.code'), sortValue: (c) => c.category },
    { key: 'district', header: t('admin:impact.district'), sortValue: (c) => name(c.ruralDistrictId), render: (c) => name(c.ruralDistrictId) },
    { key: 'head', header: t('admin:impact.head'), sortValue: (c) => c.headName ?? '', render: (c) => c.headName ?? '—' },
    { key: 'members', header: t('admin:impact.members'), sortValue: (c) => c.members, align: 'right' },
    { key: 'perCapita', header: t('admin:impact.perCapita'), sortValue: (c) => c.perCapitaTiyn, render: (c) => money(c.perCapitaTiyn, lang), align: 'right', nowrap: true },
    { key: 'amount', header: t('admin:impact.amount'), sortValue: (c) => c.amountTiyn, render: (c) => money(c.amountTiyn, lang), align: 'right', nowrap: true },
  ];
  return (
    <Stack gap="md" data-testid="impact-view">
      <Text fz="sm" c="dimmed">
        {t('admin:impact.scope', { households: num(impact.households), asOf: formatDate(impact.asOf), quarter: impact.incomeQuarter, current: impact.currentCode, draft: impact.draftCode, categories: impact.categories.join(', '), seconds: impact.seconds.total.toFixed(1) })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('admin:impact.households')} current={impact.current.eligibleHouseholds} draft={impact.draft.eligibleHouseholds} format={num} testId="impact-households" />
        <Stat label={t('admin:impact.persons')} current={impact.current.eligiblePersons} draft={impact.draft.eligiblePersons} format={num} testId="impact-persons" />
        <Stat label={t('admin:impact.yearlyCost')} current={impact.current.yearlyCostTiyn} draft={impact.draft.yearlyCostTiyn} format={(n) => money(n, lang)} testId="impact-cost" />
        <Card withBorder radius="sm" padding="sm" data-testid="impact-gained-lost">
          <Text fz={11} tt="uppercase" fw={700} c="dimmed">
            {t('admin:impact.gainedLost')}
          </Text>
          <Group gap="md" mt={4}>
            <Text fz={22} fw={700} c="teal" data-testid="impact-gained">
              +{num(impact.gained)}
            </Text>
            <Text fz={22} fw={700} c="red" data-testid="impact-lost">
              −{num(impact.lost)}
            </Text>
          </Group>
        </Card>
      </SimpleGrid>
      <Alert color={budget.available && budget.allocatedTiyn ? (impact.draft.yearlyCostTiyn > budget.allocatedTiyn ? 'red' : 'blue') : 'gray'} variant="light" data-testid="impact-budget">
        {budget.available && budget.allocatedTiyn === 0
          ? t('admin:impact.noAllocation', { year: budget.year, draft: money(impact.draft.yearlyCostTiyn, lang) })
          : budget.available && budget.allocatedTiyn !== null
          ? t('admin:impact.budget', { year: budget.year, allocated: money(budget.allocatedTiyn, lang), draft: money(impact.draft.yearlyCostTiyn, lang), share: budget.allocatedTiyn > 0 ? Math.round((impact.draft.yearlyCostTiyn / budget.allocatedTiyn) * 100) : '—' })
          : t('admin:impact.noBudget')}
      </Alert>
      <Card withBorder radius="sm" padding="sm">
        <Text fw={600} mb={4}>
          {t('admin:impact.chartTitle')}
        </Text>
        <Chart
          height={Math.max(260, rows.length * 34 + 60)}
          data-testid="impact-chart"
          option={{
            grid: { left: 150, right: 40, top: 30, bottom: 30 },
            legend: { top: 0, data: [t('admin:impact.currentLegend', { code: impact.currentCode }), t('admin:impact.draftLegend', { code: impact.draftCode })] },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'value', name: t('admin:impact.households') },
            yAxis: { type: 'category', data: labels, inverse: true },
            series: [
              { name: t('admin:impact.currentLegend', { code: impact.currentCode }), type: 'bar', data: rows.map(([, e]) => e.current), itemStyle: { color: '#9aa5b1' } },
              { name: t('admin:impact.draftLegend', { code: impact.draftCode }), type: 'bar', data: rows.map(([, e]) => e.draft), itemStyle: { color: '#1c7ed6' }, label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => { const e = rows[p.dataIndex]![1]; const d = e.draft - e.current; return d > 0 ? `+${d}` : d < 0 ? `${d}` : ''; } } },
            ],
          }}
        />
      </Card>
      <Table striped withTableBorder fz="sm" data-testid="impact-cells">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin:category.code')}</Table.Th>
            <Table.Th>{t('admin:impact.district')}</Table.Th>
            <Table.Th ta="right">{t('admin:impact.households')} ({impact.currentCode})</Table.Th>
            <Table.Th ta="right">{t('admin:impact.households')} ({impact.draftCode})</Table.Th>
            <Table.Th ta="right">{t('admin:impact.persons')} ({impact.draftCode})</Table.Th>
            <Table.Th ta="right">{t('admin:impact.yearlyCost')} ({impact.draftCode})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {impact.cells.map((c) => (
            <Table.Tr key={`${c.category}-${c.ruralDistrictId}`}>
              <Table.Td>{c.category}</Table.Td>
              <Table.Td>{name(c.ruralDistrictId)}</Table.Td>
              <Table.Td ta="right">{num(c.current.households)}</Table.Td>
              <Table.Td ta="right">{num(c.draft.households)}</Table.Td>
              <Table.Td ta="right">{num(c.draft.persons)}</Table.Td>
              <Table.Td ta="right">{money(c.draft.yearlyCostTiyn, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text fw={600}>{t('admin:impact.listTitle')}</Text>
        <Group gap="sm">
          <Anchor href={`/api/admin/impacts/${impact.id}/changes.csv?lang=${lang === 'ru' ? 'ru' : 'kk'}`} data-testid="impact-csv">CSV</Anchor>
          <Anchor href={`/api/admin/impacts/${impact.id}/changes.xlsx`} data-testid="impact-xlsx">Excel</Anchor>
        </Group>
      </Group>
      <DataTable columns={changeColumns} rows={changes} rowKey={(c) => `${c.category}-${c.householdId}`} pageSize={10} data-testid="impact-changes" />
      <Text fz="xs" c="dimmed">
        {t('admin:impact.note')}
      </Text>
    </Stack>
  );
}

/**
 * A draft list row's edit and remove buttons; removing asks once more before it is sent. `testId` has a
 * `%s` for the button: edit, remove, remove-confirm.
 */
function EditRemoveButtons({ testId, onEdit, confirming, onAskRemove, onRemove }: { testId: string; onEdit: () => void; confirming: boolean; onAskRemove: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const id = (button: string) => testId.replace('%s', button);
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="light" onClick={onEdit} data-testid={id('edit')}>
        {t('admin:edit')}
      </Button>
      {confirming ? (
        <Button size="compact-xs" color="red" onClick={onRemove} data-testid={id('remove-confirm')}>
          {t('admin:removeConfirm')}
        </Button>
      ) : (
        <Button size="compact-xs" variant="subtle" color="red" onClick={onAskRemove} data-testid={id('remove')}>
          {t('admin:remove')}
        </Button>
      )}
    </Group>
  );
}
