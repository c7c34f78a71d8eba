/** A rules version's lifecycle as a badge, and the "example values" badge. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../components/status-badge';
import type { Lifecycle } from './admin-api';

const TONE: Record<Lifecycle, Tone> = { draft: 'info', approved: 'warning', scheduled: 'warning', 'in-force': 'success', archived: 'neutral', withdrawn: 'neutral' };

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONE[lifecycle]} label={t(`admin:lifecycle.${lifecycle}`)} data-testid={`lifecycle-${lifecycle}`} />;
}

export function ExampleBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge color="yellow" variant="filled" radius="sm" data-testid="example-badge">
      {t('admin:exampleBadge', { count })}
    </Badge>
  );
}
