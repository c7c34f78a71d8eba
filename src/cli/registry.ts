/** Every `komek` command, listed once. Add a group's commands here. */
import type { CliCommand } from './command';
import { PLATFORM_COMMANDS } from './commands/platform';

export const COMMANDS: readonly CliCommand[] = [
  ...PLATFORM_COMMANDS,
];
