"""Private Redis and PostgreSQL servers for fault tests and `make proof`: killed, stopped and restarted at will.

Each runs on a free port in a temporary directory; the machine's shared servers (6379, 5432) are never touched.
`make proof` (bench/proof_faults.py) imports this module too, so the tests and the proof kill the same way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from support.net import free_port

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
"""The newest installed PostgreSQL server binaries (initdb, pg_ctl), or None."""


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.1):
            return True
    except OSError:
        return False


def redis_available() -> bool:
    return shutil.which("redis-server") is not None


def postgres_available() -> bool:
    return PG_BIN is not None and (os.geteuid() != 0 or shutil.which("runuser") is not None)


@dataclass
class PrivateRedis:
    """`redis-server` without persistence on its own port; `kill()` then `start()` brings it back empty."""

    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary is not None, "redis-server not installed"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(400):
            if listening(self.port):
                return
            time.sleep(0.025)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def kill(self) -> None:
        if self.process is None:
            return
        os.kill(self.process.pid, signal.SIGCONT)  # in case it was frozen
        self.process.kill()
        self.process.wait(timeout=10)
        self.process = None

    def freeze(self) -> None:
        """SIGSTOP: it keeps accepting connections and answers nothing (the slow case)."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def __enter__(self) -> PrivateRedis:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.kill()


@dataclass
class PrivatePostgres:
    """A throwaway cluster (initdb, trust auth, fsync off) in a temp dir; `stop()` is an immediate shutdown."""

    port: int = field(default_factory=free_port)
    root: Path | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def async_url(self) -> str:
        """The URL for `make_engine`, which takes a driver SQLAlchemy can run on the event loop."""
        return self.url.replace("postgresql://", "postgresql+asyncpg://", 1)

    @property
    def data(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    def _run(self, *command: str) -> None:
        # The server refuses to run as root; as root, run it as the postgres user (who owns the temp dir).
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def create(self) -> None:
        assert PG_BIN is not None, "PostgreSQL server binaries not installed"
        self.root = Path(tempfile.mkdtemp(prefix="segue-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        assert PG_BIN is not None
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.data.parent / "log"),
                  "-w", "start")  # fmt: skip

    def stop(self) -> None:
        assert PG_BIN is not None
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def destroy(self) -> None:
        if self.root is None:
            return
        if PG_BIN is not None:
            with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
                self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> PrivatePostgres:
        self.create()
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.destroy()
