"""Every metric the Grafana dashboard and the Prometheus alert rules use exists in a scrape of a running bot.

`segue run` starts against the Discord stand-in with what a deployment has (Redis, a live source, the ops
endpoint); after one request, its /metrics must declare every name the dashboard's queries and the alert rules'
expressions read, so a renamed metric cannot leave a panel blank or an alert silent. `promtool check rules` also
runs on the rules when promtool is installed (Debian's `prometheus` package; not on this machine, so skipped).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import aiohttp
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from fakediscord import FakeDiscord
from fakediscord.harness import Town
from segue.catalog.store import Catalog
from support.ci import require
from support.net import free_port
from support.sources import DeezerData, Wiring, deezer
from support.standin import clock, fake, town

__all__ = ["clock", "fake", "town"]  # the stand-in's fixtures, registered for this module

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "segue.json"
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
REDIS_URL = os.environ.get("SEGUE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SYNTHETIC = {"up"}
"""Series Prometheus writes itself for every target, never in a scrape."""
PROMQL_WORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset"}
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",), "summary": ("",)}


def metric_names(expr: str) -> set[str]:
    """Metric names an expression reads: identifiers left once strings, matchers, ranges, grouping and calls go."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", expr)
    expr = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    names = re.findall(r"(?<![\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", expr)
    return {n for n in names if n not in PROMQL_WORDS and not re.fullmatch(r"\d+[smhdwy]?", n)}


def dashboard_names() -> set[str]:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    names = {n for panel in dashboard["panels"] for t in panel.get("targets", []) for n in metric_names(t["expr"])}
    for variable in dashboard["templating"]["list"]:
        names |= set(re.findall(r"label_values\((\w+)", variable["definition"]))
    return names


def alert_names() -> set[str]:
    rules = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    return {n for group in rules["groups"] for rule in group["rules"] for n in metric_names(rule["expr"])}


def scraped_names(exposition: str) -> set[str]:
    """Every series name the exposition declares, sampled yet or not (a labelled metric no request touched yet
    has only its HELP and TYPE lines)."""
    names: set[str] = set()
    for family in text_string_to_metric_families(exposition):
        names |= {s.name for s in family.samples}
        names |= {family.name + suffix for suffix in SUFFIXES.get(family.type, ("",))}
    return names


def test_the_expression_reader_finds_metric_names_only() -> None:
    expr = (
        'histogram_quantile(0.95, sum by (le, host) (rate(segue_http_request_seconds_bucket{shard=~"$shard"}[5m])))'
        ' / clamp_min(sum(rate(segue_bot_commands[5m])), 0.001) > 1 and on (shard) up{job="segue"} == 0'
    )
    assert metric_names(expr) == {"segue_http_request_seconds_bucket", "segue_bot_commands", "up"}
    assert "segue_lease_held" in alert_names()
    assert "process_cpu_seconds_total" in dashboard_names()


async def _redis_answers() -> bool:
    from segue.infra.redis_client import make_redis_client

    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        return bool(await client.ping())
    except Exception:
        return False
    finally:
        await client.aclose()


async def scrape_running_bot(fake: FakeDiscord, town: Town, data_dir: Path, deezer_base: str) -> str:
    """Start `segue run`, ask one /recommend, wait until ready, and return its /metrics."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") and k != "DISCORD_TOKEN"}
    env |= {
        "SEGUE_DISCORD_TOKEN": fake.token,
        "SEGUE_DISCORD_API_BASE": fake.api_base,
        "SEGUE_DISCORD_GATEWAY_URL": fake.gateway_url,
        "SEGUE_DATA_DIR": str(data_dir),
        "SEGUE_METRICS_PORT": str(port),
        "SEGUE_REDIS_URL": REDIS_URL,
        "SEGUE_REDIS_TIMEOUT": "1.0",
        "SEGUE_LEASE_NAME": f"scrape-{uuid.uuid4().hex[:8]}",
        "SEGUE_DEEZER_ENABLED": "true",
        "SEGUE_DEEZER_API_BASE": deezer_base,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "segue", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        await fake.wait_for_bot(timeout=120)
        asked = {"query": "like Daft Punk", "count": 3}
        handle = await fake.invoke_command(town.alice, town.general, "recommend", asked)
        assert (await handle.wait_answer(timeout=30)).original is not None
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as health:
                    if health.status == 200:
                        break
                await asyncio.sleep(0.1)
            async with http.get(f"http://127.0.0.1:{port}/metrics") as scrape:
                assert scrape.status == 200
                return await scrape.text()
    finally:
        if proc.returncode is None:
            proc.terminate()
            output, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
            assert proc.returncode == 0, output.decode(errors="replace")[-3000:]


@pytest.mark.timeout(300)
async def test_every_metric_the_dashboard_and_alerts_use_is_scraped(
    fake: FakeDiscord, town: Town, built_catalog: Catalog, wiring: Wiring
) -> None:
    require(await _redis_answers(), f"Redis at {REDIS_URL}")
    source = await wiring.start(deezer(DeezerData(artists={"daft punk": (27, 4_000_000)}, related={27: ["Justice"]})))
    exposition = await scrape_running_bot(fake, town, built_catalog.path.parent, source.base)
    scraped = scraped_names(exposition) | SYNTHETIC
    for what, used in (("dashboard", dashboard_names()), ("alert rules", alert_names())):
        assert len(used) > 10
        missing = sorted(used - scraped)
        assert not missing, f"the {what} use metrics no scrape has: {missing}"
    shards = {s.labels.get("shard") for f in text_string_to_metric_families(exposition) for s in f.samples}
    assert shards == {"all"}  # one process running every shard labels every series so


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool is not installed (Debian: prometheus)")
def test_promtool_accepts_the_rules_and_the_config() -> None:
    rules = subprocess.run(["promtool", "check", "rules", str(ALERTS)], capture_output=True, text=True, check=False)
    assert rules.returncode == 0, rules.stdout + rules.stderr
