/**
 * A status shown as a coloured badge. Modules map their own statuses to a tone (e.g. a case-status table
 * maps GRANTED → success, REFUSED → danger) and pass the translated label.
 */
import { Badge } from '@mantine/core';

export const TONES = {
  neutral: 'gray',
  info: 'stateBlue',
  success: 'teal',
  warning: 'orange',
  danger: 'red',
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, label, 'data-testid': testId }: { tone: Tone; label: string; 'data-testid'?: string }) {
  return (
    <Badge color={TONES[tone]} variant="light" radius="sm" size="sm" tt="none" fw={600} style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }} data-testid={testId} data-tone={tone}>
      {label}
    </Badge>
  );
}
