/** The welcome page every role sees: who is signed in, the role's duties, and the sections it may open. */
import { Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../auth/roles';
import { Link } from '../components/link';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { localizedName } from '../format';
import { currentLanguage } from '../i18n';
import { navItemsFor } from '../nav';
import { useUser } from '../session';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const lang = currentLanguage();
  const duties = t(`home:abilities.${user.role}`, { returnObjects: true }) as unknown;
  const sections = navItemsFor(user.role).filter((i) => i.id !== 'home');

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('home:welcome', { name: user.fullName })} description={t('common:app.authorizedBody')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="sm" padding="lg">
          <Text fz={11} tt="uppercase" fw={700} c="dimmed">
            {t('home:yourRole')}
          </Text>
          <Group gap="xs" mt={6} mb="sm">
            <Title order={3} fz={18} data-testid="home-role">
              {ROLE_NAMES[user.role][lang]}
            </Title>
            <StatusBadge tone="info" label={user.username} />
          </Group>
          {user.ruralDistrictName ? (
            <Text fz={13} mb="sm">
              <Text span c="dimmed" fz={13}>
                {t('home:ruralDistrict')}:
              </Text>{' '}
              {localizedName(user.ruralDistrictName, lang)}
            </Text>
          ) : null}
          <Text fz={13} fw={600} mb={6}>
            {t('home:duties')}
          </Text>
          <List size="sm" spacing={4} data-testid="home-duties">
            {(Array.isArray(duties) ? (duties as string[]) : []).map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder radius="sm" padding="lg">
          <Text fz={11} tt="uppercase" fw={700} c="dimmed" mb="sm">
            {t('home:sections')}
          </Text>
          {sections.length ? (
            <Stack gap="xs">
              {sections.map((item) => (
                <Link key={item.id} to={item.path} fz="md" fw={500} data-testid={`home-link-${item.id}`}>
                  {t(item.labelKey)}
                </Link>
              ))}
            </Stack>
          ) : (
            <Text fz={13} c="dimmed">
              {t('home:noSections')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
