/** The one PostgreSQL schema of Komek, module by module (each file mirrors its SQL migrations). */
export * from './schema/platform';
export * from './schema/payments';
export * from './schema/registry';
export * from './schema/notifications';
export * from './schema/cases';
