/**
 * The signed-in frame around every page: header (Komek, the district, the user and role, language,
 * sign-out), the synthetic-data banner, and the navigation the user's role may open (nav.ts).
 */
import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../auth/roles';
import { localizedName } from '../format';
import { currentLanguage } from '../i18n';
import { activeNavItem, navItemsFor, resolveRoute } from '../nav';
import { isPlainLeftClick, navigate, usePath } from '../router';
import { useSession, useUser } from '../session';
import { LanguageSwitch } from './language-switch';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const path = usePath();
  const [opened, { toggle, close }] = useDisclosure(false);
  const lang = currentLanguage();
  const items = navItemsFor(user.role);
  const route = resolveRoute(path, user.role);
  const active = activeNavItem(path, items);
  const pageTitle = route.kind === 'page' ? t(route.item.labelKey) : t(route.kind === 'forbidden' ? 'common:page.forbiddenTitle' : 'common:page.notFoundTitle');
  const appName = t('common:app.name');

  useEffect(() => {
    document.title = `${pageTitle} · ${appName}`;
  }, [pageTitle, appName]);

  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainLeftClick(e)) return;
    e.preventDefault();
    navigate(to);
    close();
  };

  return (
    <AppShell header={{ height: 82 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header className="komek-header">
        <Group h={54} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" color="white" aria-label={t('common:nav.title')} data-testid="nav-burger" />
            <span className="komek-mark" aria-hidden>
              K
            </span>
            <Stack gap={0} visibleFrom="xs">
              <Text fw={700} fz={17} lh={1.1} c="white">
                {t('common:app.name')}
              </Text>
              <Text fz={12} lh={1.2} c="rgba(255,255,255,0.75)" data-testid="district-name">
                {t('common:app.district')} · {t('common:app.region')}
              </Text>
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch onDark />
            <Stack gap={0} align="flex-end" visibleFrom="md" data-testid="current-user">
              <Text fz={13} fw={600} c="white" lh={1.2}>
                {user.fullName}
              </Text>
              <Text fz={11} c="rgba(255,255,255,0.75)" lh={1.2} data-testid="current-role">
                {ROLE_NAMES[user.role][lang]}
                {user.ruralDistrictName ? ` · ${localizedName(user.ruralDistrictName, lang)}` : ''}
              </Text>
            </Stack>
            <Button variant="white" color="dark" size="xs" onClick={() => void signOut()} data-testid="sign-out">
              {t('common:user.signOut')}
            </Button>
          </Group>
        </Group>
        <Group h={28} px="md" gap="xs" className="komek-demo-strip" wrap="nowrap" data-testid="demo-banner">
          <Text fz={11} fw={700} px={6} style={{ border: '1px solid currentColor', borderRadius: 3, lineHeight: '16px' }}>
            {t('common:demo.badge')}
          </Text>
          <Text fz={12} truncate>
            {t('common:demo.banner')}
          </Text>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" bg="white">
        {/* The administrator's list is taller than a laptop screen: the navigation scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          <Text fz={11} fw={700} tt="uppercase" c="dimmed" px="sm" pt={4} pb={6}>
            {t('common:nav.title')}
          </Text>
          <nav data-testid="main-nav">
            {items.map((item) => (
              <NavLink
                key={item.id}
                component="a"
                href={item.path}
                onClick={go(item.path)}
                label={t(item.labelKey)}
                active={item.id === active?.id}
                data-testid={`nav-${item.id}`}
                fw={500}
                style={{ borderRadius: 4 }}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Box px="sm" py={6}>
            <Text fz={11} c="dimmed" lh={1.35}>
              {t('common:app.authorizedBody')}
            </Text>
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
