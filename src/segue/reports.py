"""Markdown report files (EVALUATION.md, BENCHMARKS.md) made of independently refreshed sections.

Each producer owns one section between markers, so rerunning one benchmark or evaluation replaces only its part.
"""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def replace_section(document: str, section: str, marker: str) -> str:
    """Put `section` between `<!-- marker:start -->` and `<!-- marker:end -->`, appending when absent."""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    block = f"{start}\n{section.rstrip()}\n{end}"
    if start in document and end in document:
        head, rest = document.split(start, 1)
        _, tail = rest.split(end, 1)
        return head + block + tail
    return document.rstrip() + ("\n\n" if document.strip() else "") + block + "\n"


def update_file(path: Path, section: str, marker: str, *, title: str) -> None:
    """Replace one section of a report file, creating the file with a title when missing."""
    existing = path.read_text(encoding="utf-8") if path.exists() else f"# {title}\n"
    path.write_text(replace_section(existing, section, marker), encoding="utf-8")


def machine_line() -> str:
    """'Linux x86_64, 2 CPUs (model), 23 GiB, Python 3.11.7, commit abc123, 2026-11-29 07:40 UTC'."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError):
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}){mem}, "
        f"Python {platform.python_version()}, commit {commit or 'n/a'}, {when}{load}"
    )
