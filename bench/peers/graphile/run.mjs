// The graphile-worker side of tasks_bench: durable no-op jobs per second on PostgreSQL.
// One run: installs graphile-worker's schema in the (empty) database URL (not timed),
// starts INSTANCES worker processes (each a graphile-worker pool with CONCURRENCY concurrent
// jobs, its documented best batching: localQueue, completeJobBatchDelay 0, failJobBatchDelay 0;
// quiet logger), then times from the first `addJobs` to the moment no job is left in the
// table (a job's row is deleted when its completion commits): JOBS no-op jobs enqueued with
// batched `addJobs` of BATCH jobs from CLIENTS concurrent clients. Prints one JSON line.
// Usage: node run.mjs --url postgresql://USER@HOST:PORT/DB [--jobs 20000]
//          [--batch 1000] [--clients 4] [--instances 1] [--concurrency 24]
//          [--local-queue 500] [--poll-ms 25]
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Logger, makeWorkerUtils, run, runMigrations } from "graphile-worker";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const number = (name, fallback) => (args[name] === undefined ? fallback : Number(args[name]));
const settings = {
  jobs: number("jobs", 20000),
  batch: number("batch", 1000),
  clients: number("clients", 4),
  instances: number("instances", 1),
  concurrency: number("concurrency", 24),
  localQueue: number("local-queue", 500),
  pollMs: number("poll-ms", 25),
};
const url = args.url;

/// Warnings and errors only: the default logger writes a line per completed job.
const quiet = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`graphile ${level}: ${message}`);
});

/// The preset of one worker instance: graphile-worker's performance page's configuration
/// with the concurrency under test.
function preset() {
  return {
    worker: {
      connectionString: url,
      concurrentJobs: settings.concurrency,
      maxPoolSize: settings.concurrency + 1,
      localQueue: { size: Math.max(settings.localQueue, settings.concurrency + 1) },
      completeJobBatchDelay: 0,
      failJobBatchDelay: 0,
      logger: quiet,
    },
  };
}

/// A worker instance (a child process): runs no-op jobs until told to stop.
async function workerInstance() {
  let succeeded = 0;
  const runner = await run({
    preset: preset(),
    taskList: { noop: async () => {} },
    noHandleSignals: true,
  });
  runner.events.on("job:success", () => {
    succeeded += 1;
  });
  process.on("message", async (message) => {
    if (message !== "stop") return;
    await runner.stop();
    process.send({ succeeded }, () => process.exit(0));
  });
  process.send("ready");
}

/// The machine's CPU clocks (/proc/stat): [busy, total] ticks over all cores.
function cpuTicks() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const ticks = fields.slice(1, 9).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return [total - ticks[3] - ticks[4], total];
}

function startInstances() {
  const self = fileURLToPath(import.meta.url);
  return Promise.all(
    Array.from({ length: settings.instances }, () => {
      const child = fork(self, [...process.argv.slice(2), "--role", "worker"]);
      return new Promise((resolve, reject) => {
        child.once("message", () => resolve(child));
        child.once("exit", (code) => reject(new Error(`a worker instance exited ${code}`)));
      });
    }),
  );
}

/// Enqueues every job: CLIENTS loops taking batches in turn, each one `addJobs` call.
async function enqueue(utils) {
  const batches = Math.ceil(settings.jobs / settings.batch);
  let next = 0;
  const client = async () => {
    for (let b = next++; b < batches; b = next++) {
      const size = Math.min(settings.batch, settings.jobs - b * settings.batch);
      const specs = Array.from({ length: size }, () => ({ identifier: "noop", payload: {} }));
      await utils.addJobs(specs);
    }
  };
  await Promise.all(Array.from({ length: settings.clients }, client));
}

async function main() {
  await runMigrations({ preset: preset() });
  const instances = await startInstances();
  const utils = await makeWorkerUtils({ connectionString: url, logger: quiet });
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const cpuBefore = cpuTicks();
  const began = performance.now();
  await enqueue(utils);
  const enqueued = performance.now();
  let polls = 0;
  for (;;) {
    polls += 1;
    const left = await watcher.query(
      "select exists (select 1 from graphile_worker._private_jobs) as any",
    );
    if (!left.rows[0].any) break;
    await new Promise((resolve) => setTimeout(resolve, settings.pollMs));
  }
  const done = performance.now();
  const cpuAfter = cpuTicks();
  await watcher.end();
  await utils.release();
  const succeeded = await Promise.all(
    instances.map(
      (child) =>
        new Promise((resolve) => {
          child.once("message", (message) => resolve(message.succeeded));
          child.send("stop");
        }),
    ),
  );
  const seconds = (done - began) / 1000;
  console.log(
    JSON.stringify({
      ...settings,
      node: process.version,
      enqueueSeconds: (enqueued - began) / 1000,
      seconds,
      runsPerSecond: settings.jobs / seconds,
      succeeded: succeeded.reduce((a, b) => a + b, 0),
      machineBusy: (cpuAfter[0] - cpuBefore[0]) / (cpuAfter[1] - cpuBefore[1]),
      polls,
    }),
  );
}

if (args.role === "worker") {
  workerInstance().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
