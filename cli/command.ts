/**
 * What a command module under cli/commands/ exports: `run(args)` with the arguments after the
 * command name. It writes its output itself and throws `CliError` for expected failures.
 */
export interface CommandModule {
  run(args: string[]): Promise<void>;
  /** One line for `--help`. */
  summary?: string;
}
