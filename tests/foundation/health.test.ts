// GET /api/health: 200 when the database answers, 503 with a JSON body when it cannot be reached.
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db';
import { GET } from '@/app/api/health/route';

describe('/api/health', () => {
  it('answers 200 {"status":"ok","db":"ok"} on a working database, never cached', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  describe('with the database unreachable', () => {
    const saved = { url: process.env.DATABASE_URL, driver: process.env.DATABASE_DRIVER };
    afterAll(async () => {
      await closeDb();
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      if (saved.driver === undefined) delete process.env.DATABASE_DRIVER;
      else process.env.DATABASE_DRIVER = saved.driver;
    });

    it('answers 503 with a JSON body (port 1 on loopback: connection refused)', async () => {
      await closeDb();
      // Keeps DATABASE_DRIVER: on the Neon stage this goes through the WebSocket bridge.
      process.env.DATABASE_URL = 'postgres://u:p@127.0.0.1:1/x';
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ status: 'error', db: 'unreachable' });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
