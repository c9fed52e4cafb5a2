/**
 * Report store speed (src/storage/lowdb-report-store.ts): N synthetic reports (deterministic, seeded) over 4 teams and
 * the 365 days up to a fixed "today", written straight into the shard files, then: open() time (index build) and RSS
 * (the whole process's), list() time (median over 50 runs) for a supervisor's query (one team, last 7 days) and for
 * one agent's drafts and unseen reviews, save() latency of new reports in today's shard (200 in a row: median, p95), and throughput of
 * 200 saves issued 20 at a time into today's shards of the 4 teams.
 * Part of `npm run bench`; alone: `npx tsx test/bench/report-store.ts [reports…]`.
 * Every save is fsynced, so its latency is the disk's; the point is that it does not grow with N.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report, ReportQuery, ReportStatus } from '../../src/reports';
import { LowdbReportStore } from '../../src/storage';
import { prng } from './prng';

const DAY = 86_400_000;
/** A fixed "today" (UTC midnight), so that every run stores the same reports. */
const TODAY = Date.UTC(2026, 10, 26);
const TEAMS = ['equipe-nord', 'equipe-sud', 'equipe-est', 'equipe-ouest'];
/** agent-k works in TEAMS[k % 4]. */
const AGENTS_PER_TEAM = 5;
const FORMS = ['main-courante', 'intervention', 'situation-sociale', 'veille-technique', 'debrief'];
const PLACES = [
  { id: 'gare-centrale', text: 'Gare centrale' },
  { id: 'cite-des-tilleuls', text: 'Cité des Tilleuls' },
  { id: 'centre-commercial-arcades', text: 'Centre commercial des Arcades' },
  { id: 'parc-des-berges', text: 'Parc des Berges' },
  { id: 'place-du-marche', text: 'Place du Marché' },
];
const EVENTS = ['ronde', 'conflit de voisinage', 'regroupement', 'personne vulnérable', 'dégradation', 'orientation'];
const SEQUENTIAL_SAVES = 200;
const CONCURRENT_SAVES = 200;
const CONCURRENCY = 20;
const LIST_RUNS = 50;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Recent reports are often still drafts or awaiting review; older ones are mostly validated. */
function statusFor(random: () => number, ageDays: number): ReportStatus {
  const r = random();
  if (ageDays < 7) return r < 0.3 ? 'draft' : r < 0.7 ? 'submitted' : r < 0.95 ? 'validated' : 'to-revise';
  return r < 0.02 ? 'draft' : r < 0.05 ? 'submitted' : r < 0.07 ? 'to-revise' : 'validated';
}

/**
 * Report number n (its id's hex part, so ids are unique), started `ageDays` before today between 06:00 and 20:00 UTC
 * (the same day in UTC and in Paris time, so the id's day is the day of created_at).
 */
function syntheticReport(random: () => number, n: number, ageDays: number, teamIndex?: number): Report {
  const t = teamIndex ?? Math.floor(random() * TEAMS.length);
  const created = new Date(TODAY - ageDays * DAY + 6 * 3_600_000 + Math.floor(random() * 14 * 3_600_000));
  const at = created.toISOString();
  const later = new Date(created.getTime() + 1_800_000).toISOString();
  const status = statusFor(random, ageDays);
  const place = random() < 0.8 ? pick(random, PLACES) : undefined;
  const event = pick(random, EVENTS);
  return {
    id: `${at.slice(0, 10).replaceAll('-', '')}-${n.toString(16).padStart(8, '0')}`,
    form: pick(random, FORMS),
    status,
    author: { id: `agent-${t + TEAMS.length * Math.floor(random() * AGENTS_PER_TEAM)}`, name: 'Agent' },
    team: TEAMS[t]!,
    created_at: at,
    updated_at: status === 'draft' ? at : later,
    ...(status === 'draft' ? {} : { submitted_at: later }),
    answers: {
      event,
      description: `${event}${place ? ` (${place.text})` : ''}, rapport numéro ${n}.`,
      people: 1 + Math.floor(random() * 6),
      police_called: random() < 0.1,
    },
    ...(place ? { place } : {}),
    skipped: [],
    prefilled: [],
    redactions: 0,
    ...(status === 'validated' || status === 'to-revise'
      ? { review: { status, by: { id: `sup-${TEAMS[t]!}` }, at: later } }
      : {}),
  };
}

/** Writes N reports straight into `<dir>/<team>/<yyyy-mm-dd>.json` (saving them one by one would fsync N times). */
async function populate(dir: string, reports: number, random: () => number): Promise<number> {
  const shards = new Map<string, Report[]>();
  for (let n = 0; n < reports; n++) {
    const report = syntheticReport(random, n, Math.floor(random() * 365));
    const shard = join(report.team, `${report.created_at.slice(0, 10)}.json`);
    const list = shards.get(shard) ?? [];
    list.push(report);
    shards.set(shard, list);
  }
  for (const team of TEAMS) await mkdir(join(dir, team), { recursive: true });
  for (const [shard, list] of shards) await writeFile(join(dir, shard), JSON.stringify({ version: 1, reports: list }));
  return shards.size;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function timeList(store: LowdbReportStore, query: ReportQuery): Promise<{ medianMs: number; found: number }> {
  const found = (await store.list(query)).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < LIST_RUNS; i++) {
    const t = performance.now();
    await store.list(query);
    times.push(performance.now() - t);
  }
  return {
    medianMs: percentile(
      times.sort((a, b) => a - b),
      0.5,
    ),
    found,
  };
}

async function benchReportStore(reports: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'relais-bench-reports-'));
  try {
    const random = prng(42);
    const shards = await populate(dir, reports, random);
    let t = performance.now();
    const store = await LowdbReportStore.open(dir);
    const openMs = performance.now() - t;
    const rssMb = process.memoryUsage().rss / 1_048_576;
    // Lists first, so that they see the N stored reports and not the saves below as well.
    const week = await timeList(store, { team: TEAMS[0], from: new Date(TODAY - 6 * DAY) });
    const drafts = await timeList(store, { author: 'agent-3', statuses: ['draft'] });
    // Asked at every message of an agent or supervisor (src/dialogs/review-notices.ts).
    const notices = await timeList(store, { author: 'agent-3', unseenReview: true, limit: 3 });

    let n = reports;
    const saveTimes: number[] = [];
    for (let i = 0; i < SEQUENTIAL_SAVES; i++) {
      const report = syntheticReport(random, n++, 0, 0);
      t = performance.now();
      await store.save(report);
      saveTimes.push(performance.now() - t);
    }
    saveTimes.sort((a, b) => a - b);

    t = performance.now();
    for (let i = 0; i < CONCURRENT_SAVES; i += CONCURRENCY) {
      const batch = Array.from({ length: CONCURRENCY }, (_, j) => syntheticReport(random, n++, 0, j % TEAMS.length));
      await Promise.all(batch.map((report) => store.save(report)));
    }
    const savesPerSecond = CONCURRENT_SAVES / ((performance.now() - t) / 1000);

    await store.close();
    return (
      `${String(reports).padStart(6)} reports (${shards} shards): open ${openMs.toFixed(0)} ms, RSS ${rssMb.toFixed(0)} MB; ` +
      `save median ${percentile(saveTimes, 0.5).toFixed(2)} ms, p95 ${percentile(saveTimes, 0.95).toFixed(2)} ms; ` +
      `${CONCURRENCY} at a time: ${savesPerSecond.toFixed(0)} saves/s; ` +
      `list one team, 7 days: median ${week.medianMs.toFixed(2)} ms (${week.found} reports), ` +
      `agent-3's drafts: median ${drafts.medianMs.toFixed(2)} ms (${drafts.found} reports), ` +
      `unseen reviews (every message): median ${notices.medianMs.toFixed(2)} ms (${notices.found})`
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The "Report store" section of npm run bench. */
export async function reportStoreSection(sizes = [1000, 50_000]): Promise<void> {
  console.log('\n## Report store (lowdb, sharded per team and day)');
  for (const size of sizes) console.log(await benchReportStore(size));
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  void reportStoreSection(sizes.length > 0 ? sizes : undefined);
}
