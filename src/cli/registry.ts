/** Every `komek` command, listed once. Add a group's commands here. */
import type { CliCommand } from './command';
import { PLATFORM_COMMANDS } from './commands/platform';
import { CALENDAR_COMMANDS } from './commands/calendar';
import { IIN_COMMANDS } from './commands/iin';

export const COMMANDS: readonly CliCommand[] = [
  ...PLATFORM_COMMANDS,
  ...CALENDAR_COMMANDS,
  ...IIN_COMMANDS,
];
