// Reads cases as JSON lines {"expr": "...", "tz": "Europe/Berlin", "from": MS, "count": N} from
// stdin and prints, for each, one JSON line with cron-parser's next fire times strictly after
// `from`: {"times": [MS...]} or {"error": "..."}.
import { createInterface } from "node:readline";
import { CronExpressionParser } from "cron-parser";

function nextTimes(line) {
  const input = JSON.parse(line);
  try {
    const interval = CronExpressionParser.parse(input.expr, {
      currentDate: new Date(input.from),
      tz: input.tz,
    });
    return { times: interval.take(input.count).map((date) => date.getTime()) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(nextTimes(line)) + "\n");
}
