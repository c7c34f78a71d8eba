/**
 * Shows an API error: the server's own message (already in the UI language), or the catalog's text for
 * the errors the client produces itself (no connection, a non-JSON answer).
 */
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, CLIENT_ERROR_CODES } from '../api-client';

/** The text to show for `error` in the current language. */
export function useErrorMessage(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error.code === CLIENT_ERROR_CODES.network) return t('common:errors.NETWORK_ERROR');
    if (error.code === CLIENT_ERROR_CODES.http) return t('common:errors.HTTP_ERROR', { status: error.status });
    return error.message;
  };
}

export function ErrorAlert({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" variant="light" title={title ?? t('common:errors.title')} data-testid="error-alert" data-code={error.code} mb="md">
      {message(error)}
      {onRetry ? (
        <div>
          <Button variant="subtle" color="red" size="xs" mt="xs" px={0} onClick={onRetry}>
            {t('common:actions.retry')}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}
