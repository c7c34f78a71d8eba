/** The working-day calendar (see calendar.ts). */
export * from './calendar';
