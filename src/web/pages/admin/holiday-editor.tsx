/**
 * The form of one holiday or memorable date of p.5 in a draft rules version (issue 6 item 1): the day of
 * the year, its names kk/ru, the categories of recipients entitled to the one-time payment, and its
 * amount (n × MCI, n × subsistence minimum, % of a named sum, fixed tenge). Holiday assistance is paid
 * without an application (p.10, p.25). Saved as one edit of the draft with the edit's legal reference.
 */
import { Alert, Checkbox, Modal, NativeSelect, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import type { HolidayData, Legal } from './admin-api';
import { AmountInputs, serverProblem } from './category-editor';
import { CAP_KINDS, checkHolidayForm, emptyHolidayForm, holidayFormOf, holidayOfForm, type FormProblems, type HolidayForm } from './category-form';
import { EditorActions } from './editor-actions';
import { LegalFields } from './legal-fields';

/** "05-09" → "9 мамыр" / "9 мая" / "9 May" from the catalog (the browser's Intl has no Kazakh month names). */
export function holidayDateText(date: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t('admin:holiday.dayOfMonth', { day: Number(date.slice(3)), month: t(`admin:months.genitive.${Number(date.slice(0, 2))}`) });
}

export function HolidayEditor({
  holiday,
  knownCategories,
  sums,
  legal,
  onLegal,
  onClose,
  onSave,
}: {
  /** The holiday edited with its index in the list, 'new', or null when closed. */
  holiday: { index: number; data: HolidayData } | 'new' | null;
  knownCategories: readonly string[];
  sums: readonly string[];
  legal: Legal;
  onLegal: (l: Legal) => void;
  onClose: () => void;
  onSave: (edit: { kind: 'set-holiday'; index?: number; holiday: HolidayData }) => Promise<ApiError | undefined>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<HolidayForm>(emptyHolidayForm);
  /** After the first attempt to save, the form's problems are shown and follow every change. */
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (holiday === null) return;
    setForm(holiday === 'new' ? emptyHolidayForm() : holidayFormOf(holiday.data));
    setTried(false);
    setServerError(undefined);
  }, [holiday]);

  const set = (patch: Partial<HolidayForm>) => setForm((f) => ({ ...f, ...patch }));
  const shown: FormProblems = tried ? checkHolidayForm(form) : {};
  const problem = (path: string) => (shown[path] ? t(`admin:check.${shown[path]}`) : serverProblem(serverError, 'edit.holiday.', path));
  const save = async () => {
    setTried(true);
    if (Object.keys(checkHolidayForm(form)).length) return;
    setBusy(true);
    try {
      const data = holidayOfForm(form);
      setServerError(await onSave(holiday !== null && holiday !== 'new' ? { kind: 'set-holiday', index: holiday.index, holiday: data } : { kind: 'set-holiday', holiday: data }));
    } finally {
      setBusy(false);
    }
  };
  const months = Array.from({ length: 12 }, (_, i) => t(`admin:months.name.${i + 1}`));

  return (
    <Modal opened={holiday !== null} onClose={onClose} size="lg" title={holiday === 'new' ? t('admin:holiday.newTitle') : t('admin:holiday.editTitle')}>
      <Stack gap="sm" data-testid="holiday-form">
        <Text fz="sm" c="dimmed">
          {t('admin:holiday.hint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <NativeSelect label={t('admin:holiday.month')} data={[{ value: '', label: '—' }, ...months.map((m, i) => ({ value: String(i + 1).padStart(2, '0'), label: m }))]} value={form.month} onChange={(e) => set({ month: e.currentTarget.value })} required error={problem('month')} data-testid="hol-month" />
          <TextInput label={t('admin:holiday.day')} value={form.day} onChange={(e) => set({ day: e.currentTarget.value })} inputMode="numeric" required error={problem('day') ?? serverProblem(serverError, 'edit.holiday.', 'date')} data-testid="hol-day" />
          <Checkbox mt={28} label={t('admin:category.example')} checked={form.example} onChange={(e) => set({ example: e.currentTarget.checked })} data-testid="hol-example" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('admin:category.name_kk')} value={form.name_kk} onChange={(e) => set({ name_kk: e.currentTarget.value })} required error={problem('name_kk')} data-testid="hol-name_kk" />
          <TextInput label={t('admin:category.name_ru')} value={form.name_ru} onChange={(e) => set({ name_ru: e.currentTarget.value })} required error={problem('name_ru')} data-testid="hol-name_ru" />
        </SimpleGrid>
        <TagsInput label={t('admin:holiday.categories')} description={t('admin:holiday.categoriesHint')} data={[...knownCategories]} value={form.categories} onChange={(categories) => set({ categories })} required error={problem('categories')} data-testid="hol-categories" />
        <AmountInputs value={form.amount} onChange={(amount) => set({ amount })} kinds={CAP_KINDS} prefix="amountRule" testId="hol-amount" problem={problem} sums={sums} />
        <Textarea label={t('admin:category.note')} value={form.note} onChange={(e) => set({ note: e.currentTarget.value })} autosize minRows={1} />
        <LegalFields value={legal} onChange={onLegal} error={serverError} testIdPrefix="hol-edit-legal" />
        {Object.keys(shown).length ? <Alert color="red" variant="light">{t('admin:check.fixErrors')}</Alert> : null}
        {serverError ? (
          <Alert color="red" variant="light" data-testid="hol-server-error">
            {serverError.message}
          </Alert>
        ) : null}
        <EditorActions onCancel={onClose} onSave={save} busy={busy} saveTestId="hol-save" />
      </Stack>
    </Modal>
  );
}
