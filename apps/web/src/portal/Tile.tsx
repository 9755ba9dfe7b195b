import type { CSSProperties, ReactNode } from 'react';

/**
 * A small card for the portal's home page. antd's Card pulls Tabs, Menu, Dropdown and Skeleton into the first load
 * (≈ 25 KB gzipped) for features the home page never uses (issue 8: portal first load under 300 KB).
 */
export function Tile({ title, hoverable, style, children }: { title?: ReactNode; hoverable?: boolean; style?: CSSProperties; children: ReactNode }) {
  return (
    <div className={hoverable ? 'yz-tile yz-tile-hover' : 'yz-tile'} style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, height: '100%', ...style }}>
      {title && <div style={{ fontWeight: 600, padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}>{title}</div>}
      <div style={{ padding: 12 }}>{children}</div>
    </div>
  );
}
