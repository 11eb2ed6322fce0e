/**
 * A refusal the user should read: the route turns it into a response with
 * this status and shows the message next to the form.
 */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
