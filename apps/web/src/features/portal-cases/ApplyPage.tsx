import { Alert, Button, Card, Flex, Form, Result, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useMe } from '../../shared/session.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { PartyFields } from '../cases/PartyFields.tsx';
import { saveDraft, useDraft, useSubmitDraft, type Draft, type Evidence, type Receipt } from './applyApi.ts';
import { applyMessages } from './applyMessages.ts';
import { fromDraft, renameFields, stepOf, toApplication, type ApplyValues } from './applyModel.ts';
import { EvidenceStep } from './EvidenceStep.tsx';
import { newKey } from './format.ts';
import { PrivacyNotice, usePrivacyNotice } from './PrivacyNotice.tsx';
import { InstitutionStep } from './InstitutionStep.tsx';
import { MatterStep } from './MatterStep.tsx';
import { ReceiptView } from './ReceiptView.tsx';
import { RequireApplicant } from './RequireApplicant.tsx';
import { SaveState, type SaveStatus } from './SaveState.tsx';

/** `/apply`: the guided application, autosaved as a draft, submitted with an idempotency key. */
export function ApplyPage() {
  return <RequireApplicant><ApplyGate /></RequireApplicant>;
}

function ApplyGate() {
  const t = useT(applyMessages);
  useTitle(t('applyTitle'));
  const { data: me } = useMe();
  const isApplicant = me?.kind === 'applicant';
  const q = useDraft(isApplicant);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  if (!isApplicant) return <Result status="info" title={t('applicantsOnly')} data-testid="apply-applicants-only" />;
  if (receipt) return <ReceiptView receipt={receipt} />;
  if (q.isPending) return <FullPageSpin />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return <ApplyWizard key={q.data.id} draft={q.data} onDone={setReceipt} />;
}

function ApplyWizard({ draft, onDone }: { draft: Draft; onDone: (r: Receipt) => void }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const errText = useErrorText();
  const [form] = Form.useForm<ApplyValues>();
  const [step, setStep] = useState(0);
  const [agreed, setAgreed] = useState(false);
  const [consentMissing, setConsentMissing] = useState(false);
  const notice = usePrivacyNotice();
  const [evidence, setEvidence] = useState<Evidence[]>(draft.evidence);
  const [save, setSave] = useState<SaveStatus>('idle');
  const [errorSteps, setErrorSteps] = useState<Set<number>>(new Set());
  const [topError, setTopError] = useState<unknown>(null);
  const [already, setAlready] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const key = useRef<string | null>(null);
  const submit = useSubmitDraft();

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setSave('saving');
    const p = saving.current.catch(() => undefined).then(() => saveDraft(draft.id, toApplication(form.getFieldsValue(true) as ApplyValues)));
    saving.current = p;
    p.then(() => setSave('saved'), () => setSave('error'));
    return p;
  }, [draft.id, form]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onValuesChange = () => {
    clearTimeout(timer.current);
    setSave('pending');
    timer.current = setTimeout(() => void flush().catch(() => undefined), 800);
  };

  const fieldsOf = (s: number) => form.getFieldsError().map((f) => f.name).filter((n) => stepOf(n.join('.')) === s);
  const next = () => form.validateFields(fieldsOf(step)).then(() => setStep(step + 1), () => undefined);

  const showServerErrors = (err: ApiError) => {
    const list = err.fields?.map((f) => f.field) ?? (err.field ? [err.field] : []);
    applyServerErrors(form, err, lang, renameFields);
    const steps = new Set(list.map(stepOf));
    setErrorSteps(steps);
    if (list.length) setStep(stepOf(list[0]));
    setTopError(steps.size ? null : err);
  };

  const onSubmit = async () => {
    setTopError(null);
    if (!agreed) return setConsentMissing(true);
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setStep(stepOf(first.name.join('.')));
      return;
    }
    try {
      await flush();
    } catch (e) {
      return setTopError(e);
    }
    key.current ??= newKey();
    submit.mutate({ id: draft.id, key: key.current, privacyNoticeVersion: notice.data?.version }, {
      onSuccess: (r) => { key.current = null; onDone(r); },
      onError: (err) => {
        const retryable = !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
        if (!retryable) key.current = null;
        if (err instanceof ApiError && err.code === 'privacy_notice_changed') {
          setAgreed(false);
          void notice.refetch();
        }
        if (err instanceof ApiError && err.code === 'already_submitted') return setAlready(String(err.extra.caseNumber ?? ''));
        if (err instanceof ApiError && err.status === 422 && (err.fields?.length || err.field)) return showServerErrors(err);
        setTopError(err);
      },
    });
  };

  const stepTitles = [t('stepWho'), t('stepMatter'), t('stepWhere'), t('stepEvidence'), t('stepReview')];
  const kind = Form.useWatch(['applicant', 'kind'], form) as string | undefined;
  const pane = (i: number) => ({ style: { display: step === i ? 'block' : 'none' }, 'data-testid': `apply-step-${i}` });
  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }} data-testid="apply-page" data-draft={draft.id}
      title={t('applyTitle')} extra={<SaveState status={save} />}>
      <Steps size="small" current={step} onChange={setStep} style={{ marginBottom: 24 }} data-testid="apply-steps"
        items={stepTitles.map((title, i) => ({ title, status: errorSteps.has(i) && i !== step ? 'error' : undefined }))} />
      <Form form={form} layout="vertical" initialValues={fromDraft(draft)} onValuesChange={onValuesChange} data-testid="apply-form">
        <div {...pane(0)}><PartyFields kind={kind ?? 'natural_person'} sizeRequired /></div>
        <div {...pane(1)}><MatterStep /></div>
        <div {...pane(2)}><InstitutionStep chosenName={draft.institution?.name} /></div>
        <div {...pane(3)}><EvidenceStep draftId={draft.id} evidence={evidence} onChange={setEvidence} /></div>
        <div {...pane(4)}>
          <Typography.Paragraph>{t('reviewHint')}</Typography.Paragraph>
          <PrivacyNotice agreed={agreed} onChange={setAgreed} missing={consentMissing} />
        </div>
      </Form>
      {already !== null && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="apply-already"
          title={t('alreadySubmitted', { n: already })} action={<Link to="/my/cases">{t('toMyCases')}</Link>} />
      )}
      {topError != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errText(topError)} data-testid="apply-error" />}
      <Flex justify="space-between">
        <Button disabled={step === 0} onClick={() => setStep(step - 1)} data-testid="apply-prev">{t('prev')}</Button>
        {step < 4 ? (
          <Button type="primary" onClick={() => void next()} data-testid="apply-next">{t('next')}</Button>
        ) : (
          <Button type="primary" loading={submit.isPending} onClick={() => void onSubmit()} data-testid="apply-submit">
            {submit.isError && key.current ? t('retry') : t('submitApply')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
