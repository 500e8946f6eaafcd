/** An NHS organisation that enters awards, keyed by its ODS code. */
export interface Organisation {
  code: string;
  name: string;
  kind: 'CCG' | 'ICB' | 'Trust' | 'Other';
  region?: string;
  createdAt: string;
}
