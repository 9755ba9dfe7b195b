import { App, Button, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { useDraftQaArticle, useQaProposals, useReview, type QaProposal } from './api.ts';
import { qaStatusLabels, topicLabels } from './labels.ts';
import { consultationMessages } from './messages.ts';

/**
 * 优秀问答 proposals (already de-identified): a reviewer approves or returns them with a reason; an editor turns an
 * approved one into a draft qa article, which then goes through the publishing review.
 */
export function QaReview({ canReview, canWrite }: { canReview: boolean; canWrite: boolean }) {
  const t = useT(consultationMessages);
  const { options, label } = useEnum();
  const { message } = App.useApp();
  const showError = useShowError();
  const [status, setStatus] = useState('proposed');
  const { data, isFetching } = useQaProposals(status);
  const review = useReview();
  const draft = useDraftQaArticle();
  const navigate = useNavigate();
  const [returning, setReturning] = useState<QaProposal | null>(null);
  const [reason, setReason] = useState('');
  const decide = (id: string, decision: 'approve' | 'return', comment?: string) =>
    review.mutate({ id, decision, ...(comment ? { comment } : {}) }, {
      onSuccess: () => { message.success(t('reviewed')); setReturning(null); setReason(''); },
      onError: showError,
    });
  return (
    <>
      <Segmented value={status} onChange={(v) => setStatus(String(v))} options={options(qaStatusLabels)} style={{ marginBottom: 12 }} />
      <List<QaProposal>
        loading={isFetching} dataSource={data ?? []} locale={{ emptyText: t('noProposals') }} data-testid="qa-list"
        renderItem={(p) => (
          <List.Item key={p.id} data-testid="qa-item" actions={canReview && p.status === 'proposed' ? [
            <Button key="ok" type="primary" size="small" onClick={() => decide(p.id, 'approve')} data-testid="qa-approve">{t('approve')}</Button>,
            <Button key="back" size="small" onClick={() => setReturning(p)} data-testid="qa-return">{t('returnIt')}</Button>,
          ] : p.status === 'approved' && p.articleId ? [
            <Link key="open" to={`/articles/${p.articleId}`} data-testid="qa-open-article">{t('openArticle')}</Link>,
          ] : p.status === 'approved' && canWrite ? [
            <Button key="draft" size="small" loading={draft.isPending} data-testid="qa-draft-article"
              onClick={() => draft.mutate(p.id, { onSuccess: (r) => navigate(`/articles/${r.data.articleId}`), onError: showError })}>
              {t('draftArticle')}
            </Button>,
          ] : []}>
            <List.Item.Meta
              title={<Space><Tag>{label(topicLabels, p.topic)}</Tag><Link to={`/consultations/${p.consultationId}`}>{p.question}</Link></Space>}
              description={<>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{p.answer}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('proposedBy')}：{p.proposedBy}</Typography.Text>
              </>}
            />
          </List.Item>
        )}
      />
      <Modal open={!!returning} title={t('returnIt')} onCancel={() => setReturning(null)} okButtonProps={{ disabled: !reason.trim(), loading: review.isPending }}
        onOk={() => returning && decide(returning.id, 'return', reason.trim())}>
        <Input.TextArea rows={3} placeholder={t('returnReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="qa-return-reason" />
      </Modal>
    </>
  );
}
