/*
 * `npm run bench:sandbox`: how fast the sandbox lists credentials with 10,000 of them.
 *
 * Starts the sandbox in-process (memory DB, ephemeral ports), creates 10,000 credentials through
 * the app (the same validation and encryption path as POST /v1/credentials, dispatched in-process
 * to keep setup short), then times list requests over loopback HTTP — plain pages, deep pages,
 * searches that match many, few or no rows (a full scan), filters and large pages — and prints
 * p50/p95/p99 per scenario. Results go to bench-results/sandbox.json. This is a benchmark, not a
 * test: nothing fails on a slow machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startSandbox } from '../sandbox/server';

const CREDENTIALS = Number(process.env['BENCH_CREDENTIALS'] ?? 10_000);
const REQUESTS_PER_SCENARIO = Number(process.env['BENCH_REQUESTS'] ?? 200);
const WARMUP = 20;

const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
];
const SERVICES = [
  'portal',
  'admin',
  'billing',
  'support',
  'SSO',
  'VPN',
  'CRM',
  'payroll',
  'analytics',
  'storage',
];
const BRANDS = ['visa', 'mastercard', 'amex', 'discover'];
const CARDS = ['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117'];

function body(index: number): unknown {
  const company = COMPANIES[index % COMPANIES.length] ?? 'Acme';
  const service = SERVICES[Math.floor(index / COMPANIES.length) % SERVICES.length] ?? 'portal';
  const name = `${company} ${service} ${index}`;
  switch (index % 3) {
    case 0:
      return {
        name,
        credential_type: 'password',
        credential: {
          username: `user${index}@${company.toLowerCase()}.example`,
          password: `bench-password-${index}`,
          ...(index % 30 === 0 ? { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' } : {}),
        },
      };
    case 1:
      return {
        name,
        credential_type: 'credit_card',
        credential: {
          card_number: CARDS[index % CARDS.length],
          card_cvv: '123',
          card_exp_month: '12',
          card_exp_year: '2030',
          card_brand: BRANDS[index % BRANDS.length],
          card_holder_name: `Holder ${index}`,
        },
      };
    default:
      return {
        name,
        credential_type: 'secret',
        credential: {
          secret_value: `bench-secret-${index}`,
          secret_label: `${service} key ${index}`,
        },
      };
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, vaultPort: 0, dataDir: null });
  try {
    const headers = { 'x-api-key': sandbox.apiKey };

    const insertStarted = performance.now();
    for (let index = 0; index < CREDENTIALS; index += 1) {
      const response = await sandbox.dispatch(
        new Request(`${sandbox.skyvernUrl}/v1/credentials`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body(index)),
        }),
      );
      if (response.status !== 201)
        throw new Error(`Insert ${index} failed: ${response.status} ${await response.text()}`);
    }
    const insertMs = performance.now() - insertStarted;
    console.log(`Inserted ${CREDENTIALS} credentials in ${(insertMs / 1000).toFixed(1)} s`);

    const scenarios: Array<{ name: string; query: string }> = [
      { name: 'first page (25)', query: 'page=1&page_size=25' },
      { name: 'deep page (page 200 of 25)', query: 'page=200&page_size=25' },
      { name: 'search, many matches ("acme")', query: 'page=1&page_size=25&search=acme' },
      { name: 'search, few matches ("9999")', query: 'page=1&page_size=25&search=9999' },
      {
        name: 'search, no match (full scan)',
        query: 'page=1&page_size=25&search=zzzz-no-such-text',
      },
      { name: 'search last four ("4242")', query: 'page=1&page_size=25&search=4242' },
      {
        name: 'type filter + search',
        query: 'page=1&page_size=25&credential_type=secret&search=vpn',
      },
      { name: 'search, page 3', query: 'page=3&page_size=25&search=payroll' },
      { name: 'large page (200)', query: 'page=1&page_size=200' },
    ];

    const results: Array<{
      scenario: string;
      query: string;
      rows: number;
      p50: number;
      p95: number;
      p99: number;
      mean: number;
    }> = [];
    const all: number[] = [];
    for (const scenario of scenarios) {
      const url = `${sandbox.skyvernUrl}/v1/credentials?${scenario.query}`;
      let rows = 0;
      for (let index = 0; index < WARMUP; index += 1)
        await (await fetch(url, { headers })).arrayBuffer();
      const timings: number[] = [];
      for (let index = 0; index < REQUESTS_PER_SCENARIO; index += 1) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        const list = (await response.json()) as unknown[];
        timings.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${scenario.name}: HTTP ${response.status}`);
        rows = list.length;
      }
      timings.sort((a, b) => a - b);
      all.push(...timings);
      const mean = timings.reduce((sum, value) => sum + value, 0) / timings.length;
      results.push({
        scenario: scenario.name,
        query: scenario.query,
        rows,
        p50: round(percentile(timings, 50)),
        p95: round(percentile(timings, 95)),
        p99: round(percentile(timings, 99)),
        mean: round(mean),
      });
    }
    all.sort((a, b) => a - b);
    const overall = {
      p50: round(percentile(all, 50)),
      p95: round(percentile(all, 95)),
      p99: round(percentile(all, 99)),
    };

    console.log(
      `\nList latency over loopback, ${REQUESTS_PER_SCENARIO} requests per scenario (ms):`,
    );
    console.log(
      `${'scenario'.padEnd(34)} ${'rows'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}`,
    );
    for (const result of results) {
      console.log(
        `${result.scenario.padEnd(34)} ${String(result.rows).padStart(5)} ${result.p50.toFixed(2).padStart(7)} ${result.p95.toFixed(2).padStart(7)} ${result.p99.toFixed(2).padStart(7)}`,
      );
    }
    console.log(
      `${'all scenarios'.padEnd(34)} ${''.padStart(5)} ${overall.p50.toFixed(2).padStart(7)} ${overall.p95.toFixed(2).padStart(7)} ${overall.p99.toFixed(2).padStart(7)}`,
    );

    const report = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage: loadavg().map(round), node: process.version },
      credentials: CREDENTIALS,
      insertSeconds: round(insertMs / 1000),
      requestsPerScenario: REQUESTS_PER_SCENARIO,
      unit: 'ms',
      overall,
      scenarios: results,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/sandbox.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log('\nWrote bench-results/sandbox.json');
  } finally {
    await sandbox.close();
  }
}

await main();
