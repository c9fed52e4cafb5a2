/**
 * npm run bench: HTTP turns of Relais against a bare botbuilder echo bot in the same run (alternating
 * rounds, expectReplies), cold start to /healthz and memory, the recogniser's held-out accuracy and speed,
 * directory search speed (test/bench/directory-search.ts) and report store speed (test/bench/report-store.ts).
 * Figures vary from run to run on shared machines: compare the ratio, not the absolute numbers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { nluSection } from './nlu';
import { directorySearchSection } from './directory-search';
import { reportStoreSection } from './report-store';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;

interface Started {
  child: ChildProcess;
  url: string;
  coldStartMs: number;
}

async function startProcess(command: string, args: string[], port: number): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-bench-')),
      LOG_LEVEL: 'warn',
      MicrosoftAppId: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, coldStartMs: performance.now() - t0 };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`${command} ${args.join(' ')} did not answer /healthz`);
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function load(url: string): Promise<autocannon.Result> {
  let n = 0;
  const body = (conversation: string) =>
    JSON.stringify({
      type: 'message',
      text: 'lance un quiz',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:1/unused',
      conversation: { id: conversation },
      from: { id: 'bench-user' },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      locale: 'fr-FR',
    });
  return autocannon({
    url: `${url}/api/messages`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(`bench-${n++ % 50}`) }) }],
  });
}

function line(name: string, r: autocannon.Result): string {
  return `${name.padEnd(8)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p90 ${r.latency.p90} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}`;
}

async function main(): Promise<void> {
  await nluSection();
  directorySearchSection([1000, 10_000], false);
  await reportStoreSection();
  const relais = await startProcess('node', ['dist/src/index.js'], 41_000 + Math.floor(Math.random() * 1000));
  const echo = await startProcess(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['test/bench/echo-bot.ts'],
    42_000 + Math.floor(Math.random() * 1000),
  );
  try {
    console.log(
      `\n## Start-up\nRelais cold start to /healthz: ${relais.coldStartMs.toFixed(0)} ms; RSS after start ${rssMb(relais.child.pid).toFixed(0)} MB`,
    );
    console.log(
      `\n## HTTP turns (expectReplies, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds each, alternating)`,
    );
    const results: { relais: autocannon.Result[]; echo: autocannon.Result[] } = { relais: [], echo: [] };
    await load(relais.url); // warm-up
    await load(echo.url);
    for (let i = 0; i < ROUNDS; i++) {
      results.relais.push(await load(relais.url));
      results.echo.push(await load(echo.url));
      console.log(line('relais', results.relais[i]!));
      console.log(line('echo', results.echo[i]!));
    }
    const mean = (rs: autocannon.Result[]) => rs.reduce((a, r) => a + r.requests.average, 0) / rs.length;
    console.log(`Relais / echo bot throughput: ${((100 * mean(results.relais)) / mean(results.echo)).toFixed(0)} %`);
    console.log(
      `RSS after load: Relais ${rssMb(relais.child.pid).toFixed(0)} MB, echo bot ${rssMb(echo.child.pid).toFixed(0)} MB`,
    );
  } finally {
    relais.child.kill('SIGTERM');
    echo.child.kill('SIGTERM');
  }
}

void main();
