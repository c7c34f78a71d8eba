/** What the router shows for an unknown path or a page the role may not open. */
import { Button, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';

export function StatusPage({ kind }: { kind: 'not-found' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={560} data-testid={`page-${kind}`}>
      <Title order={2} fz={20} mb="xs">
        {t(kind === 'forbidden' ? 'common:page.forbiddenTitle' : 'common:page.notFoundTitle')}
      </Title>
      <Text fz={14} c="dimmed" mb="md">
        {t(kind === 'forbidden' ? 'common:page.forbiddenBody' : 'common:page.notFoundBody')}
      </Text>
      <Button variant="light" onClick={() => navigate('/')}>
        {t('common:page.goHome')}
      </Button>
    </Paper>
  );
}
