/**
 * The sign-in page (shown for any path while signed out): username and password, the server's error in
 * the chosen language, a distinct message for a temporary lockout, and the synthetic-data notice.
 */
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client';
import { useErrorMessage } from '../components/error-alert';
import { formErrors } from '../components/form-field';
import { LanguageSwitch } from '../components/language-switch';
import { useSession, type SignedOutNotice } from '../session';

export default function SignInPage({ notice }: { notice?: SignedOutNotice }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const errorText = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [checks, setChecks] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = {
      username: username.trim() ? undefined : t('auth:usernameRequired'),
      password: password ? undefined : t('auth:passwordRequired'),
    };
    setChecks(found);
    setError(null);
    if (found.username || found.password) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK_ERROR', String(err)));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const title = t('auth:title');
  const appName = t('common:app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);

  const errors = formErrors(checks, error);
  const locked = error?.code === 'LOGIN_LOCKED';

  return (
    <Box className="komek-signin-bg">
      <Group justify="space-between" px="xl" py="md">
        <Group gap="sm">
          <span className="komek-mark" aria-hidden>
            K
          </span>
          <Stack gap={0}>
            <Text c="white" fw={700} fz={18} lh={1.1}>
              {t('common:app.name')}
            </Text>
            <Text c="rgba(255,255,255,0.75)" fz={12}>
              {t('common:app.tagline')}
            </Text>
          </Stack>
        </Group>
        <LanguageSwitch onDark />
      </Group>
      <Center px="md" pt={24} pb="xl">
        <Stack w={420} maw="100%" gap="md">
          <Paper shadow="md" p="xl" radius="md" withBorder>
            <Stack gap={4} mb="lg">
              <Text fz={12} c="dimmed" tt="uppercase" fw={600}>
                {t('common:app.district')} · {t('common:app.region')}
              </Text>
              <Title order={1} fz={24}>
                {t('auth:title')}
              </Title>
              <Text fz={13} c="dimmed">
                {t('common:app.authorizedBody')}
              </Text>
            </Stack>

            {notice && !error ? (
              <Alert color={notice === 'sessionExpired' ? 'orange' : 'stateBlue'} variant="light" mb="md" data-testid="signin-notice" data-notice={notice}>
                {t(notice === 'sessionExpired' ? 'auth:sessionExpired' : 'auth:signedOut')}
              </Alert>
            ) : null}

            {error && !errors.field('username') && !errors.field('password') ? (
              <Alert
                color={locked ? 'orange' : 'red'}
                variant="light"
                mb="md"
                title={t(locked ? 'auth:lockedTitle' : 'auth:failedTitle')}
                data-testid="signin-error"
                data-code={error.code}
                role="alert"
              >
                <Text fz={13}>{errorText(error)}</Text>
                {locked ? (
                  <Text fz={12} c="dimmed" mt={4}>
                    {t('auth:lockedHint')}
                  </Text>
                ) : null}
              </Alert>
            ) : null}

            <form onSubmit={(e) => void onSubmit(e)} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('auth:username')}
                  name="username"
                  autoComplete="username"
                  autoFocus
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={errors.field('username')}
                  data-testid="signin-username"
                />
                <PasswordInput
                  label={t('auth:password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.field('password')}
                  data-testid="signin-password"
                />
                <Button type="submit" fullWidth mt="xs" loading={busy} data-testid="signin-submit">
                  {t('auth:submit')}
                </Button>
              </Stack>
            </form>
          </Paper>

          <Alert color="yellow" variant="light" title={t('auth:demoTitle')} data-testid="demo-notice">
            <Text fz={13}>{t('auth:demoNotice')}</Text>
          </Alert>

          <Text fz={11} c="dimmed" ta="center">
            {t('common:app.license')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
