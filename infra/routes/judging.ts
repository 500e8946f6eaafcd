export const judgingRoutes = {} as const;
