/** The department stores the gateway joins, each its own MongoDB database. */
export const STORE_NAMES = ['finance', 'procurement', 'personnel', 'office'] as const;

export type StoreName = (typeof STORE_NAMES)[number];
