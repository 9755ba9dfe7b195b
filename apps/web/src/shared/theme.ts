import type { ThemeConfig } from 'antd';

/** The yuanzhi look: a sober government blue, Noto Sans SC so Chinese renders everywhere (also headless). */
export const fontFamily =
  "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Segoe UI', sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9e',
    colorLink: '#1f4e9e',
    borderRadius: 6,
    fontFamily,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a56', headerPadding: '0 16px' },
    Menu: { darkItemBg: '#0f2a56', darkSubMenuItemBg: '#0b2147', darkItemSelectedBg: '#1f4e9e' },
  },
};
