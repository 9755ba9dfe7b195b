import { Popover, Tag } from 'antd';
import { pick, useLang } from '../shared/i18n/index.ts';
import type { Grant } from '../shared/session.ts';

/** The user's roles as "role · institution" tags; more than `max` fold into a popover. */
export function GrantTags({ grants, max = 3 }: { grants: Grant[]; max?: number }) {
  const { lang } = useLang();
  const tag = (g: Grant) => (
    <Tag key={`${g.role}@${g.institutionId}`} color="blue" style={{ marginInlineEnd: 4 }} data-testid="grant-tag">
      {pick(lang, g.roleName)} · {g.institutionName}
    </Tag>
  );
  const shown = grants.slice(0, max);
  const rest = grants.slice(max);
  return (
    <span data-testid="header-grants" style={{ whiteSpace: 'nowrap' }}>
      {shown.map(tag)}
      {rest.length > 0 && (
        <Popover content={<div style={{ maxWidth: 320 }}>{rest.map(tag)}</div>}>
          <Tag>+{rest.length}</Tag>
        </Popover>
      )}
    </span>
  );
}
