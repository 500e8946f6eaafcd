export const evidenceRoutes = {} as const;
