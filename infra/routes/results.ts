export const resultRoutes = {} as const;
