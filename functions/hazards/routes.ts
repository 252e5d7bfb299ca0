// Routes of the hazards context (see functions/registry/routes.ts for the pattern).
export const routes = {} as const;
