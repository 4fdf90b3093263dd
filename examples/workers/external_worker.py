#!/usr/bin/env python3
"""An external worker for AuraOS tasks of type `external`, using only the REST API.

It long-polls a queue for runs (POST /api/v1/task-queues/{queue}/claim), heartbeats each
claimed run while it works on it, then reports the output (POST .../complete) or the
failure (POST .../fail with {"type", "message"}). A 409 answer means the lease was lost
(the run was cancelled, or the lease expired and the run went to another attempt): the
worker drops that run without reporting it.

Usage:
    python3 examples/workers/external_worker.py --server http://127.0.0.1:8080 \\
        --queue images --worker-id worker-1 [--max 1] [--wait 20] [--runs N]

    --server     the node (default $AURAOS_SERVER, else http://127.0.0.1:8080)
    --queue      the queue to take runs from (the task's "queue", default "default")
    --worker-id  this worker's name, shown as the run's worker (default HOST-PID)
    --max        runs claimed at once (1-100, default 1)
    --wait       seconds a claim waits for a run (0-60, default 20)
    --runs       stop after handling this many runs (default: never; Ctrl-C stops)

The work itself is `work(task_id, input)` below: it echoes the input, sleeps
`input["seconds"]` (heartbeating meanwhile), and fails with type "requested" when
`input["fail"]` is true. Replace it with real work.
"""

import argparse
import json
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone


def work(worker_id, task_id, run_input):
    """Does one run's work; returns its output or raises to fail the run."""
    run_input = run_input if isinstance(run_input, dict) else {"value": run_input}
    time.sleep(float(run_input.get("seconds", 0)))
    if run_input.get("fail"):
        raise RuntimeError("the input asked this run to fail")
    return {"worker": worker_id, "task": task_id, "echo": run_input}


class LeaseLost(Exception):
    """The node answered 409: this worker no longer holds the run."""


def call(server, path, body, timeout):
    """POSTs JSON to the node and returns the JSON answer; raises LeaseLost on 409."""
    request = urllib.request.Request(
        server + path, data=json.dumps(body).encode(), method="POST",
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        if error.code == 409:
            raise LeaseLost(error.read().decode(errors="replace")) from None
        raise


def heartbeat_period(item):
    """A third of the lease's time left at the claim (each heartbeat renews it as long), between
    0.2 and 10 seconds."""
    try:
        expires = datetime.fromisoformat(item["leaseExpiresAt"].replace("Z", "+00:00"))
        left = (expires - datetime.now(timezone.utc)).total_seconds()
    except (KeyError, ValueError):
        left = 30
    return min(10.0, max(0.2, left / 3))


def handle(args, item):
    """Works on one claimed run, heartbeating until the work ends, then reports it."""
    run_id, lease = item["runId"], item["leaseId"]
    result = {}

    def run_work():
        try:
            result["output"] = work(args.worker_id, item["taskId"], item.get("input"))
        except Exception as error:  # any failure of the work fails the run
            result["error"] = {"type": type(error).__name__, "message": str(error)}

    worker = threading.Thread(target=run_work, daemon=True)
    worker.start()
    runs = "/api/v1/task-executions/" + run_id
    period = heartbeat_period(item)
    try:
        while True:
            worker.join(period)
            if not worker.is_alive():
                break
            call(args.server, runs + "/heartbeat", {"leaseId": lease}, 10)
        if "error" in result:
            error = result["error"]
            call(args.server, runs + "/fail", {"leaseId": lease, "error": error}, 10)
            log(args, "run %s failed: %s" % (run_id, error["message"]))
        else:
            call(args.server, runs + "/complete",
                 {"leaseId": lease, "output": result.get("output")}, 10)
            log(args, "run %s completed" % run_id)
    except LeaseLost:
        log(args, "run %s: lease lost, dropped" % run_id)
    except (urllib.error.URLError, OSError) as error:
        log(args, "run %s: cannot reach the node (%s), dropped" % (run_id, error))


def log(args, text):
    print("%s: %s" % (args.worker_id, text), file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get("AURAOS_SERVER") or
                        "http://127.0.0.1:8080")
    parser.add_argument("--queue", default="default")
    parser.add_argument("--worker-id", default="%s-%d" % (socket.gethostname(), os.getpid()))
    parser.add_argument("--max", type=int, default=1)
    parser.add_argument("--wait", type=float, default=20)
    parser.add_argument("--runs", type=int, default=0)
    args = parser.parse_args()
    args.server = args.server.rstrip("/")
    claim = {"workerId": args.worker_id, "max": args.max, "waitSeconds": args.wait}
    path = "/api/v1/task-queues/%s/claim" % urllib.parse.quote(args.queue, safe="")
    handled, pause = 0, 0.5
    log(args, "claiming from queue %s on %s" % (args.queue, args.server))
    while args.runs <= 0 or handled < args.runs:
        try:
            items = call(args.server, path, claim, args.wait + 15)["items"]
            pause = 0.5
        except (urllib.error.URLError, OSError, ValueError) as error:
            log(args, "claim failed (%s); again in %.1f s" % (error, pause))
            time.sleep(pause)
            pause = min(10.0, pause * 2)
            continue
        threads = [threading.Thread(target=handle, args=(args, item)) for item in items]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        handled += len(items)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
