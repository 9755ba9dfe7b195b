import { CheckOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { applyMessages } from './applyMessages.ts';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** The autosave indicator: 保存中… / 已保存 / 自动保存失败. */
export function SaveState({ status }: { status: SaveStatus }) {
  const t = useT(applyMessages);
  const body =
    status === 'saving' || status === 'pending' ? <><LoadingOutlined /> {t('saving')}</>
      : status === 'saved' ? <><CheckOutlined /> {t('savedAt')}</>
        : status === 'error' ? <Typography.Text type="danger"><ExclamationCircleOutlined /> {t('saveFailed')}</Typography.Text>
          : null;
  return <Typography.Text type="secondary" data-testid="apply-save-state" data-state={status}>{body}</Typography.Text>;
}
