"""`make bench`: run every benchmark module and write its section of BENCHMARKS.md.

Usage: python -m bench [NAME ...]   (default: all). Each module exposes `run() -> str` (a Markdown section);
only the sections that ran are replaced, so one benchmark can be refreshed alone.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from segue.reports import machine_line, update_file

MODULES = {
    "engine": "bench.bench_engine",
    "ann": "bench.bench_ann",
    "infra": "bench.bench_infra",
    "bot": "bench.bench_bot",
    "cold": "bench.bench_cold",
    "sources": "bench.bench_sources",
    "state": "bench.bench_state",
    "metrics": "bench.bench_metrics",
    "monitoring": "bench.bench_monitoring",
    "scale": "bench.bench_scale",
    "memory": "bench.bench_memory",
    "i18n": "bench.bench_i18n",
    "cores": "bench.bench_cores",
    "answer-path": "bench.bench_answer_path",
}
OUTPUT = Path("BENCHMARKS.md")


def main(argv: list[str]) -> int:
    names = argv or list(MODULES)
    unknown = [n for n in names if n not in MODULES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(MODULES)}", file=sys.stderr)
        return 2
    for name in names:
        try:
            module = importlib.import_module(MODULES[name])
        except ModuleNotFoundError as exc:
            if exc.name == MODULES[name]:
                print(f"[bench] {name}: not present yet, skipped", file=sys.stderr)
                continue
            raise
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        body = module.run()
        took = time.perf_counter() - started
        section = (
            f"{body.rstrip()}\n\n_Machine: {machine_line()}. Command: `make bench` "
            f"(`python -m bench {name}`), {took:.0f} s._\n"
        )
        update_file(OUTPUT, section, f"bench-{name}", title="Benchmarks")
        print(f"[bench] {name} done in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
