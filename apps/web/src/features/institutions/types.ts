export interface Institution {
  id: string;
  parentId: string | null;
  parentName: string | null;
  path: string;
  name: string;
  shortName: string | null;
  type: string;
  level: string;
  host: string | null;
  regionCode: string | null;
  regionName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: string | null;
  contactPerson: string | null;
  ipTypes: string[];
  services: string[];
  description: string | null;
  establishedOn: string | null;
  status: 'active' | 'closed';
  closedAt: string | null;
  closedReason: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TreeNode {
  id: string;
  name: string;
  type: string;
  level: string;
  host: string | null;
  status: 'active' | 'closed';
  path: string;
  children: TreeNode[];
}

export interface InstitutionAbilities {
  update?: boolean;
  close?: boolean;
  reopen?: boolean;
  move?: boolean;
  createChild?: boolean;
}

export interface InstitutionFilters {
  q?: string;
  type?: string;
  level?: string;
  host?: string;
  regionCode?: string;
  service?: string;
  ipType?: string;
  status?: string;
  under?: string;
  page?: number;
  pageSize?: number;
}

export type InstitutionInput = Partial<Omit<Institution, 'id' | 'path' | 'status' | 'closedAt' | 'closedReason' | 'childCount' | 'createdAt' | 'updatedAt' | 'parentName' | 'regionName'>>;
