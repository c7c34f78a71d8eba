/**
 * The case page, for every role: the application and applicant, its deadlines (target and hard, p.12–
 * p.18), the steps this role may take now (precinct commission: act and conclusion or refusal to be
 * surveyed; special commission: conclusion; specialist: routing, income, hearing steps; head: the
 * decision), the documents as PDFs (forms 1–6), the information-system requests and answers, the
 * survey, income and conclusions, the hearing, the decision with its explanation by clause, the
 * notices of p.19 and the timeline.
 */
import { Alert, Anchor, Badge, Card, Grid, Group, List, Loader, Paper, SegmentedControl, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../auth/roles';
import type { PageProps } from '../../nav';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatDateTime, formatMoney } from '../../format';
import { currentLanguage } from '../../i18n';
import { useUser } from '../../session';
import { useApi } from '../../use-api';
import { casesApi, documentUrl, STEP_ROLES, type CasePage } from './case-api';
import { CaseStatusBadge, clause, text3 } from './parts';
import { StepForm, STEP_FIELDS } from './step-forms';

/** Which forms exist at the case's stage. */
function availableForms(c: CasePage): string[] {
  const forms = ['1'];
  if (c.survey) forms.push('2');
  if (c.survey && !c.survey.refused && c.survey.needs !== null) forms.push('3');
  if (c.hearing) forms.push('hearing');
  if (c.decision) forms.push('4', c.decision.outcome === 'grant' ? '5' : '6');
  return forms;
}

function todayIn(timeZone = 'Asia/Almaty'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export default function CasePageView({ params }: PageProps) {
  const { t } = useTranslation();
  const me = useUser();
  const lang = currentLanguage();
  const id = params.id ?? '';
  const loaded = useApi(() => casesApi.get(id), [id]);
  const categories = useApi(() => casesApi.categories(), []);
  const notices = useApi(() => casesApi.notices(id).catch(() => ({ notices: [] })), [id, loaded.data?.case.application.version]);
  // Documents follow the interface language (Kazakh for English) until the user picks one.
  const [pickedDocLang, setDocLang] = useState<'kk' | 'ru' | null>(null);
  const docLang = pickedDocLang ?? (lang === 'ru' ? 'ru' : 'kk');
  const [openStep, setOpenStep] = useState<string | null>(null);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  const c = loaded.data?.case;
  if (!c) return <Text c="dimmed">{t('common:loading')}</Text>;
  const a = c.application;
  const name = [a.applicant.lastName, a.applicant.firstName, a.applicant.patronymic].filter(Boolean).join(' ');
  const docNames = new Map((categories.data?.categories.find((k) => k.code === a.categoryCode)?.requiredDocuments ?? []).map((d) => [d.code, lang === 'ru' ? d.name_ru : d.name_kk] as const));
  const mySteps = c.possibleSteps.filter((s) => (STEP_ROLES[s] ?? []).includes(me.role) && STEP_FIELDS[s] !== undefined);
  const nextIsMine = a.nextRole === me.role;
  const today = c.today ?? todayIn();
  const hardPassed = a.nextHardOn !== null && a.nextHardOn < today;
  const targetPassed = a.nextTargetOn !== null && a.nextTargetOn < today;

  return (
    <Stack gap="md">
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="case-reg-number">{a.regNumber}</span>
            <CaseStatusBadge status={a.status} />
            {a.track === 'extended' ? <Badge color="orange" variant="light">{t('cases:case.extendedTrack', { clause: a.extensionClause ?? '' })}</Badge> : null}
          </Group>
        }
        description={`${name} · ${t('cases:fields.iin')} ${a.applicant.iin} · ${t('cases:fields.category')} ${a.categoryCode}${a.ground ? ` · ${t('cases:fields.ground')} ${a.ground}` : ''}`}
      />

      {a.nextStep ? (
        <Alert color={hardPassed ? 'red' : targetPassed ? 'orange' : 'blue'} variant="light" title={t('cases:case.nextStep', { step: t(`cases:steps.${a.nextStep}`, { defaultValue: a.nextStep }) })} data-testid="case-next">
          <Text fz="sm">
            {t('cases:case.nextWho', { role: a.nextRole ? ROLE_NAMES[a.nextRole][lang] : '—' })} · {t('cases:case.targetOn')}: <b>{a.nextTargetOn ? formatDate(a.nextTargetOn) : '—'}</b> · {t('cases:case.hardOn')}: <b>{a.nextHardOn ? formatDate(a.nextHardOn) : '—'}</b>
            {a.decisionHardOn ? <> · {t('cases:case.decisionHardOn')}: <b>{formatDate(a.decisionHardOn)}</b></> : null}
          </Text>
          {hardPassed ? <Text fz="sm" c="red" fw={600}>{t('cases:timing.overdue')}</Text> : targetPassed ? <Text fz="sm" c="orange" fw={600}>{t('cases:timing.at-risk')}</Text> : null}
        </Alert>
      ) : null}

      {mySteps.length ? (
        <Card withBorder data-testid="case-actions">
          <Group gap="xs" mb="xs">
            <Title order={4}>{nextIsMine ? t('cases:case.yourTurn') : t('cases:case.actions')}</Title>
            {/* While the case reloads after a step, its steps wait: a form opened on the old version would be reset by the new one. */}
            {loaded.loading ? <Loader size="xs" data-testid="page-loading" /> : null}
          </Group>
          <Group gap="xs" mb={openStep ? 'sm' : 0}>
            {mySteps.map((s) => (
              <Anchor key={s} component="button" type="button" disabled={loaded.loading} onClick={() => setOpenStep(openStep === s ? null : s)} data-testid={`step-open-${s}`} fw={openStep === s ? 700 : 400}>
                {t(`cases:steps.${s}`, { defaultValue: s })}
              </Anchor>
            ))}
          </Group>
          {openStep ? <StepForm key={`${openStep}-${a.version}`} caseId={a.id} version={a.version} step={openStep} today={today} onDone={() => { setOpenStep(null); loaded.reload(); }} /> : null}
        </Card>
      ) : null}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={4} mb="xs">{t('cases:case.application')}</Title>
              <Table withRowBorders={false} verticalSpacing={4}>
                <Table.Tbody>
                  <Row label={t('cases:fields.applicant')} value={`${name} (${a.applicant.iin})`} />
                  {a.representative ? (
                    <Row
                      label={t('cases:fields.representative')}
                      value={t('cases:case.representative', {
                        name: `${a.representative.lastName} ${a.representative.firstName}`, iin: a.representative.iin, number: a.representative.powerOfAttorney.number,
                        date: formatDate(a.representative.powerOfAttorney.date), validUntil: formatDate(a.representative.powerOfAttorney.validUntil),
                      })}
                    />
                  ) : null}
                  <Row label={t('cases:fields.channel')} value={t(`cases:channels.${a.channel}`, { defaultValue: a.channel })} />
                  <Row label={t('cases:fields.registeredOn')} value={formatDate(a.registeredOn)} />
                  <Row label={t('cases:fields.address')} value={a.address} />
                  <Row label={t('cases:fields.mobile')} value={a.mobile ?? '—'} />
                  <Row label={t('cases:fields.language')} value={t(`cases:languages.${a.noticeLang}`)} />
                  <Row label={t('cases:fields.iban')} value={a.iban ?? '—'} />
                  {a.edsSignerIin ? <Row label={t('cases:fields.edsSigner')} value={`${a.edsSignerName ?? ''} (${a.edsSignerIin})`} /> : null}
                </Table.Tbody>
              </Table>
              {a.family.length ? (
                <>
                  <Text fw={600} mt="sm" fz="sm">{t('cases:case.family')}</Text>
                  <Table striped fz="sm">
                    <Table.Tbody>
                      {a.family.map((m) => (
                        <Table.Tr key={m.iin}>
                          <Table.Td>{m.fullName}</Table.Td>
                          <Table.Td ff="monospace">{m.iin}</Table.Td>
                          <Table.Td>{m.birthDate ? formatDate(m.birthDate) : '—'}</Table.Td>
                          <Table.Td>{t(`cases:relations.${m.relation}`, { defaultValue: m.relation })}</Table.Td>
                          <Table.Td ta="right">{formatMoney(m.incomes.reduce((s, i) => s + Number(i.amountTiyn), 0), lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              ) : null}
            </Paper>

            {c.survey ? (
              <Paper withBorder p="md" data-testid="case-survey">
                <Title order={4} mb="xs">{t('cases:case.survey')}</Title>
                {c.survey.refused ? <Alert color="red" variant="light">{t('cases:case.surveyRefused')}</Alert> : null}
                <Text fz="sm">{t('cases:case.act', { number: c.survey.actNumber, date: formatDate(c.survey.actDate) })} · {c.survey.commission}</Text>
                {c.survey.needs !== null ? <Text fz="sm">{t('cases:case.precinctConclusion')}: <b>{c.survey.needs ? t('cases:yesno.needs.yes') : t('cases:yesno.needs.no')}</b>{c.survey.conclusionReason ? ` — ${c.survey.conclusionReason}` : ''}</Text> : null}
              </Paper>
            ) : null}

            {c.income ? (
              <Paper withBorder p="md" data-testid="case-income">
                <Title order={4} mb="xs">{t('cases:case.income')}</Title>
                {c.income.required ? (
                  <Text fz="sm">
                    {t('cases:case.perCapita')}: <b>{c.income.perCapitaTiyn !== null ? formatMoney(Number(c.income.perCapitaTiyn), lang) : '—'}</b> · {t('cases:case.threshold')}: {c.income.thresholdTiyn !== null ? formatMoney(Number(c.income.thresholdTiyn), lang) : '—'} · {c.income.quarter ?? ''}
                  </Text>
                ) : (
                  <Text fz="sm">{t('cases:case.noIncomeTest')}</Text>
                )}
              </Paper>
            ) : null}

            {c.specialConclusion ? (
              <Paper withBorder p="md" data-testid="case-special">
                <Title order={4} mb="xs">{t('cases:case.special')}</Title>
                <Text fz="sm">
                  <b>{c.specialConclusion.needs ? t('cases:yesno.needs.yes') : t('cases:yesno.needs.no')}</b>
                  {c.specialConclusion.amountTiyn ? ` · ${formatMoney(Number(c.specialConclusion.amountTiyn), lang)}` : ''}
                  {c.specialConclusion.reason ? ` — ${c.specialConclusion.reason}` : ''} ({formatDate(c.specialConclusion.concludedOn)})
                </Text>
              </Paper>
            ) : null}

            {c.hearing ? (
              <Paper withBorder p="md" data-testid="case-hearing">
                <Title order={4} mb="xs">{t('cases:case.hearing')}</Title>
                <Text fz="sm">{t('cases:case.preliminary', { clause: clause(c.hearing.refusalGround), date: formatDate(c.hearing.notifiedOn) })}</Text>
                <Text fz="sm" c="dimmed">{c.hearing.preliminaryText}</Text>
                <List fz="sm" mt="xs">
                  <List.Item data-testid="case-hearing-when">
                    {c.hearing.hearingAt || c.hearing.hearingPlace || c.hearing.hearingMeans
                      ? t('cases:case.hearingWhen', { when: [c.hearing.hearingAt ? formatDateTime(c.hearing.hearingAt) : null, c.hearing.hearingPlace, c.hearing.hearingMeans].filter(Boolean).join(', ') })
                      : t('cases:case.hearingWhenUnset')}
                  </List.Item>
                  <List.Item>{t('cases:case.objectionDue', { date: formatDate(c.hearing.objectionDueOn) })}{c.hearing.objectionOn ? ` — ${t('cases:case.objectionOn', { date: formatDate(c.hearing.objectionOn) })}` : ''}</List.Item>
                  <List.Item>{t('cases:case.plannedDecision', { date: formatDate(c.hearing.plannedDecisionOn) })}</List.Item>
                  {c.hearing.protocol ? <List.Item>{t('cases:case.protocolRecorded')}{c.hearing.protocolReadOn ? ` (${formatDate(c.hearing.protocolReadOn)})` : ''}</List.Item> : null}
                  {c.hearing.remarksDueOn ? <List.Item>{t('cases:case.remarksDue', { date: formatDate(c.hearing.remarksDueOn) })}{c.hearing.remarksOn ? ` — ${formatDate(c.hearing.remarksOn)}` : ''}</List.Item> : null}
                </List>
              </Paper>
            ) : null}

            {c.decision ? (
              <Paper withBorder p="md" data-testid="case-decision">
                <Group justify="space-between" mb="xs">
                  <Title order={4}>{t('cases:case.decision', { number: c.decision.number, date: formatDate(c.decision.decidedOn) })}</Title>
                  <StatusBadge tone={c.decision.outcome === 'grant' ? 'success' : 'danger'} label={t(`cases:outcome.${c.decision.outcome}`)} />
                </Group>
                {c.decision.outcome === 'grant' && c.decision.amountTiyn ? (
                  <Text fz="sm" mb="xs">{t('cases:case.amount')}: <b>{formatMoney(Number(c.decision.amountTiyn), lang)}</b> · {t(`cases:periodicity.${c.decision.periodicity ?? 'one-time'}`, { defaultValue: c.decision.periodicity ?? '' })}</Text>
                ) : null}
                {c.decision.refusalGround ? <Text fz="sm" mb="xs">{t('cases:case.refusalGround')}: <b>{clause(c.decision.refusalGround)}</b> — {t(`cases:options.refusalGround.${c.decision.refusalGround.replace(/\./g, '_')}`)}</Text> : null}
                <Text fw={600} fz="sm">{t('cases:case.explanation')}</Text>
                <Table fz="sm" withTableBorder data-testid="case-explanation">
                  <Table.Tbody>
                    {(c.decision.basis.trace ?? []).map((s, i) => (
                      <Table.Tr key={i}>
                        <Table.Td w={90} ff="monospace">{clause(s.clause)}</Table.Td>
                        <Table.Td>{text3(s.text)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ) : null}

            {c.termination ? (
              <Alert color="gray" title={t('cases:case.terminated', { ground: c.termination.ground })}>{t('cases:case.stopsFrom', { date: formatDate(c.termination.stopsFrom) })}</Alert>
            ) : null}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" data-testid="case-documents">
              <Group justify="space-between" mb="xs">
                <Title order={4}>{t('cases:case.documents')}</Title>
                <SegmentedControl size="xs" value={docLang} onChange={(v) => setDocLang(v as 'kk' | 'ru')} data={[{ value: 'kk', label: 'ҚАЗ' }, { value: 'ru', label: 'РУС' }]} />
              </Group>
              <List fz="sm" spacing={4}>
                {availableForms(c).map((f) => (
                  <List.Item key={f}>
                    <Anchor href={documentUrl(a.id, f, docLang)} target="_blank" data-testid={`doc-${f}`}>{t(`documents:forms.${f}`)}</Anchor>
                  </List.Item>
                ))}
              </List>
              {c.documents.length ? (
                <>
                  <Text fw={600} fz="sm" mt="sm">{t('cases:case.presented')}</Text>
                  <List fz="sm">
                    {c.documents.map((d) => (
                      <List.Item key={d.id}>{d.title ?? docNames.get(d.code) ?? d.code}{d.number ? ` № ${d.number}` : ''}{d.expiresOn ? ` (${t('cases:intake.expiresOn')} ${formatDate(d.expiresOn)})` : ''}{d.originalSeen ? ` ✓` : ''}</List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Paper>

            <Paper withBorder p="md" data-testid="case-deadlines">
              <Title order={4} mb="xs">{t('cases:case.deadlines')}</Title>
              {a.deadlines.length === 0 ? <Text fz="sm" c="dimmed">{t('cases:case.noOpenDeadlines')}</Text> : null}
              <Table fz="sm" hidden={a.deadlines.length === 0}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cases:columns.nextStep')}</Table.Th>
                    <Table.Th>{t('cases:columns.targetOn')}</Table.Th>
                    <Table.Th>{t('cases:columns.hardOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.deadlines.map((d, i) => (
                    <Table.Tr key={i} title={text3(d.explanation)}>
                      <Table.Td>{t(`cases:steps.${d.step}`, { defaultValue: d.step })} <Text span c="dimmed" fz="xs">({clause(d.clause)})</Text></Table.Td>
                      <Table.Td>{formatDate(d.targetOn)}</Table.Td>
                      <Table.Td>{formatDate(d.hardOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {a.deadlines[0] ? <Text fz="xs" c="dimmed" mt="xs">{text3(a.deadlines[0].explanation)}</Text> : null}
            </Paper>

            <Paper withBorder p="md" data-testid="case-data-sources">
              <Title order={4} mb="xs">{t('cases:case.dataSources')}</Title>
              {c.dataRequests.length === 0 ? <Text fz="sm" c="dimmed">—</Text> : null}
              {c.dataRequests.map((r) => (
                <Stack key={r.id} gap={2} mb="xs">
                  <Text fz="sm">
                    <b>{r.kind === 'form-1-2' ? t('cases:case.form12') : r.body}</b> · {formatDateTime(r.requestedAt)} · {r.answeredAt ? t('cases:case.answered') : t('cases:case.waiting')}
                  </Text>
                  <Text fz="xs" c="dimmed">{r.items.map((it) => t(`cases:items.${it}`, { defaultValue: it })).join(', ')}</Text>
                  {r.answers ? <AnswerSummary answers={r.answers} /> : null}
                </Stack>
              ))}
            </Paper>

            <Paper withBorder p="md" data-testid="case-notices">
              <Title order={4} mb="xs">{t('cases:case.notices')}</Title>
              {notices.data && notices.data.notices.length === 0 ? <Text fz="sm" c="dimmed">—</Text> : null}
              {(notices.data?.notices ?? []).map((n) => (
                <Text key={n.id} fz="sm">
                  {t(`documents:forms.${n.form}`)} · {t(`documents:channels.${n.channel}`)} · {t(`cases:languages.${n.lang}`)} · <b>{t(`documents:noticeStatus.${n.status}`)}</b>
                  {n.dueOn ? ` · ${t('documents:dueOn', { date: formatDate(n.dueOn) })}` : ''}
                </Text>
              ))}
            </Paper>

            <Paper withBorder p="md" data-testid="case-timeline">
              <Title order={4} mb="xs">{t('cases:case.timeline')}</Title>
              <Timeline bulletSize={12} lineWidth={2} active={c.timeline.length}>
                {c.timeline.map((e) => (
                  <Timeline.Item key={e.id} title={<Text fz="sm">{t(`cases:auditActions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}</Text>}>
                    <Text fz="xs" c="dimmed">{formatDateTime(e.at)}{e.actorRole ? ` · ${ROLE_NAMES[e.actorRole][lang]}` : ''}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w="38%" fz="sm">{label}</Table.Td>
      <Table.Td fz="sm">{value}</Table.Td>
    </Table.Tr>
  );
}

/** A one-line summary of an information-system answer: items found / not found / errors. */
function AnswerSummary({ answers }: { answers: unknown }) {
  const { t } = useTranslation();
  const counts = { found: 0, 'not-found': 0, error: 0 };
  const walk = (x: unknown) => {
    if (!x || typeof x !== 'object') return;
    const s = (x as { status?: unknown }).status;
    if (s === 'found' || s === 'not-found' || s === 'error') counts[s]++;
    else for (const v of Object.values(x)) walk(v);
  };
  walk(answers);
  return <Text fz="xs">{t('cases:case.answerSummary', { found: counts.found, notFound: counts['not-found'], errors: counts.error })}</Text>;
}
