/** Every `komek` command, listed once. Add a group's commands here. */
import type { CliCommand } from './command';

export const COMMANDS: readonly CliCommand[] = [];
