import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLang, useT } from './i18n/index.ts';

/** Switches between 中文 and English; the choice is kept in localStorage. */
export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { toggle } = useLang();
  const t = useT();
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      onClick={toggle}
      data-testid="lang-switch"
      style={dark ? { color: '#fff' } : undefined}
      aria-label={t('language')}
    >
      {t('switchLang')}
    </Button>
  );
}
