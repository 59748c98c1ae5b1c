import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { App } from './app';
import { log, warn } from './log';

// Lighthouse on Debian's Chromium (the default mobile profile: simulated slow 4G and a 4× slower
// CPU; or the desktop preset), signed in through a Cookie header on every request.

export type LighthouseResult = {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** JavaScript transferred (compressed), bytes. */
  jsTransferBytes: number;
  /** Everything transferred, bytes. */
  totalTransferBytes: number;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /**
   * When the unthrottled load actually painted first, ms after navigation. Lantern takes this
   * time as its cut-off: every script evaluated before it counts as render-blocking in the simulated
   * FCP, LCP and Speed Index. With chrome-launcher's default flags (RenderDocument off), about
   * half the loads here paint 1–2 s late with the main thread idle (docs/decisions/008-performance.md,
   * eleventh round); such a run scores 3–5 points lower, and this figure tells it apart.
   */
  observedFcpMs: number | null;
  /**
   * Requests for RSC payloads (`_rsc=`) during the load: the router's prefetches, which a
   * browser sends but autocannon never does (each one is a server request).
   */
  rscRequests: number;
  failedAudits: { category: string; id: string; title: string }[];
  /** Every run's figures when the page was measured more than once (this result is the median run). */
  runs?: Pick<LighthouseResult, 'performance' | 'lcpMs' | 'tbtMs' | 'observedFcpMs'>[];
};

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Lighthouse `runs` times on the page, and the run with the median performance score. One run
 * swings by ±10 points here (the trace's main-thread tasks, multiplied by 4, move with whatever
 * else the two cores do); Lighthouse's own guidance on variability is the median of five runs.
 */
export async function runLighthouseMedian(
  app: App,
  pagePath: string,
  cookie: string | null,
  settings: LighthouseSettings & { runs: number },
): Promise<LighthouseResult> {
  const { runs } = settings;
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runLighthouse(app, pagePath, cookie, settings));
  if (runs === 1) return results[0];
  const sorted = [...results].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    ...median,
    runs: results.map(({ performance, lcpMs, tbtMs, observedFcpMs }) => ({ performance, lcpMs, tbtMs, observedFcpMs })),
  };
}

export type LighthouseSettings = {
  preset: 'mobile' | 'desktop';
  /**
   * `simulate` (Lighthouse's default: Lantern estimates the throttled load from an unthrottled
   * one) or `devtools` (the browser itself is throttled and the load is measured).
   */
  throttling: 'simulate' | 'devtools';
  /**
   * Keep Chromium's RenderDocument (on by default in Chromium 156). chrome-launcher, which
   * Lighthouse ships with, turns it off for its own CI; with it off, about half the loads here
   * present their first frame 1–2 s late with the main thread idle (decision 008, eleventh round).
   */
  renderDocument?: boolean;
  /** Where the full JSON reports go. */
  reportDir?: string;
};

/** chrome-launcher's default flags, minus RenderDocument in its `--disable-features` list. */
function launcherFlagsWithRenderDocument(): string[] {
  return chromeLauncher.Launcher.defaultFlags().map((flag) => {
    if (!flag.startsWith('--disable-features=')) return flag;
    const features = flag.slice('--disable-features='.length).split(',').filter((f) => f !== 'RenderDocument');
    return `--disable-features=${features.join(',')}`;
  });
}

export async function runLighthouse(
  app: App,
  pagePath: string,
  cookie: string | null,
  { preset, throttling, renderDocument = false, reportDir }: LighthouseSettings,
): Promise<LighthouseResult> {
  const ownFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
  const chrome = await chromeLauncher.launch(
    renderDocument
      ? { chromePath: CHROME, ignoreDefaultFlags: true, chromeFlags: [...launcherFlagsWithRenderDocument(), ...ownFlags] }
      : { chromePath: CHROME, chromeFlags: ownFlags },
  );
  try {
    const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const runner = await lighthouse(
      `${app.baseUrl}${pagePath}`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
        throttlingMethod: throttling,
      },
      config,
    );
    if (!runner) throw new Error('lighthouse returned nothing');
    const lhr = runner.lhr;
    if (lhr.runtimeError) warn(`lighthouse ${pagePath}: ${lhr.runtimeError.message}`);
    if (reportDir) {
      fs.mkdirSync(reportDir, { recursive: true });
      const file = `${preset}-${throttling}${pagePath.replace(/[^a-z0-9]+/gi, '_')}.json`;
      fs.writeFileSync(path.join(reportDir, file), runner.report as string);
    }
    const score = (id: string) => {
      const s = lhr.categories[id]?.score;
      return s === null || s === undefined ? null : Math.round(s * 100);
    };
    const summary = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
    const bytes = (type: string) => summary.find((i) => i.resourceType === type)?.transferSize ?? 0;
    const numeric = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      return typeof v === 'number' ? Math.round(v * 1000) / 1000 : null;
    };
    const observed = (lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)?.items?.[0];
    const requests = (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
    const failedAudits: LighthouseResult['failedAudits'] = [];
    for (const [category, cat] of Object.entries(lhr.categories)) {
      for (const ref of cat.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
          failedAudits.push({ category, id: ref.id, title: audit.title });
        }
      }
    }
    const result: LighthouseResult = {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      jsTransferBytes: bytes('script'),
      totalTransferBytes: bytes('total'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      observedFcpMs: typeof observed?.observedFirstContentfulPaint === 'number' ? Math.round(observed.observedFirstContentfulPaint) : null,
      rscRequests: requests.filter((r) => /[?&]_rsc=/.test(r.url)).length,
      failedAudits,
    };
    log(
      `lighthouse ${pagePath}: performance ${result.performance}, accessibility ${result.accessibility}, ` +
        `best practices ${result.bestPractices}, JS ${(result.jsTransferBytes / 1024).toFixed(1)} kB, ${result.rscRequests} RSC requests, ` +
        `first paint seen at ${result.observedFcpMs ?? '?'} ms`,
    );
    return result;
  } finally {
    await chrome.kill();
  }
}
