// Routes of the approvals context (see functions/registry/routes.ts for the pattern).
export const routes = {} as const;
