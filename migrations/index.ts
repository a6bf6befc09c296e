import { InitialSchema1764180000000 } from './1764180000000-InitialSchema';

/** Every migration, oldest first. Add new ones here as well as in this folder. */
export const migrations = [InitialSchema1764180000000];
