/**
 * npm run purge: removes the reports created more than REPORT_RETENTION_DAYS days ago (default 365) from
 * DATA_DIR/reports, and prints how many. The retention period is the employer's policy (RGPD): set it there.
 */
import { join } from 'node:path';
import { loadConfig } from '../config';
import { retentionCutoff } from '../reports';
import { LowdbReportStore } from '../storage';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await LowdbReportStore.open(join(config.dataDir, 'reports'));
  const before = store.size;
  const cutoff = retentionCutoff(config.reportRetentionDays, new Date());
  const removed = await store.purge(cutoff);
  await store.close();
  console.log(
    `purge: ${removed} of ${before} report(s) created before ${cutoff.toISOString()} ` +
      `(retention ${config.reportRetentionDays} days) removed from ${join(config.dataDir, 'reports')}`,
  );
}

main().catch((error: unknown) => {
  console.error(`purge failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
