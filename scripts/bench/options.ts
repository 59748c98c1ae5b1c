import { parseArgs } from 'node:util';

// Command line of `npm run bench` (bench/README.md).

export type ScaleName = 'tiny' | 'small' | 'large';

export type Scale = {
  name: ScaleName;
  clients: number;
  admins: number;
  projects: number;
  /** Tickets of the heavy client (client 1). */
  heavyTickets: number;
  /** Tickets of every other client. */
  regularTickets: number;
  /** Comments on the heavy ticket (the heavy client's newest). */
  heavyComments: number;
  /** Comments spread over every other ticket. */
  regularComments: number;
  historyDays: number;
  /** How deep the "deep page" of /tickets goes (rows before its cursor). */
  deepOffset: number;
};

// large = the numbers (heavy fixtures included in the totals); small = one hundredth of
// the general population with the same heavy fixtures and the same 10 comments per ticket, so the
// pages a bench user sees hold the same rows at both scales and only the history around them
// grows; tiny = the smoke test's.
export const SCALES: Record<ScaleName, Scale> = {
  large: {
    name: 'large',
    clients: 5_000,
    admins: 5,
    projects: 50_000,
    heavyTickets: 2_000,
    regularTickets: 198_000,
    heavyComments: 500,
    regularComments: 1_999_500,
    historyDays: 3 * 365,
    deepOffset: 1_000,
  },
  small: {
    name: 'small',
    clients: 50,
    admins: 5,
    projects: 500,
    heavyTickets: 2_000,
    regularTickets: 1_980,
    heavyComments: 500,
    regularComments: 39_300,
    historyDays: 3 * 365,
    deepOffset: 1_000,
  },
  tiny: {
    name: 'tiny',
    clients: 10,
    admins: 2,
    projects: 100,
    heavyTickets: 120,
    regularTickets: 200,
    heavyComments: 60,
    regularComments: 3_000,
    historyDays: 365,
    deepOffset: 50,
  },
};

export type Options = {
  scale: Scale;
  smoke: boolean;
  /** Seconds per autocannon run. */
  duration: number;
  concurrency: number[];
  rebuild: boolean;
  /** Use the existing build as it is (isolated mode: without syncing the tree). */
  reuseBuild: boolean;
  regen: boolean;
  isolated: boolean;
  lighthouse: boolean;
  lighthousePreset: 'mobile' | 'desktop';
  /** Lighthouse runs per page; the median run is reported. */
  lighthouseRuns: number;
  /** How Lighthouse throttles: simulated (its default) or applied to the browser and measured. */
  lighthouseThrottling: 'simulate' | 'devtools';
  /** Launch Chromium with its own RenderDocument default instead of chrome-launcher's `--disable-features=RenderDocument`. */
  lighthouseRenderDocument: boolean;
  storm: boolean;
  plans: boolean;
  floor: boolean;
  /** Load the signed-out reference rows (REFERENCE_PAGES) too. */
  reference: boolean;
  pages: string[] | null;
  /** Servers `npm start` runs (WEB_CONCURRENCY); null: its own default, one per core. */
  servers: number | null;
  port: number;
  pgPort: number;
  keep: boolean;
  stopDb: boolean;
  out: string | null;
};

const USAGE = `Usage: npm run bench -- [--scale small|large] [--smoke] [options]

  --scale small|large   data size (default small); --smoke uses a tiny one
  --smoke               CI mode: tiny data, 2 s runs, no Lighthouse; fails only if the harness breaks
  --duration N          seconds per load run (default 10, smoke 2)
  --concurrency 1,32    autocannon connections, one run per value (default 1,32)
  --pages a,b           only these pages (names as in the table)
  --rebuild             run \`next build\` even when a build exists
  --reuse-build         measure the existing build as it is (with --isolated: no copy of the tree)
  --regen               regenerate the data even when the bench database has it
  --isolated            build and run in a private copy of the tree (/tmp/portal-bench-tree), so a
                        concurrent \`next build\` elsewhere cannot break the run
  --lighthouse-preset P mobile (default: Lighthouse's own default, slow 4G and a 4× slower CPU) or desktop
  --lighthouse-runs N   Lighthouse runs per page, the median reported (default 5, as Lighthouse's
                        guidance on variability advises)
  --lighthouse-throttling simulate|devtools
                        simulate (default, Lighthouse's own): Lantern estimates the slow load from a
                        fast one; devtools: Chromium itself is slowed and the load is measured
  --lighthouse-render-document
                        keep Chromium's RenderDocument on (its default), which the launcher Lighthouse
                        ships with turns off; with it off, about half the runs here paint 1-2 s late
                        (docs/decisions/008-performance.md, eleventh round)
  --no-lighthouse --no-storm --no-plans --no-floor --no-reference   skip a part
  --servers N           servers \`npm start\` runs (sets WEB_CONCURRENCY; default: its own, one per core)
  --port N              port of \`npm start\` (default 3107; smoke 3108)
  --pg-port N           port of the throwaway PostgreSQL server (default 54339 in /tmp/portal-bench-pg,
                        kept running so the next run reuses its data; smoke 54338, removed at the end)
  --stop-db             stop the throwaway server and delete its data at the end
  --keep                leave the app running at the end
  --out FILE            JSON result path (default bench/results/<date>-<scale>.json)

BENCH_DATABASE_URL    use this server (databases portal_bench_<scale> are created on it)
                      instead of starting a throwaway one with scripts/pg-server.sh`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'small' },
      smoke: { type: 'boolean', default: false },
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      pages: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      'reuse-build': { type: 'boolean', default: false },
      regen: { type: 'boolean', default: false },
      isolated: { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      'lighthouse-preset': { type: 'string', default: 'mobile' },
      'no-storm': { type: 'boolean', default: false },
      'no-plans': { type: 'boolean', default: false },
      'no-floor': { type: 'boolean', default: false },
      'no-reference': { type: 'boolean', default: false },
      servers: { type: 'string' },
      port: { type: 'string' },
      'pg-port': { type: 'string' },
      keep: { type: 'boolean', default: false },
      'stop-db': { type: 'boolean', default: false },
      'lighthouse-runs': { type: 'string' },
      'lighthouse-throttling': { type: 'string', default: 'simulate' },
      'lighthouse-render-document': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const smoke = values.smoke;
  const scaleName = (smoke ? 'tiny' : values.scale) as ScaleName;
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`--scale must be small or large (got "${values.scale}")\n\n${USAGE}`);
  const duration = Number(values.duration ?? (smoke ? 2 : 10));
  if (!Number.isFinite(duration) || duration <= 0) throw new Error('--duration must be a positive number');
  const concurrency = (values.concurrency ?? '1,32').split(',').map((v) => Number(v.trim()));
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('--concurrency takes integers ≥ 1');
  const lighthouseThrottling = values['lighthouse-throttling'];
  if (lighthouseThrottling !== 'simulate' && lighthouseThrottling !== 'devtools') throw new Error('--lighthouse-throttling takes simulate or devtools');
  const lighthouseRuns = Number(values['lighthouse-runs'] ?? 5);
  if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1 || lighthouseRuns > 20) throw new Error('--lighthouse-runs takes an integer from 1 to 20');
  const servers = values.servers === undefined ? null : Number(values.servers);
  if (servers !== null && (!Number.isInteger(servers) || servers < 1 || servers > 64)) throw new Error('--servers takes an integer from 1 to 64');
  return {
    scale,
    smoke,
    duration,
    concurrency,
    rebuild: values.rebuild,
    reuseBuild: values['reuse-build'],
    regen: values.regen,
    isolated: values.isolated,
    lighthouse: !smoke && !values['no-lighthouse'],
    lighthousePreset: values['lighthouse-preset'] === 'desktop' ? 'desktop' : 'mobile',
    lighthouseRuns,
    lighthouseThrottling,
    lighthouseRenderDocument: values['lighthouse-render-document'],
    storm: !values['no-storm'],
    plans: !values['no-plans'],
    floor: !values['no-floor'],
    reference: !values['no-reference'],
    pages: values.pages ? values.pages.split(',').map((p) => p.trim()) : null,
    servers,
    port: Number(values.port ?? (smoke ? 3108 : 3107)),
    pgPort: Number(values['pg-port'] ?? (smoke ? 54338 : 54339)),
    keep: values.keep,
    stopDb: smoke || values['stop-db'],
    out: values.out ?? null,
  };
}
