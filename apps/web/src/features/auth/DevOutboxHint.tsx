import { Alert } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useOutbox } from '../outbox/api.ts';
import { authMessages } from './messages.ts';

/** In the embedded demo (GET /api/outbox answers 200) says where the codes can be read. */
export function DevOutboxHint() {
  const t = useT(authMessages);
  const q = useOutbox();
  if (!q.isSuccess) return null;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="dev-outbox-hint"
      title={<a href="/outbox" target="_blank" rel="noreferrer">{t('devOutboxHint')}</a>} />
  );
}
