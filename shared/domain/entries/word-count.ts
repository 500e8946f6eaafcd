/** Counts words as a person would: runs of non-space characters (any Unicode space separates). */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}
