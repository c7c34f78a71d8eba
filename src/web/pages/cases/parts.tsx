/** Small pieces shared by the case screens: status and timing badges, a step name, a localized text. */
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { currentLanguage } from '../../i18n';
import { STATUS_TONE, type Text3 } from './case-api';

export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status] ?? 'neutral'} label={t(`cases:status.${status}`, { defaultValue: status })} data-testid="case-status" />;
}

export function TimingBadge({ timing }: { timing: 'on-time' | 'at-risk' | 'overdue' }) {
  const { t } = useTranslation();
  const tone = timing === 'overdue' ? 'danger' : timing === 'at-risk' ? 'warning' : 'success';
  return <StatusBadge tone={tone} label={t(`cases:timing.${timing}`)} />;
}

/** A text of the rules core in the interface language. */
export function text3(t: Text3 | undefined | null): string {
  if (!t) return '';
  const lang = currentLanguage();
  return lang === 'ru' ? t.ru : lang === 'en' ? t.en : t.kk;
}

/** A clause in Koksu numbering as the interface language writes it. */
export function clause(c: string): string {
  const n = c.replace(/^p\./, '');
  const lang = currentLanguage();
  return /^\d+(\.\d+)*$/.test(n) ? (lang === 'kk' ? `${n}-т.` : lang === 'ru' ? `п. ${n}` : `p.${n}`) : n;
}
