import { Alert, Button } from 'antd';
import { ApiError } from './api.ts';
import { useErrorText } from './errors.ts';
import { useT } from './i18n/index.ts';

/** A failed query: forbidden, not found (also "outside your scope") or anything else, with a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const text = useErrorText();
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 403 ? t('forbidden') : status === 401 ? t('notSignedIn') : t('loadFailed');
  return (
    <Alert
      type={status === 403 ? 'warning' : 'error'}
      showIcon
      title={title}
      description={text(error)}
      data-testid="error-alert"
      action={onRetry && <Button size="small" onClick={onRetry}>{t('retry')}</Button>}
    />
  );
}
