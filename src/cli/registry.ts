/** Every `komek` command, listed once. Add a group's commands here. */
import type { CliCommand } from './command';
import { PLATFORM_COMMANDS } from './commands/platform';
import { CALENDAR_COMMANDS } from './commands/calendar';
import { IIN_COMMANDS } from './commands/iin';
import { RULES_ADMIN_COMMANDS } from './commands/rules';
import { RULES_COMMANDS } from './commands/rules-evaluate';
import { PAYMENT_COMMANDS } from './commands/payments';
import { DOCUMENT_COMMANDS } from './commands/documents';
import { NOTIFICATION_COMMANDS } from './commands/notifications';
import { CASE_COMMANDS } from './commands/cases';

export const COMMANDS: readonly CliCommand[] = [
  ...PLATFORM_COMMANDS,
  ...CALENDAR_COMMANDS,
  ...IIN_COMMANDS,
  ...RULES_ADMIN_COMMANDS,
  ...RULES_COMMANDS,
  ...PAYMENT_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...NOTIFICATION_COMMANDS,
  ...CASE_COMMANDS,
];
