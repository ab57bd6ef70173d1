"""`segue ctl` knows its own process by when it started, whatever the wall clock does meanwhile."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil
import pytest

from segue.cli.ctl import Instance, since_boot


def _instance(tmp_path: Path, **run: float) -> Instance:
    inst = Instance("segue", tmp_path)
    inst.pid_file.write_text(f"{os.getpid()}\n")
    inst.run_file.write_text(json.dumps(run))
    return inst


def test_a_process_is_found_after_the_wall_clock_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a VM whose clock drifted 5 s against its uptime, `restart --all` took a running shard for a stale pid file
    and started a second copy: the boot time the wall clock gives moved, and with it every `create_time`."""
    inst = _instance(tmp_path, since_boot=since_boot(psutil.Process()))
    booted = psutil.boot_time()
    monkeypatch.setattr(psutil._psplatform, "boot_time", lambda: booted + 5.0)  # the clock slewed by 5 s
    assert psutil.Process().create_time() - booted > 4.0  # what the old check compared now disagrees
    found = inst.process()
    assert found is not None
    assert found.pid == os.getpid()


def test_another_process_given_the_same_pid_is_not_ours(tmp_path: Path) -> None:
    inst = _instance(tmp_path, since_boot=since_boot(psutil.Process()) - 60.0)
    assert inst.process() is None


def test_a_run_file_from_before_is_still_read(tmp_path: Path) -> None:
    assert _instance(tmp_path, create_time=psutil.Process().create_time()).process() is not None
    assert _instance(tmp_path, create_time=psutil.Process().create_time() - 60.0).process() is None
