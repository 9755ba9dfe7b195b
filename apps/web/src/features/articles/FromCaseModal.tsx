import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useArticleWrite, useClosedCases } from './api.ts';
import { articleMessages } from './messages.ts';

/** Pick a closed case of the caller's scope; the server proposes the de-identified draft. */
export function FromCaseModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT(articleMessages);
  const bi = useBi();
  const errText = useErrorText();
  const cases = useClosedCases(open);
  const { fromCase } = useArticleWrite();
  const [caseId, setCaseId] = useState<string>();
  return (
    <Modal open={open} title={t('fromCase')} onCancel={onClose} okText={t('propose')} okButtonProps={{ disabled: !caseId, 'data-testid': 'from-case-ok' } as never}
      confirmLoading={fromCase.isPending}
      onOk={() => caseId && fromCase.mutate(caseId, { onSuccess: (a) => { onClose(); onCreated(a.data.id); } })}>
      <Typography.Paragraph type="secondary">{t('fromCaseHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('pickCase')} required>
          <Select value={caseId} onChange={setCaseId} loading={cases.isFetching} showSearch={{ optionFilterProp: 'label' }} data-testid="from-case-select"
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber ?? '—'} · ${bi(c.state.zh, c.state.en)} · ${c.summary.slice(0, 30)}` }))} />
        </Form.Item>
      </Form>
      {fromCase.isError && <Alert type="error" showIcon title={errText(fromCase.error)} />}
    </Modal>
  );
}
