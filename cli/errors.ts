/** An expected failure: `main` prints `message` as one line on stderr and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes: 1 = an input was not a usable report; 2 = bad usage; 3 = some input could not be read. */
export const EXIT = { notAReport: 1, usage: 2, unreadable: 3, internal: 70 } as const;
