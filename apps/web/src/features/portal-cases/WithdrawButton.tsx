import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useWithdraw } from './api.ts';
import { portalCaseMessages } from './messages.ts';

/** 撤回申请, after a confirmation with an optional reason. */
export function WithdrawButton({ caseId }: { caseId: string }) {
  const t = useT(portalCaseMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const w = useWithdraw(caseId);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw">{t('withdraw')}</Button>
      <Modal
        open={open}
        title={t('withdraw')}
        okText={t('withdraw')}
        okButtonProps={{ danger: true, loading: w.isPending, 'data-testid': 'withdraw-confirm' }}
        onCancel={() => setOpen(false)}
        onOk={() => w.mutate({ reason: reason.trim() || undefined }, {
          onSuccess: () => { setOpen(false); void message.success(t('withdrawn')); },
          onError: (e) => void message.error(errText(e)),
        })}
        data-testid="withdraw-modal"
      >
        <p>{t('withdrawConfirm')}</p>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('withdrawReason')} value={reason}
          onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
      </Modal>
    </>
  );
}
