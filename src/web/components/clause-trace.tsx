/**
 * A rule's explanation as the law reads: each applied clause (Koksu numbering, e.g. p.20.3) with its text
 * in the UI language, the values used and their legal sources. Takes the `Trace` that src/rules returns
 * and the API passes through unchanged.
 */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Trace } from '../../rules/explain';
import { currentLanguage } from '../i18n';
import { formatSource, formatTraceValue } from './trace-model';

export function ClauseTrace({ trace, 'data-testid': testId }: { trace: Trace; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const words = { yes: t('common:trace.yes'), no: t('common:trace.no'), none: t('common:trace.none') };
  return (
    <Stack gap="xs" data-testid={testId}>
      {trace.map((step, i) => (
        <Group key={`${step.clause}-${i}`} align="flex-start" wrap="nowrap" gap="sm" data-clause={step.clause}>
          <Badge variant="outline" radius="sm" size="md" tt="none" miw={64} style={{ flexShrink: 0 }}>
            {step.clause}
          </Badge>
          <Stack gap={4} style={{ flex: 1 }}>
            <Text fz="sm">{step.text[lang]}</Text>
            {Object.keys(step.values).length ? (
              <Table withRowBorders={false} verticalSpacing={0} horizontalSpacing={6} fz="xs" w="auto">
                <Table.Tbody>
                  {Object.entries(step.values).map(([key, value]) => (
                    <Table.Tr key={key}>
                      <Table.Td c="dimmed" ff="monospace">
                        {key}
                      </Table.Td>
                      <Table.Td>{formatTraceValue(key, value, lang, words)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {step.sources.length ? (
              <Text fz={11} c="dimmed">
                {t('common:trace.sources')}: {step.sources.map(formatSource).join('; ')}
              </Text>
            ) : null}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
