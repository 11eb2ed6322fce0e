/** Parses a `a...b` range ("1...2"); null when it is not one. */
export function parseVersionRange(range: string | undefined): { from: number; to: number } | null {
  const match = /^([1-9]\d{0,5})\.\.\.([1-9]\d{0,5})$/.exec(range ?? "");
  if (!match) return null;
  return { from: Number(match[1]), to: Number(match[2]) };
}
