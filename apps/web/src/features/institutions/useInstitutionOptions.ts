import { useMemo } from 'react';
import { useInstitutionTree } from './api.ts';
import type { TreeNode } from './types.ts';

export interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function convert(nodes: TreeNode[], exclude?: string): TreeOption[] {
  return nodes
    .filter((n) => n.id !== exclude)
    .map((n) => ({ value: n.id, title: n.name, disabled: n.status === 'closed', children: convert(n.children ?? [], exclude) }));
}

/** The institution tree as TreeSelect data; `exclude` drops a node and its subtree (a move target may not be inside itself). */
export function useInstitutionOptions(exclude?: string) {
  const tree = useInstitutionTree();
  const options = useMemo(() => convert(tree.data ?? [], exclude), [tree.data, exclude]);
  return { options, loading: tree.isPending };
}
