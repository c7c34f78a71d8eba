/**
 * The app: the sign-in page while signed out, otherwise the shell around the page the path resolves to
 * for the user's role (nav.ts). Pages are loaded on first visit.
 */
import { Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Shell } from './components/app-shell';
import { ErrorAlert } from './components/error-alert';
import { resolveRoute, type NavItem, type PageProps } from './nav';
import SignInPage from './pages/sign-in';
import { StatusPage } from './pages/status-page';
import { usePath } from './router';
import { useSession } from './session';

const pages = new Map<string, LazyExoticComponent<ComponentType<PageProps>>>();
function pageOf(item: NavItem) {
  let page = pages.get(item.id);
  if (!page) {
    page = lazy(item.load);
    pages.set(item.id, page);
  }
  return page;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py={80} data-testid="page-loading">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text fz="sm" c="dimmed">
          {t('common:loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function App() {
  const { state, retry } = useSession();
  const path = usePath();
  const { t } = useTranslation();

  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'unreachable':
      return (
        <Center py={80} px="md">
          <Paper withBorder p="lg" maw={480}>
            <ErrorAlert error={state.error} />
            <Button onClick={retry}>{t('common:actions.retry')}</Button>
          </Paper>
        </Center>
      );
    case 'signed-out':
      return <SignInPage notice={state.notice} />;
    case 'signed-in': {
      const route = resolveRoute(path, state.user.role);
      let content;
      if (route.kind === 'page') {
        const Page = pageOf(route.item);
        content = <Page params={route.params} />;
      } else content = <StatusPage kind={route.kind} />;
      return (
        <Shell>
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </Shell>
      );
    }
    default: {
      const never: never = state;
      return never;
    }
  }
}
