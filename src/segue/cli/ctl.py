"""`segue ctl start|stop|restart|status|logs|monitor`: run Segue in the background like a service.

`start` runs `segue run` detached (the bot with a token, the playground without) with a pid file, a run file
(port, start time) and a log file in the data directory, and returns once `/healthz` says ready. Every figure
comes from the running process over its ops endpoint (`/status`), so `status` and `monitor` show what the
process itself measured. Each shard range is its own instance (`segue-shards-0-1.pid`), so several shard
processes share one data directory and `restart --all` rolls them one by one, each healthy before the next.

Exit codes for scripts and systemd: 0 done (or, for `status`, running and healthy); 1 failed or unhealthy;
3 not running (`status`, as the LSB says).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from segue.cli.ask import shard_overrides
from segue.config import Settings, load_settings
from segue.errors import SegueError

if TYPE_CHECKING:  # psutil and rich load inside the actions: every `segue` command imports this module
    import psutil
    from rich.console import Console

app = typer.Typer(
    help="Run Segue in the background: start, stop, restart, status, logs, monitor.", no_args_is_help=True
)
NOT_RUNNING = 3
TAIL_ON_FAILURE = 15
POLL = 0.25

ShardIdsOpt = Annotated[str | None, typer.Option("--shard-ids", help="Shard range of this instance, e.g. 0,1.")]
ShardCountOpt = Annotated[int | None, typer.Option("--shard-count", help="Total shards over all processes.")]


@dataclass(frozen=True, slots=True)
class Instance:
    """One background process's files in the data directory, named after its shard range."""

    name: str
    data_dir: Path

    @classmethod
    def of(cls, settings: Settings) -> Instance:
        ids = settings.shard_ids
        name = "segue" if ids is None else "segue-shards-" + "-".join(str(i) for i in ids)
        return cls(name, settings.data_dir.resolve())

    @property
    def pid_file(self) -> Path:
        return self.data_dir / f"{self.name}.pid"

    @property
    def run_file(self) -> Path:
        return self.data_dir / f"{self.name}.run.json"

    @property
    def out_file(self) -> Path:
        """What the process prints outside logging (a crash before logging starts, the playground's URL)."""
        return self.data_dir / f"{self.name}.out"

    def run_info(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.run_file.read_text()))
        except (OSError, ValueError):
            return {}

    @property
    def log_file(self) -> Path:
        return Path(self.run_info().get("log_file") or self.data_dir / f"{self.name}.log")

    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def process(self) -> psutil.Process | None:
        """The live process of this instance, or None (no pid file, process gone, or the pid now someone else's)."""
        import psutil

        pid = self.pid()
        if pid is None:
            return None
        try:
            proc = psutil.Process(pid)
            if proc.status() == psutil.STATUS_ZOMBIE:
                return None
            info = self.run_info()
            if (started := info.get("since_boot")) is not None:
                return proc if abs(since_boot(proc) - float(started)) < SAME_START else None
            if (created := info.get("create_time")) is not None:  # a run file written before since_boot
                return proc if abs(proc.create_time() - float(created)) < SAME_START else None
            return proc if any("segue" in part for part in proc.cmdline()) else None
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None

    def forget(self) -> None:
        """The process is gone: drop the pid file (the run file stays, so a restart keeps its port)."""
        self.pid_file.unlink(missing_ok=True)

    def url(self, route: str) -> str | None:
        info = self.run_info()
        if not info.get("port"):
            return None
        host = info.get("host") or "127.0.0.1"
        host = "127.0.0.1" if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host  # noqa: S104
        return f"http://{host}:{info['port']}{route}"


SAME_START = 1.0
"""Seconds within which a pid's start matches the run file's: the same process, not a later one given its pid."""


def since_boot(proc: psutil.Process) -> float:
    """When a process started, in seconds since boot. Its `create_time` is that plus the boot time as the wall clock
    puts it now, which moves when the clock is slewed or stepped: on a VM whose clock drifted 5 s against its
    uptime, `restart --all` took a running shard for a stale pid file and started a second copy of it."""
    import psutil

    return float(proc.create_time() - psutil.boot_time())


def fetch_json(url: str, timeout: float = 2.0) -> tuple[int, dict[str, Any]] | None:
    """(HTTP status, JSON body) of a GET, or None when nothing answers; 503 bodies are read too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own http:// endpoint
            return int(response.status), dict(json.loads(response.read()))
    except urllib.error.HTTPError as exc:
        try:
            return int(exc.code), dict(json.loads(exc.read()))
        except ValueError:
            return int(exc.code), {}
    except (OSError, ValueError):
        return None


def not_ready_reason(answer: tuple[int, dict[str, Any]] | None) -> str:
    """Why /healthz is not 200, in a few words."""
    if answer is None:
        return "the ops endpoint does not answer"
    body = answer[1]
    return "; ".join(str(r) for r in body.get("unhealthy") or []) or f"Discord gateway {body.get('discord', '?')}"


def free_port(host: str, wanted: int = 0) -> int:
    """`wanted` if nothing listens there now, else any free port (the process binds it a moment later; a clash
    fails the start loudly). Reusing an instance's last port keeps scrape targets stable across restarts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for port in (wanted, 0) if wanted else (0,):
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            # As aiohttp binds: connections of the last run still in TIME_WAIT do not make the port busy.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise OSError(f"no free port on {host}")  # pragma: no cover - binding port 0 does not fail


def tail(path: Path, count: int) -> list[str]:
    """The last `count` lines of a text file (empty if it does not exist)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 256 * 1024))
            lines = handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    return lines[-count:] if count > 0 else []


class Ctl:
    """The control actions, each returning an exit code; `say` prints one friendly line."""

    def __init__(self, settings: Settings, console: Console) -> None:
        self.settings = settings
        self.console = console
        self.instance = Instance.of(settings)

    def say(self, text: str, style: str = "") -> None:
        from rich.markup import escape

        self.console.print(f"[{style}]{escape(text)}[/{style}]" if style else escape(text), highlight=False)

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "segue", "run"]
        if self.settings.shard_ids is not None:
            command += ["--shard-ids", ",".join(str(i) for i in self.settings.shard_ids)]
        if self.settings.shard_count is not None:
            command += ["--shard-count", str(self.settings.shard_count)]
        return command

    def _environment(self, port: int, log_file: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            SEGUE_DATA_DIR=str(self.instance.data_dir),
            SEGUE_METRICS_PORT=str(port),
            SEGUE_METRICS_HOST=self.settings.metrics_host,
            SEGUE_LOG_FILE=str(log_file),
            SEGUE_LOG_CONSOLE="false",
        )
        return env

    def start(self, *, timeout: float | None = None) -> int:
        """Start detached and wait for /healthz to say ready."""
        inst = self.instance
        running = inst.process()
        if running is not None:
            self.say(f"Segue ({inst.name}) is already running (pid {running.pid}); not starting a second copy.", "red")
            return 1
        if inst.pid_file.exists():
            self.say(f"Removed a stale pid file ({inst.pid_file.name}: pid {inst.pid()} is not running).")
            inst.forget()
        inst.data_dir.mkdir(parents=True, exist_ok=True)
        port = self.settings.metrics_port or free_port(
            self.settings.metrics_host, int(inst.run_info().get("port") or 0)
        )
        log_file = (self.settings.log_file or inst.data_dir / f"{inst.name}.log").resolve()
        with inst.out_file.open("ab") as out:
            proc = subprocess.Popen(
                self._command(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self._environment(port, log_file),
                start_new_session=True,  # a Ctrl-C in this terminal must not reach the service
            )
        inst.pid_file.write_text(f"{proc.pid}\n")
        import psutil

        started = since_boot(psutil.Process(proc.pid))
        info = {
            "pid": proc.pid,
            "port": port,
            "host": self.settings.metrics_host,
            "log_file": str(log_file),
            "shard_count": self.settings.shard_count,
        }
        inst.run_file.write_text(json.dumps({**info, "since_boot": started, "started": time.time()}))
        return self._wait_ready(proc, timeout or self.settings.ctl_start_timeout)

    def _wait_ready(self, proc: subprocess.Popen[bytes], timeout: float) -> int:
        inst, started = self.instance, time.monotonic()
        url = inst.url("/healthz")
        assert url is not None
        answer: tuple[int, dict[str, Any]] | None = None
        while time.monotonic() - started < timeout:
            if proc.poll() is not None:
                inst.forget()
                self.say(f"Segue exited during start-up (exit code {proc.returncode}). Last lines:", "red")
                self._show_tail()
                return 1
            answer = fetch_json(url, timeout=1.0)
            if answer is not None and answer[0] == 200:
                took = time.monotonic() - started
                self.say(f"Segue ({inst.name}) started: pid {proc.pid}, ready in {took:.1f} s.", "green")
                self.say(f"Ops endpoint: {inst.url('/status')}; log: {inst.log_file}")
                for line in tail(inst.out_file, 20)[::-1]:
                    if line.startswith("Segue playground: "):
                        self.say(line.split("  (")[0])  # the page to open (the playground has no token)
                        break
                return 0
            time.sleep(POLL)
        why = not_ready_reason(answer)
        self.say(f"Segue is running (pid {proc.pid}) but not ready after {timeout:.0f} s: {why}. Last lines:", "red")
        self._show_tail()
        self.say("Stop it with `segue ctl stop`, or wait and check `segue ctl status`.")
        return 1

    def _show_tail(self) -> None:
        lines = tail(self.instance.log_file, TAIL_ON_FAILURE) + tail(self.instance.out_file, TAIL_ON_FAILURE)
        for line in lines[-TAIL_ON_FAILURE:] or ["(nothing logged)"]:
            self.say("  " + line)

    def stop(self, *, timeout: float | None = None) -> int:
        """SIGTERM, wait for the graceful drain, SIGKILL after `timeout`."""
        inst = self.instance
        proc = inst.process()
        if proc is None:
            if inst.pid_file.exists():
                self.say(f"Segue ({inst.name}) is not running (removed a stale pid file for pid {inst.pid()}).")
                inst.forget()
            else:
                self.say(f"Segue ({inst.name}) is not running.")
            return 0
        import psutil

        grace = timeout or self.settings.ctl_stop_timeout
        started = time.monotonic()
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except psutil.TimeoutExpired:
            self.say(f"Segue (pid {proc.pid}) did not finish within {grace:.0f} s; killing it (SIGKILL).", "yellow")
            with contextlib.suppress(psutil.NoSuchProcess):
                proc.kill()
                proc.wait(10)
        inst.forget()
        self.say(f"Segue ({inst.name}) stopped: pid {proc.pid}, in {time.monotonic() - started:.1f} s.", "green")
        return 0

    def status(self, *, as_json: bool = False) -> int:
        """Print the running process's figures; the exit code says running-and-healthy (0), unhealthy (1) or not
        running (3)."""
        inst = self.instance
        proc = inst.process()
        if proc is None:
            self.say(f"Segue ({inst.name}) is not running.")
            return NOT_RUNNING
        url = inst.url("/status")
        answer = fetch_json(url) if url else None
        if answer is None:
            self.say(f"Segue ({inst.name}) is running (pid {proc.pid}) but its ops endpoint does not answer.", "red")
            return 1
        from segue.cli.ctl_view import status_table

        code, doc = answer
        if as_json:
            print(json.dumps(doc, indent=2, sort_keys=True))
        else:
            self.console.print(status_table(doc, title=f"Segue ({inst.name})"))
        return 0 if code == 200 and doc.get("ok") else 1

    def logs(self, *, count: int, follow: bool) -> int:
        path = self.instance.log_file
        if not path.exists():
            self.say(f"No log yet at {path}.")
            return 1
        for line in tail(path, count):
            print(line)
        if follow:
            follow_file(path)
        return 0

    def monitor(self, *, every: float = 1.0) -> int:
        from rich.live import Live

        from segue.cli.ctl_view import status_table

        inst = self.instance
        with contextlib.suppress(KeyboardInterrupt), Live(console=self.console, auto_refresh=False) as live:
            while True:
                url = inst.url("/status") if inst.process() is not None else None
                answer = fetch_json(url) if url else None
                if answer is None:
                    live.update(f"Segue ({inst.name}) is not running or not answering. Ctrl-C to leave.", refresh=True)
                else:
                    live.update(status_table(answer[1], title=f"Segue ({inst.name}) · Ctrl-C to leave"), refresh=True)
                time.sleep(every)
        return 0


def follow_file(path: Path, *, every: float = 0.5) -> None:
    """Print lines as they are appended, across rotation, until Ctrl-C."""
    with contextlib.suppress(KeyboardInterrupt):
        handle = path.open("r", encoding="utf-8", errors="replace")
        handle.seek(0, os.SEEK_END)
        inode = os.fstat(handle.fileno()).st_ino
        while True:
            line = handle.readline()
            if line:
                print(line, end="", flush=True)
                continue
            time.sleep(every)
            with contextlib.suppress(OSError):
                if os.stat(path).st_ino != inode or os.stat(path).st_size < handle.tell():  # rotated or truncated
                    handle.close()
                    handle = path.open("r", encoding="utf-8", errors="replace")
                    inode = os.fstat(handle.fileno()).st_ino


def instances(data_dir: Path) -> list[Instance]:
    """Every instance with a pid file in the data directory (for `restart --all`), by name."""
    return [Instance(p.name.removesuffix(".pid"), data_dir.resolve()) for p in sorted(data_dir.glob("segue*.pid"))]


def _ctl(shard_ids: str | None = None, shard_count: int | None = None, *, reading: bool = False) -> Ctl:
    """A `Ctl` for one instance; `reading` commands (status, logs, monitor) only need the shard ids for its name."""
    overrides = shard_overrides(shard_ids, shard_count)
    ids = overrides.get("shard_ids")
    if reading and isinstance(ids, list) and shard_count is None and not os.environ.get("SEGUE_SHARD_COUNT"):
        overrides["shard_count"] = max(ids) + 1
    from rich.console import Console

    return Ctl(load_settings(**overrides), Console())


def _guarded(action: Callable[[], int]) -> int:
    """The action's exit code; a bad setting is one line and exit 2, as from every segue command."""
    try:
        return action()
    except SegueError as exc:
        from rich.console import Console
        from rich.markup import escape

        Console(stderr=True).print(f"[red]{escape(exc.user_message)}[/red]")
        return 2


@app.command("start")
def start(shard_ids: ShardIdsOpt = None, shard_count: ShardCountOpt = None) -> None:
    """Start Segue in the background (the bot with a token, else the playground) and wait until it is ready."""
    raise typer.Exit(_guarded(lambda: _ctl(shard_ids, shard_count).start()))


@app.command("stop")
def stop(
    shard_ids: ShardIdsOpt = None,
    shard_count: ShardCountOpt = None,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds for the graceful drain (SEGUE_CTL_STOP_TIMEOUT).")
    ] = None,
) -> None:
    """Stop Segue gracefully (SIGTERM, in-flight answers finish), SIGKILL if it takes longer than the timeout."""
    raise typer.Exit(_guarded(lambda: _ctl(shard_ids, shard_count).stop(timeout=timeout)))


@app.command("restart")
def restart(
    shard_ids: ShardIdsOpt = None,
    shard_count: ShardCountOpt = None,
    every: Annotated[bool, typer.Option("--all", help="Every instance in the data directory, one by one.")] = False,
) -> None:
    """Stop and start again; with --all, roll every instance, each ready before the next stops."""
    raise typer.Exit(_guarded(lambda: _restart(shard_ids, shard_count, every)))


def _restart(shard_ids: str | None, shard_count: int | None, every: bool) -> int:
    ctl = _ctl(shard_ids, shard_count)
    if not every:
        ctl.stop()
        return ctl.start()
    found = instances(ctl.settings.data_dir)
    if not found:
        ctl.say("No instance has a pid file in the data directory; nothing to restart.")
        return 0
    for inst in found:
        info = inst.run_info()
        ids = None if inst.name == "segue" else inst.name.removeprefix("segue-shards-").replace("-", ",")
        one = _ctl(ids, info.get("shard_count"))
        if one.stop() != 0 or one.start() != 0:
            one.say(f"Rolling restart stopped at {inst.name}: it is not ready; the rest were left as they were.", "red")
            return 1
    return 0


@app.command("status")
def status(
    shard_ids: ShardIdsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The raw /status document.")] = False,
) -> None:
    """Pid, uptime, version, shards, health, latency, cache hits, rate limits and system figures.

    Exit code 0 when running and healthy, 1 when unhealthy, 3 when not running.
    """
    raise typer.Exit(_guarded(lambda: _ctl(shard_ids, reading=True).status(as_json=as_json)))


@app.command("logs")
def logs(
    shard_ids: ShardIdsOpt = None,
    count: Annotated[int, typer.Option("-n", "--lines", min=0, help="How many recent lines.")] = 50,
    follow: Annotated[bool, typer.Option("-f", "--follow", help="Keep printing new lines (Ctrl-C stops).")] = False,
) -> None:
    """The log of the background process (secrets are masked before they are written)."""
    raise typer.Exit(_guarded(lambda: _ctl(shard_ids, reading=True).logs(count=count, follow=follow)))


@app.command("monitor")
def monitor(
    shard_ids: ShardIdsOpt = None,
    every: Annotated[float, typer.Option(min=0.2, help="Seconds between refreshes.")] = 1.0,
) -> None:
    """A live dashboard of the status figures, refreshed every second (Ctrl-C leaves)."""
    raise typer.Exit(_guarded(lambda: _ctl(shard_ids, reading=True).monitor(every=every)))


def register(main: typer.Typer) -> None:
    """Attach `segue ctl` to the main app."""
    main.add_typer(app, name="ctl")
