import type { FakeOpenAI } from "@lumen/testkit";
import { type Classify, startCpuSampler } from "./cpu-usage.ts";
import type { HttpClient } from "./http-client.ts";
import { runLoad } from "./load-generator.ts";
import type { BenchOptions } from "./options.ts";
import { formatScenario, type ScenarioReport } from "./report.ts";

/** The fake AI's answer delay per scenario: the database-bound case, and a (very fast) real model. */
export const AI_DELAYS_MS = [0, 50] as const;

export type LumenRun = { scenarios: ScenarioReport[]; totalRequests: number };

/**
 * Each scenario: a warm-up (JIT, pool connections, caches; not measured), then the measured run
 * with the CPU sampler on. Scenarios run one after the other on the same server and users.
 */
export async function runLumenScenarios(options: {
  bench: BenchOptions;
  http: HttpClient;
  ai: FakeOpenAI;
  userIds: readonly string[];
  classify: Classify;
}): Promise<LumenRun> {
  const { bench, http, ai, userIds } = options;
  const scenarios: ScenarioReport[] = [];
  let totalRequests = 0;
  for (const delay of AI_DELAYS_MS) {
    ai.setDelay(delay);
    const name = `Lumen POST /api/v1/assistant/messages, fake AI ${delay} ms, ${bench.concurrency} workers`;
    if (bench.warmupSeconds > 0) {
      process.stdout.write(`\n${name}: warming up ${bench.warmupSeconds} s... `);
      const warm = await runLoad({
        client: http,
        userIds,
        concurrency: bench.concurrency,
        seconds: bench.warmupSeconds,
      });
      totalRequests += warm.sent;
      process.stdout.write(`${warm.ok} answered. Measuring ${bench.durationSeconds} s...\n`);
    }
    const sampler = startCpuSampler(options.classify);
    const load = await runLoad({
      client: http,
      userIds,
      concurrency: bench.concurrency,
      seconds: bench.durationSeconds,
    });
    const cpu = sampler.stop();
    totalRequests += load.sent;
    const report: ScenarioReport = { name, label: `fake AI ${delay} ms`, load, cpu };
    scenarios.push(report);
    if (delay > 0) {
      const ceiling = bench.concurrency / (delay / 1000);
      report.name += ` (ceiling ${ceiling.toFixed(0)}/s if only the AI took time)`;
    }
    console.log(formatScenario(report));
  }
  return { scenarios, totalRequests };
}
