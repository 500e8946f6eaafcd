/** A judge's declared conflicts: the ODS codes of organisations whose entries they may not see. */
export type Conflicts = ReadonlySet<string> | readonly string[];

/**
 * True when the judge may not see entries of this organisation. The caller has already added the
 * judge's own organisation to `conflicts`, so this is a plain membership test.
 */
export function isConflicted(judge: { conflicts: Conflicts }, orgCode: string): boolean {
  const { conflicts } = judge;
  return isReadonlySet(conflicts) ? conflicts.has(orgCode) : conflicts.includes(orgCode);
}

function isReadonlySet(conflicts: Conflicts): conflicts is ReadonlySet<string> {
  return conflicts instanceof Set;
}
