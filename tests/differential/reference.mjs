// Reads cases as JSON lines {"expr": "...", "context": TYPED} from stdin and prints, for each,
// one JSON line with the reference CEL result: {"kind": "int"|"double"|..., "value": TYPED}
// or {"kind": "error", "message": "..."}.
// TYPED values: {"t":"int","v":"5"} (decimal string), {"t":"double","v":"1.5"} (String(x)),
// {"t":"string","v":"..."}, {"t":"bool","v":true}, {"t":"null"}, {"t":"list","v":[TYPED...]},
// {"t":"map","v":[[key, TYPED]...]}.
import { createInterface } from "node:readline";
import { run, isCelError, isCelList, isCelMap, isCelUint } from "@bufbuild/cel";

function toCel(typed) {
  switch (typed.t) {
    case "int": return BigInt(typed.v);
    case "double": return Number(typed.v);
    case "string": return typed.v;
    case "bool": return typed.v;
    case "null": return null;
    case "list": return typed.v.map(toCel);
    case "map": return new Map(typed.v.map(([k, v]) => [k, toCel(v)]));
  }
  throw new Error("unknown typed value " + JSON.stringify(typed));
}

function fromCel(value) {
  if (value === null) return { t: "null" };
  if (typeof value === "bigint") return { t: "int", v: value.toString() };
  if (typeof value === "number") return { t: "double", v: String(value) };
  if (typeof value === "string") return { t: "string", v: value };
  if (typeof value === "boolean") return { t: "bool", v: value };
  if (isCelUint(value)) return { t: "uint", v: value.value.toString() };
  if (isCelList(value)) return { t: "list", v: Array.from(value, fromCel) };
  if (isCelMap(value)) {
    const entries = Array.from(value.entries(), ([k, v]) => [String(k), fromCel(v)]);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { t: "map", v: entries };
  }
  return { t: "other", v: String(value) };
}

function evaluate(line) {
  const input = JSON.parse(line);
  const bindings = {};
  for (const [name, typed] of input.context) bindings[name] = toCel(typed);
  try {
    const result = run(input.expr, bindings);
    if (isCelError(result)) return { t: "error", v: result.message };
    return fromCel(result);
  } catch (e) {
    return { t: "error", v: String(e && e.message ? e.message : e) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(evaluate(line)) + "\n");
}
