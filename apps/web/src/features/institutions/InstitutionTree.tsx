import { Empty, Input, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState, type Key } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useInstitutionTree } from './api.ts';
import { institutionMessages } from './messages.ts';
import type { TreeNode } from './types.ts';

function toData(nodes: TreeNode[], q: string, closedLabel: string): DataNode[] {
  const out: DataNode[] = [];
  for (const n of nodes) {
    const children = toData(n.children ?? [], q, closedLabel);
    const hit = !q || n.name.includes(q);
    if (!hit && !children.length) continue;
    out.push({
      key: n.id,
      title: (
        <span data-testid={`tree-node-${n.id}`} data-name={n.name} style={n.status === 'closed' ? { color: '#999' } : undefined}>
          {q && hit ? <mark style={{ padding: 0, background: '#ffe58f' }}>{n.name}</mark> : n.name}
          {n.status === 'closed' && <Tag style={{ marginInlineStart: 6 }}>{closedLabel}</Tag>}
        </span>
      ),
      children,
    });
  }
  return out;
}

function allKeys(nodes: TreeNode[], depth: number, max: number): string[] {
  if (depth >= max) return [];
  return nodes.flatMap((n) => [n.id, ...allKeys(n.children ?? [], depth + 1, max)]);
}

/** The caller's part of the institution tree, with a name filter. */
export function InstitutionTree({ selected, onSelect }: { selected?: string; onSelect: (id: string) => void }) {
  const t = useT(institutionMessages);
  const tree = useInstitutionTree();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const data = useMemo(() => toData(tree.data ?? [], q.trim(), t('closed')), [tree.data, q, t]);

  if (tree.isPending) return <Spin />;
  if (tree.isError) return <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} />;
  const keys = q.trim() ? allKeys(tree.data, 0, 99) : (expanded ?? allKeys(tree.data, 0, 2));
  return (
    <div data-testid="tree">
      <Input.Search allowClear placeholder={t('treeSearch')} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="tree-search" />
      {data.length ? (
        <Tree
          blockNode
          treeData={data}
          selectedKeys={selected ? [selected] : []}
          expandedKeys={keys}
          onExpand={(k) => setExpanded(k)}
          onSelect={(k) => k[0] && onSelect(String(k[0]))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}
