// Errors a user can cause, each with the exit code the CLI maps it to. Anything else is a bug and may crash
// with a stack trace; these never print one.

export const EXIT = { ok: 0, itemErrors: 3, usage: 2, interrupted: 130 } as const;

export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** A bad flag, config value or impossible combination. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/** The server refused us for good (401/403, or 404 for the model): retrying cannot help. */
export class FatalApiError extends UserError {
  override name = 'FatalApiError';
}

/** The health check never saw the server answer with the model listed. */
export class HealthCheckError extends UserError {
  override name = 'HealthCheckError';
}

/** A bad input line under --strict, or an unusable test_dir. */
export class InputError extends UserError {
  override name = 'InputError';
}
