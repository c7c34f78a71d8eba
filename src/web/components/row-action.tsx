/**
 * A table row's action that takes one value (the re-issue's corrected IBAN, the date a sum came back): a
 * small field and a button; the server's error under the field when it names it, below the row otherwise.
 */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api-client';
import { ErrorAlert } from './error-alert';

export interface RowActionProps {
  /** The request field the value goes to: the server's message for it is shown under the input. */
  readonly field: string;
  readonly initial: string;
  readonly input: { readonly type?: string; readonly placeholder?: string; readonly ariaLabel?: string; readonly width: number; readonly testId: string };
  readonly label: string;
  readonly testId: string;
  /** Sends the value; a rejection with an ApiError is shown. */
  readonly run: (value: string) => Promise<unknown>;
  readonly onDone: () => void;
}

export function RowAction({ field, initial, input, label, testId, run, onDone }: RowActionProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<ApiError>();
  const go = async () => {
    setError(undefined);
    try {
      await run(value);
      onDone();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        <TextInput size="xs" type={input.type} placeholder={input.placeholder} aria-label={input.ariaLabel} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={error?.fieldMessage(field)} w={input.width} data-testid={input.testId} />
        <Button size="xs" onClick={go} data-testid={testId}>{label}</Button>
      </Group>
      {error && !error.fieldMessage(field) ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
