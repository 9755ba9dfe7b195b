import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.ts';
import { rolePermissions, type Permission } from './roles.ts';

/** ltree's <@ on label paths: `a` is `b` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '.');
}

/** Something that belongs to an institution (cases, users' roles, the institution itself) or to an applicant. */
export interface Owned {
  institutionPath?: string | null;
  applicantUserId?: string | null;
}

export function can(actor: Actor | null | undefined, permission: Permission, record?: Owned): boolean {
  if (!actor) return false;
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes(permission)) continue;
    if (!record) return true;
    if (record.institutionPath && isWithin(record.institutionPath, g.institutionPath)) return true;
  }
  return false;
}

declare const scopeBrand: unique symbol;
/**
 * The institution subtrees in which an actor holds a permission. Only scopeFor() makes one, and every
 * list, search, export and statistics query takes one, so a forgotten filter does not type-check.
 */
export interface Scope {
  readonly paths: readonly string[];
  readonly [scopeBrand]: true;
}

export function scopeFor(actor: Actor | null | undefined, permission: Permission): Scope {
  const paths = new Set<string>();
  for (const g of actor?.grants ?? []) {
    if (rolePermissions[g.role].includes(permission)) paths.add(g.institutionPath);
  }
  // Drop paths already covered by an ancestor in the set.
  const all = [...paths];
  const minimal = all.filter((p) => !all.some((q) => q !== p && isWithin(p, q)));
  return { paths: minimal } as unknown as Scope;
}

/** The whole network: only for system contexts with no signed-in actor (the command-line tool). */
export function systemScope(): Scope {
  return { paths: ['cn'] } as unknown as Scope;
}

export function scopeIsEmpty(scope: Scope): boolean {
  return scope.paths.length === 0;
}

/** SQL condition: the ltree column lies inside the scope. An empty scope matches nothing. */
export function inScope(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} <@ ANY(${sql.val(scope.paths)}::ltree[])`;
}
