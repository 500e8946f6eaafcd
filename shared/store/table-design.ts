/**
 * The table's physical design, read by the CDK stack and by the local setup so both worlds build
 * the same table: string keys `pk`/`sk` and three generic indexes projecting every attribute.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  /** Epoch seconds after which AWS may delete an item; code never relies on it (expiry is checked in code). */
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = (typeof TABLE_DESIGN.indexes)[number]['name'];
