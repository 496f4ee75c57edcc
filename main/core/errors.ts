/** An expected failure a user can act on: carries a message key (errors namespace), never a sentence. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
