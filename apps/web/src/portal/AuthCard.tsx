import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A narrow centred card for the sign-in, sign-up and reset pages. */
export function AuthCard({ children }: { children: ReactNode }) {
  return <Card style={{ maxWidth: 460, margin: '8px auto' }}>{children}</Card>;
}
