/**
 * The form of an organization's name used to tell whether two names mean
 * the same organization: case, whitespace and diacritics do not count.
 */
export function normalizeOrganizationName(name: string) {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/gu, " ").trim();
}
