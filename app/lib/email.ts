/**
 * The one spelling of an email address the database stores and compares:
 * trimmed and lower-cased, so "Ada@Example.org " and "ada@example.org" are
 * the same account, invitation or request.
 */
export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}
