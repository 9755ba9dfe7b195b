import type { RegistryDef } from './registry.def.ts';
import { keyEnterpriseDef } from '../key-enterprises/key-enterprises.def.ts';
import { overseasDef } from '../overseas/overseas.def.ts';
import { partnerDef } from '../partners/partners.def.ts';
import { volunteerTeamDef } from '../volunteers/volunteer-teams.def.ts';
import { volunteerDef } from '../volunteers/volunteers.def.ts';

/** Every registry the shared engine serves; the import job finds its registry here by name. */
export const registryDefs: readonly RegistryDef[] = [partnerDef, keyEnterpriseDef, volunteerTeamDef, volunteerDef, overseasDef];

export const registryByName = (name: string) => registryDefs.find((d) => d.name === name);
