/**
 * The forms of the workflow's steps, as data: for each step (a TRANSITIONS name of src/cases) the fields
 * the user fills — the precinct commission's act and conclusion (forms 2, 3) or the refusal to be
 * surveyed, the special commission's conclusion, the preliminary refusal and hearing notice, the
 * objection, the hearing protocol, the remarks, the head's decision (form 4), termination (p.22) — and
 * one component that shows a step's form and sends it. The server validates everything again.
 */
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import { ApiError } from '../../api-client';
import { ErrorAlert } from '../../components/error-alert';
import { formErrors } from '../../components/form-field';
import { OFFICE_TIME_ZONE } from '../../format';
import { casesApi } from './case-api';

type FieldKind = 'text' | 'textarea' | 'date' | 'time' | 'datetime' | 'bool' | 'yesno' | 'tenge' | 'int' | 'select';
interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly options?: readonly string[];
  /** Full width in the grid. */
  readonly wide?: boolean;
}

export const STEP_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  routeToPrecinctCommission: [],
  forwardSurvey: [],
  computeIncome: [],
  recordSurvey: [
    { name: 'actNumber', kind: 'text', required: true },
    { name: 'actDate', kind: 'date', required: true },
    { name: 'commission', kind: 'text', required: true, wide: true },
    { name: 'refused', kind: 'bool', wide: true },
    { name: 'housing', kind: 'textarea' },
    { name: 'subsidiaryFarm', kind: 'textarea' },
    { name: 'property', kind: 'textarea' },
    { name: 'observations', kind: 'textarea' },
    { name: 'needs', kind: 'yesno' },
    { name: 'conclusionNumber', kind: 'text' },
    { name: 'conclusionReason', kind: 'textarea', wide: true },
  ],
  switchToExtendedTrack: [
    { name: 'clause', kind: 'select', required: true, options: ['p.14', 'p.15'] },
    { name: 'documentsAcceptedOn', kind: 'date' },
    { name: 'reason', kind: 'textarea', required: true, wide: true },
  ],
  recordDataRequest: [
    { name: 'body', kind: 'text', required: true },
    { name: 'dueOn', kind: 'date' },
    { name: 'items', kind: 'textarea', required: true, wide: true },
  ],
  recordSpecialConclusion: [
    { name: 'needs', kind: 'yesno', required: true },
    { name: 'amountTiyn', kind: 'tenge' },
    { name: 'reason', kind: 'textarea', wide: true },
  ],
  proposeRefusal: [
    { name: 'refusalGround', kind: 'select', required: true, options: ['p.20.1', 'p.20.2', 'p.20.3', 'p.20.4'] },
    { name: 'plannedDecisionOn', kind: 'date', required: true },
    { name: 'notifiedOn', kind: 'date' },
    { name: 'hearingAt', kind: 'datetime' },
    { name: 'hearingPlace', kind: 'text' },
    { name: 'hearingMeans', kind: 'text' },
    { name: 'text', kind: 'textarea', required: true, wide: true },
  ],
  recordObjection: [
    { name: 'receivedOn', kind: 'date', required: true },
    { name: 'oral', kind: 'bool' },
    { name: 'text', kind: 'textarea', required: true, wide: true },
  ],
  recordHearingProtocol: [
    { name: 'place', kind: 'text', required: true },
    { name: 'date', kind: 'date', required: true },
    { name: 'startTime', kind: 'time', required: true },
    { name: 'endTime', kind: 'time', required: true },
    { name: 'body', kind: 'text', required: true },
    { name: 'official', kind: 'text', required: true },
    { name: 'secretary', kind: 'text', required: true },
    { name: 'participant', kind: 'text', required: true },
    { name: 'matter', kind: 'textarea', required: true, wide: true },
    { name: 'explanations', kind: 'textarea', required: true, wide: true },
    { name: 'readOn', kind: 'date' },
  ],
  recordProtocolRemarks: [
    { name: 'receivedOn', kind: 'date', required: true },
    { name: 'text', kind: 'textarea', required: true, wide: true },
  ],
  grant: [
    { name: 'firstPaymentDate', kind: 'date' },
    { name: 'periods', kind: 'int' },
    { name: 'lateReason', kind: 'textarea', wide: true },
  ],
  refuse: [{ name: 'lateReason', kind: 'textarea', wide: true }],
  reportChange: [
    { name: 'eventOn', kind: 'date', required: true },
    { name: 'reportedOn', kind: 'date' },
    { name: 'circumstance', kind: 'textarea', required: true, wide: true },
  ],
  terminate: [
    { name: 'ground', kind: 'select', required: true, options: ['1', '2', '3', '4', '5'] },
    { name: 'eventOn', kind: 'date', required: true },
    { name: 'reason', kind: 'textarea', wide: true },
  ],
};

type Values = Record<string, string | boolean | number | undefined>;

/** The request body of a step from the form's values. */
export function stepBody(step: string, values: Values, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion: version };
  for (const f of STEP_FIELDS[step] ?? []) {
    const v = values[f.name];
    if (v === undefined || v === '') continue;
    switch (f.kind) {
      case 'yesno':
        body[f.name] = v === 'yes';
        break;
      case 'tenge':
        body[f.name] = Math.round(Number(v) * 100);
        break;
      case 'int':
        body[f.name] = Number(v);
        break;
      case 'datetime':
        // The office's civil time (Asia/Almaty) → an instant with its offset.
        body[f.name] = Temporal.PlainDateTime.from(String(v)).toZonedDateTime(OFFICE_TIME_ZONE).toInstant().toString();
        break;
      case 'select':
        body[f.name] = f.name === 'ground' ? Number(v) : v;
        break;
      case 'textarea':
        body[f.name] = f.name === 'items' ? String(v).split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean) : v;
        break;
      default:
        body[f.name] = v;
    }
  }
  if (step === 'grant' || step === 'refuse') body.outcome = step;
  if (step === 'recordHearingProtocol') {
    body.signed = true;
    body.questionsAndAnswers = [];
  }
  if (step === 'recordObjection' && body.oral === undefined) body.oral = false;
  return body;
}

export function StepForm({ caseId, version, step, today, onDone }: { caseId: string; version: number; step: string; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const fields = STEP_FIELDS[step] ?? [];
  const initial: Values = {};
  for (const f of fields) if (f.kind === 'date' && f.required && !['plannedDecisionOn'].includes(f.name)) initial[f.name] = today;
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = formErrors({}, error);
  const set = (name: string, v: string | boolean | number | undefined) => setValues((s) => ({ ...s, [name]: v }));
  const missing = fields.some((f) => f.required && (values[f.name] === undefined || values[f.name] === ''));
  const danger = step === 'refuse' || step === 'terminate' || step === 'proposeRefusal';

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await casesApi.step(caseId, step, stepBody(step, values, version));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const label = (name: string) => t(`cases:fields.${name}`, { defaultValue: name });
  return (
    <Paper withBorder p="md" data-testid={`step-form-${step}`}>
      <Stack gap="sm">
        <Title order={4}>{t(`cases:steps.${step}`, { defaultValue: step })}</Title>
        <Text fz="sm" c="dimmed">{t(`cases:stepHelp.${step}`, { defaultValue: '' })}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        {fields.length ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.map((f) => {
              const common = { label: label(f.name), required: f.required, error: errors.field(f.name), 'data-testid': `field-${f.name}` } as const;
              const span = f.wide ? { style: { gridColumn: '1 / -1' } } : {};
              switch (f.kind) {
                case 'textarea':
                  return <Textarea key={f.name} {...common} {...span} autosize minRows={2} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
                case 'date':
                  return <TextInput key={f.name} {...common} {...span} type="date" value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
                case 'time':
                  return <TextInput key={f.name} {...common} {...span} type="time" value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
                case 'datetime':
                  return <TextInput key={f.name} {...common} {...span} type="datetime-local" value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
                case 'bool':
                  return <Checkbox key={f.name} {...span} label={label(f.name)} checked={values[f.name] === true} onChange={(e) => set(f.name, e.currentTarget.checked)} data-testid={`field-${f.name}`} />;
                case 'yesno':
                  return <Select key={f.name} {...common} {...span} value={(values[f.name] as string | undefined) ?? null} onChange={(v) => set(f.name, v ?? undefined)} data={[{ value: 'yes', label: t(`cases:yesno.${f.name}.yes`) }, { value: 'no', label: t(`cases:yesno.${f.name}.no`) }]} />;
                case 'select':
                  return <Select key={f.name} {...common} {...span} value={(values[f.name] as string | undefined) ?? null} onChange={(v) => set(f.name, v ?? undefined)} data={(f.options ?? []).map((o) => ({ value: o, label: t(`cases:options.${f.name}.${o.replace(/\./g, '_')}`, { defaultValue: o }) }))} />;
                case 'tenge':
                case 'int':
                  return <NumberInput key={f.name} {...common} {...span} min={0} decimalScale={f.kind === 'tenge' ? 2 : 0} value={(values[f.name] as number | undefined) ?? ''} onChange={(v) => set(f.name, v === '' ? undefined : Number(v))} />;
                default:
                  return <TextInput key={f.name} {...common} {...span} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />;
              }
            })}
          </SimpleGrid>
        ) : null}
        {error?.fields.length ? <Alert color="red" variant="light">{errors.unclaimed(fields.map((f) => f.name)).join(' · ')}</Alert> : null}
        <Group justify="flex-end">
          <Button color={danger ? 'red' : undefined} loading={busy} disabled={missing} onClick={() => void send()} data-testid={`step-submit-${step}`}>
            {t(`cases:stepAction.${step}`, { defaultValue: t('cases:actions.submitStep') })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
