/** The foot of an administration editor dialog: cancel, and save (busy while the server answers). */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function EditorActions({ onCancel, onSave, busy, saveTestId }: { onCancel: () => void; onSave: () => void; busy: boolean; saveTestId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="end">
      <Button variant="default" onClick={onCancel}>
        {t('admin:cancel')}
      </Button>
      <Button onClick={onSave} loading={busy} data-testid={saveTestId}>
        {t('admin:save')}
      </Button>
    </Group>
  );
}
