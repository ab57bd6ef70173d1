"""Running `make proof`'s short versions from a test: `python -m bench.proof ... --short --json` as a child process
on the session's built catalog, read back as JSON (tests/integration/test_faults_*.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_proof(data_dir: Path, tmp_path: Path, *args: str) -> Any:
    """`python -m bench.proof ARGS --short --no-write --json FILE` with SEGUE_DATA_DIR=`data_dir`; the JSON."""
    out = tmp_path / "proof.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") or k == "SEGUE_DATASETS_DIR"}
    env |= {"SEGUE_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "bench.proof", *args, "--short", "--no-write", "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=380, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(out.read_text())
