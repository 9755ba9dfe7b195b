import { Tag } from 'antd';
import { useBi } from '../../shared/i18n/index.ts';
import { stateColors } from './labels.ts';
import type { StateOut } from './types.ts';

/** The case state as a coloured tag, with the server's bilingual label. */
export function StateTag({ state, testId }: { state: StateOut; testId?: string }) {
  const bi = useBi();
  return (
    <Tag color={stateColors[state.value] ?? 'default'} data-testid={testId} data-state={state.value}>
      {bi(state.zh, state.en)}
    </Tag>
  );
}
