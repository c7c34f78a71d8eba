/** The kk / ru / en switch; the choice persists (see i18n.ts). */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_AUTONYMS, LANGUAGE_SHORT, isLanguage, setLanguage, currentLanguage } from '../i18n';

export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      data-testid="language-switch"
      aria-label={t('common:language.label')}
      className={onDark ? 'komek-lang' : undefined}
      value={i18n.resolvedLanguage ? currentLanguage() : 'kk'}
      onChange={(v) => {
        if (isLanguage(v)) void setLanguage(v);
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: <span title={LANGUAGE_AUTONYMS[l]} lang={l} data-testid={`lang-${l}`}>{LANGUAGE_SHORT[l]}</span> }))}
    />
  );
}
