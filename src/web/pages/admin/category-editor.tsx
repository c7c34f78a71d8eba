/**
 * The form of one category of p.7 in a draft rules version (issue 6 item 1): every field of the district
 * file's category as its own input — code, names kk/ru/en, ground (p.6), periodicity, amount rule with its
 * parameters (n × MCI, n × subsistence minimum, % of a named sum, fixed tenge, actual cost up to a cap),
 * income test and threshold multiple (p.6.4, p.20.3), required documents (p.11), application time limit,
 * times a year, limit amount (p.8), legal reference and the "example" mark — checked in the user's
 * language before it is sent; saved as one edit of the draft with the edit's legal reference.
 */
import { Alert, Autocomplete, Button, Checkbox, Divider, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import type { CategoryData, Legal } from './admin-api';
import { AMOUNT_KINDS, CAP_KINDS, GROUNDS, PERIODICITIES, categoryEditOf, categoryFormOf, checkCategoryForm, emptyCategoryForm, type AmountForm, type CategoryForm, type FormProblems } from './category-form';
import { EditorActions } from './editor-actions';
import { LegalFields } from './legal-fields';

/** Server field paths of a category edit (`edit.category.amountRule.n`) → the form's paths. */
export function serverProblem(error: ApiError | undefined, prefix: string, path: string): string | undefined {
  return error?.fields.find((f) => f.path === `${prefix}${path}` || f.path === `${prefix}${path.replace(/\.(\d+)\./g, '[$1].')}`)?.message;
}

/** The inputs of an amount rule: its kind and the parameters of that kind. */
export function AmountInputs({
  value,
  onChange,
  kinds,
  prefix,
  testId,
  problem,
  sums,
}: {
  value: AmountForm;
  onChange: (a: AmountForm) => void;
  kinds: readonly string[];
  prefix: string;
  testId: string;
  problem: (path: string) => string | undefined;
  sums: readonly string[];
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AmountForm>) => onChange({ ...value, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
      <NativeSelect
        label={t('admin:amount.kind')}
        data={kinds.map((k) => ({ value: k, label: t(`admin:amount.kinds.${k}`) }))}
        value={value.kind}
        onChange={(e) => set({ kind: e.currentTarget.value as AmountForm['kind'] })}
        error={problem(`${prefix}.kind`)}
        data-testid={`${testId}-kind`}
      />
      {value.kind === 'mci' || value.kind === 'subsistence-minimum' ? (
        <TextInput label={t(`admin:amount.n.${value.kind}`)} value={value.n} onChange={(e) => set({ n: e.currentTarget.value })} inputMode="decimal" required error={problem(`${prefix}.n`)} data-testid={`${testId}-n`} />
      ) : null}
      {value.kind === 'percent-of' ? (
        <>
          <TextInput label={t('admin:amount.percent')} value={value.percent} onChange={(e) => set({ percent: e.currentTarget.value })} inputMode="decimal" required error={problem(`${prefix}.percent`)} data-testid={`${testId}-percent`} />
          <Autocomplete label={t('admin:amount.parameter')} data={[...sums]} value={value.parameter} onChange={(v) => set({ parameter: v })} required error={problem(`${prefix}.parameter`)} data-testid={`${testId}-parameter`} />
        </>
      ) : null}
      {value.kind === 'fixed' ? (
        <TextInput label={t('admin:amount.tenge')} value={value.tenge} onChange={(e) => set({ tenge: e.currentTarget.value })} inputMode="decimal" placeholder="15000.00" required error={problem(`${prefix}.tenge`)} data-testid={`${testId}-tenge`} />
      ) : null}
    </SimpleGrid>
  );
}

export function CategoryEditor({
  category,
  taken,
  sums,
  limits,
  legal,
  onLegal,
  onClose,
  onSave,
}: {
  /** The category edited, 'new' for a new one, null when closed. */
  category: CategoryData | 'new' | null;
  /** Codes of the version's other categories. */
  taken: readonly string[];
  /** Named sums a percent may be taken of (p.7.11: the sanatorium guaranteed sum). */
  sums: readonly string[];
  /** District series holding limit amounts (p.8). */
  limits: readonly { id: string; name: string }[];
  legal: Legal;
  onLegal: (l: Legal) => void;
  onClose: () => void;
  /** Sends the edit; resolves with the server's error, if any. */
  onSave: (edit: ReturnType<typeof categoryEditOf>) => Promise<ApiError | undefined>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CategoryForm>(emptyCategoryForm);
  /** After the first attempt to save, the form's problems are shown and follow every change. */
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const isNew = category === 'new';

  useEffect(() => {
    if (category === null) return;
    setForm(category === 'new' ? emptyCategoryForm() : categoryFormOf(category));
    setTried(false);
    setServerError(undefined);
  }, [category]);

  const otherCodes = isNew ? taken : taken.filter((c) => category !== null && c !== category.code);
  const set = (patch: Partial<CategoryForm>) => setForm((f) => ({ ...f, ...patch }));
  const shown: FormProblems = tried ? checkCategoryForm(form, otherCodes) : {};
  const problem = (path: string) => (shown[path] ? t(`admin:check.${shown[path]}`) : serverProblem(serverError, 'edit.category.', path));
  const unclaimed = (serverError?.fields ?? []).filter((f) => !f.path.startsWith('edit.category.') && !f.path.startsWith('legal.'));

  const save = async () => {
    setTried(true);
    if (Object.keys(checkCategoryForm(form, otherCodes)).length) return;
    setBusy(true);
    try {
      setServerError(await onSave(categoryEditOf(form)));
    } finally {
      setBusy(false);
    }
  };
  const docs = form.documents;
  const setDoc = (i: number, patch: Partial<CategoryForm['documents'][number]>) => set({ documents: docs.map((d, j) => (j === i ? { ...d, ...patch } : d)) });

  return (
    <Modal opened={category !== null} onClose={onClose} size="xl" title={isNew ? t('admin:category.newTitle') : t('admin:category.editTitle', { code: form.code })}>
      <Stack gap="sm" data-testid="category-form">
        <Text fz="sm" c="dimmed">
          {t('admin:category.editHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          <TextInput label={t('admin:category.code')} description={t('admin:category.codeHint')} value={form.code} onChange={(e) => set({ code: e.currentTarget.value })} disabled={!isNew} required error={problem('code')} data-testid="cat-code" />
          <NativeSelect
            label={t('admin:category.ground')}
            data={[{ value: '', label: t('admin:category.noGround') }, ...GROUNDS.map((g) => ({ value: g, label: t('admin:category.groundOption', { ground: g }) }))]}
            value={form.ground}
            onChange={(e) => set({ ground: e.currentTarget.value })}
            error={problem('ground')}
            data-testid="cat-ground"
          />
          <NativeSelect
            label={t('admin:category.periodicity')}
            data={PERIODICITIES.map((p) => ({ value: p, label: t(`admin:periodicity.${p}`) }))}
            value={form.periodicity}
            onChange={(e) => set({ periodicity: e.currentTarget.value })}
            error={problem('periodicity')}
            data-testid="cat-periodicity"
          />
          <Checkbox mt={28} label={t('admin:category.example')} checked={form.example} onChange={(e) => set({ example: e.currentTarget.checked })} data-testid="cat-example" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {(['name_kk', 'name_ru', 'name_en'] as const).map((k) => (
            <TextInput key={k} label={t(`admin:category.${k}`)} value={form[k]} onChange={(e) => set({ [k]: e.currentTarget.value })} required error={problem(k)} data-testid={`cat-${k}`} />
          ))}
        </SimpleGrid>

        <Divider label={t('admin:category.amountSection')} labelPosition="left" />
        <AmountInputs value={form.amount} onChange={(amount) => set({ amount })} kinds={AMOUNT_KINDS} prefix="amountRule" testId="cat-amount" problem={problem} sums={sums} />
        {form.amount.kind === 'actual-cost-capped' ? (
          <>
            <Text fz="sm">{t('admin:category.capHint')}</Text>
            <AmountInputs value={form.cap} onChange={(cap) => set({ cap })} kinds={CAP_KINDS} prefix="amountRule.capRule" testId="cat-cap" problem={problem} sums={sums} />
          </>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput label={t('admin:category.timeLimit')} description={t('admin:category.timeLimitHint')} value={form.timeLimitDays} onChange={(e) => set({ timeLimitDays: e.currentTarget.value })} inputMode="numeric" error={problem('applicationTimeLimitDays')} data-testid="cat-time-limit" />
          <TextInput label={t('admin:category.maxTimes')} description={t('admin:category.maxTimesHint')} value={form.maxTimesPerYear} onChange={(e) => set({ maxTimesPerYear: e.currentTarget.value })} inputMode="numeric" error={problem('maxTimesPerYear')} data-testid="cat-max-times" />
          <NativeSelect
            label={t('admin:category.limit')}
            description={t('admin:category.limitHint')}
            data={[{ value: '', label: t('admin:category.noLimit') }, ...limits.map((l) => ({ value: l.id, label: l.name })), ...(form.limitParameter && !limits.some((l) => l.id === form.limitParameter) ? [{ value: form.limitParameter, label: form.limitParameter }] : [])]}
            value={form.limitParameter}
            onChange={(e) => set({ limitParameter: e.currentTarget.value })}
            error={problem('limitParameter')}
            data-testid="cat-limit"
          />
        </SimpleGrid>

        <Divider label={t('admin:category.incomeSection')} labelPosition="left" />
        <Group align="end">
          <Checkbox label={t('admin:category.incomeRequired')} checked={form.incomeRequired} onChange={(e) => set({ incomeRequired: e.currentTarget.checked })} data-testid="cat-income-required" />
          {form.incomeRequired ? (
            <TextInput label={t('admin:category.thresholdMultiple')} description={t('admin:category.thresholdHint')} value={form.thresholdMultiple} onChange={(e) => set({ thresholdMultiple: e.currentTarget.value })} inputMode="decimal" error={problem('incomeTest.thresholdMultiple')} data-testid="cat-threshold-multiple" />
          ) : null}
        </Group>

        <Divider label={t('admin:category.documentsSection')} labelPosition="left" />
        {docs.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('admin:category.noDocuments')}
          </Text>
        ) : null}
        {docs.map((d, i) => (
          <Group key={i} align="start" gap="xs" wrap="nowrap" data-testid={`cat-doc-${i}`}>
            <TextInput label={t('admin:category.docCode')} value={d.code} onChange={(e) => setDoc(i, { code: e.currentTarget.value })} w={160} error={problem(`requiredDocuments.${i}.code`)} data-testid={`cat-doc-${i}-code`} />
            <TextInput label={t('admin:category.name_kk')} value={d.name_kk} onChange={(e) => setDoc(i, { name_kk: e.currentTarget.value })} style={{ flex: 1 }} error={problem(`requiredDocuments.${i}.name_kk`)} data-testid={`cat-doc-${i}-name_kk`} />
            <TextInput label={t('admin:category.name_ru')} value={d.name_ru} onChange={(e) => setDoc(i, { name_ru: e.currentTarget.value })} style={{ flex: 1 }} error={problem(`requiredDocuments.${i}.name_ru`)} data-testid={`cat-doc-${i}-name_ru`} />
            <Button mt={25} variant="subtle" color="red" onClick={() => set({ documents: docs.filter((_, j) => j !== i) })} aria-label={t('admin:category.removeDocument')}>
              ×
            </Button>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => set({ documents: [...docs, { code: '', name_kk: '', name_ru: '' }] })} data-testid="cat-doc-add">
            {t('admin:category.addDocument')}
          </Button>
        </Group>

        <Divider label={t('admin:category.legalSection')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('admin:category.legalAct')} description={t('admin:category.legalActHint')} value={form.legalAct} onChange={(e) => set({ legalAct: e.currentTarget.value })} error={problem('legalReference.act')} data-testid="cat-legal-act" />
          <TextInput label={t('admin:legal.clause')} value={form.legalClause} onChange={(e) => set({ legalClause: e.currentTarget.value })} placeholder="p.7.12" error={problem('legalReference.clause')} data-testid="cat-legal-clause" />
        </SimpleGrid>
        <Textarea label={t('admin:category.note')} value={form.note} onChange={(e) => set({ note: e.currentTarget.value })} autosize minRows={1} data-testid="cat-note" />

        <Divider label={t('admin:version.legalForEdits')} labelPosition="left" />
        <LegalFields value={legal} onChange={onLegal} error={serverError} testIdPrefix="cat-edit-legal" />
        {Object.keys(shown).length ? <Alert color="red" variant="light" data-testid="cat-problems">{t('admin:check.fixErrors')}</Alert> : null}
        {serverError ? (
          <Alert color="red" variant="light" data-testid="cat-server-error">
            {serverError.message}
            {unclaimed.map((f) => (
              <div key={f.path}>
                <code>{f.path}</code>: {f.message}
              </div>
            ))}
          </Alert>
        ) : null}
        <EditorActions onCancel={onClose} onSave={save} busy={busy} saveTestId="cat-save" />
      </Stack>
    </Modal>
  );
}
