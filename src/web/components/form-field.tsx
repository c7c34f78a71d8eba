/**
 * Form errors for any form: the messages the client found itself plus those the server sent in
 * `error.fields`, looked up by field path; and `FormField`, a labelled wrapper that shows its field's
 * error under any control (Mantine inputs take `error={errors.field('name')}` directly).
 */
import { Input } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api-client';

export interface FormErrors {
  /** The message for the field at `path`: the client's check first, then the server's. */
  field(path: string): string | undefined;
  /** Whether any field has a message. */
  readonly any: boolean;
  /** Server field errors whose path no form field claims, so they are not lost. */
  unclaimed(knownPaths: readonly string[]): string[];
}

export function formErrors(client: Readonly<Record<string, string | undefined>>, server?: ApiError | null): FormErrors {
  const fields = server?.fields ?? [];
  return {
    field: (path) => client[path] ?? fields.find((f) => f.path === path)?.message,
    any: Object.values(client).some(Boolean) || fields.length > 0,
    unclaimed: (known) => fields.filter((f) => !known.includes(f.path)).map((f) => f.message),
  };
}

export function FormField({
  label,
  error,
  description,
  required,
  htmlFor,
  children,
}: {
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  required?: boolean;
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <Input.Wrapper label={label} error={error} description={description} required={required} labelProps={htmlFor ? { htmlFor } : undefined}>
      {children}
    </Input.Wrapper>
  );
}
