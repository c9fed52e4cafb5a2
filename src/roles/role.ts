import { z } from 'zod';

/** Who is talking: decides which dialogs may start and which contacts may be shown. */
export const ROLES = ['agent', 'supervisor', 'trainee', 'public'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
