import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` needs no database. `npm run db:migrate` (scripts/migrate.ts) applies
// the migrations with whichever driver DATABASE_URL selects, so the kit's own `migrate` is not used.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
