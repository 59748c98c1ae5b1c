// Progress lines for the long steps: "[bench 12.3s] message".
const started = Date.now();

export function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

export function log(message: string): void {
  console.log(`[bench ${elapsed()}] ${message}`);
}

export function warn(message: string): void {
  console.warn(`[bench ${elapsed()}] warning: ${message}`);
}

/** Runs `task`, printing its name, then its duration. */
export async function step<T>(name: string, task: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name}…`);
  const result = await task();
  log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
