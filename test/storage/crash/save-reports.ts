/**
 * Child process of the crash test (lowdb-report-store.test.ts): saves reports from many concurrent writers into
 * DIR and prints "ack <id>" on stdout as soon as each save resolves, until it is killed.
 * Usage: node --import tsx save-reports.ts DIR WRITERS
 */
import { LowdbReportStore } from '../../../src/storage';
import { sampleReport } from './sample-report';

async function main(): Promise<void> {
  const [dir, writers = '8'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: save-reports.ts DIR WRITERS');
  const store = await LowdbReportStore.open(dir);
  process.stdout.write('ready\n');
  let counter = 0;
  const writer = async (w: number) => {
    for (;;) {
      const n = counter++;
      // Several teams and days, so writers meet on some shards and not on others.
      const report = sampleReport(n, { team: `team-${w % 3}`, day: 1 + (n % 4) });
      await store.save(report);
      process.stdout.write(`ack ${report.id}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(writers) }, (_, w) => writer(w)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
