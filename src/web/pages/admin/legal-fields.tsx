/** The legal reference every administrative change carries: act, number, date, clause. */
import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api-client';
import type { Legal } from './admin-api';

export const EMPTY_LEGAL: Legal = { act: '', number: '', date: '', clause: '' };

/** `testIdPrefix` tells two legal-reference blocks of one page apart (a form in a dialog over the page). */
export function LegalFields({ value, onChange, error, testIdPrefix = 'legal' }: { value: Legal; onChange: (v: Legal) => void; error?: ApiError | undefined; testIdPrefix?: string }) {
  const { t } = useTranslation();
  const field = (k: keyof Legal) => ({
    label: t(`admin:legal.${k}`),
    value: value[k],
    required: true,
    error: error?.fieldMessage(`legal.${k}`),
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [k]: e.currentTarget.value }),
    'data-testid': `${testIdPrefix}-${k}`,
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
      <TextInput {...field('act')} placeholder={t('admin:legal.actPlaceholder')} />
      <TextInput {...field('number')} />
      <TextInput {...field('date')} type="date" />
      <TextInput {...field('clause')} placeholder="p.1" />
    </SimpleGrid>
  );
}
