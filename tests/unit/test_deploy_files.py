"""The deployment files agree with the code: they parse, set only real settings, and use its ports, paths and routes.

No container runtime or cluster runs here, so `docker build`, `docker compose up` and `kubectl apply` are not
exercised; what can be checked without them is: the YAML and JSON parse, every SEGUE_* variable any of them names
is a setting, the ops port, data directory and probe URLs are the same everywhere and exist in the code, and the
systemd unit passes `systemd-analyze verify` and the manifests `kubectl kustomize` (each when the tool is present).
"""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from segue.cli.config_cmd import env_example
from segue.config import Settings
from segue.infra.metrics import MetricsRegistry
from segue.infra.web import ops_app
from segue.settings_doc import env_names

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "compose.yaml"
UNIT = DEPLOY / "systemd" / "segue@.service"
K8S = DEPLOY / "k8s"
DEPLOY_TEXTS = [DOCKERFILE, COMPOSE, ROOT / ".dockerignore", *sorted(p for p in DEPLOY.rglob("*") if p.is_file())]
SETTING_NAMES = {env for name, info in Settings.model_fields.items() for env in env_names(name, info)}


def load_yaml_docs(path: Path) -> list[Any]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def dockerfile_env() -> dict[str, str]:
    """The runtime stage's ENV (the last stage's; continuation lines joined)."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    runtime = text.rsplit("\nFROM ", 1)[1]
    env: dict[str, str] = {}
    for line in runtime.splitlines():
        if line.startswith("ENV "):
            env |= dict(re.findall(r"(\w+)=(\S+)", line))
    return env


def ops_routes() -> set[str]:
    async def health() -> dict[str, Any]:
        return {"ok": True}

    app = ops_app(MetricsRegistry(), health)
    return {route.resource.canonical for route in app.router.routes() if route.resource is not None}


def compose() -> dict[str, Any]:
    (doc,) = load_yaml_docs(COMPOSE)
    return dict(doc)


def shard_services() -> dict[str, dict[str, Any]]:
    return {name: svc for name, svc in compose()["services"].items() if "SEGUE_SHARD_IDS" in svc.get("environment", {})}


def statefulset() -> dict[str, Any]:
    (doc,) = load_yaml_docs(K8S / "statefulset.yaml")
    return dict(doc)


OPS_PORT = int(dockerfile_env()["SEGUE_METRICS_PORT"])
DATA_DIR = dockerfile_env()["SEGUE_DATA_DIR"]


def test_every_yaml_and_json_file_parses() -> None:
    yaml_files = [COMPOSE, *DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")]
    assert len(yaml_files) >= 10
    for path in yaml_files:
        assert load_yaml_docs(path), f"{path} is empty"
    dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "segue.json").read_text(encoding="utf-8"))
    assert dashboard["uid"] == "segue"
    assert dashboard["panels"]


def test_every_segue_variable_named_anywhere_is_a_setting() -> None:
    for path in [*DEPLOY_TEXTS, ROOT / "docs" / "OPERATIONS.md"]:
        named = set(re.findall(r"\bSEGUE_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")))
        unknown = named - SETTING_NAMES
        assert not unknown, f"{path.relative_to(ROOT)} names {sorted(unknown)}, which no setting reads"


def test_env_example_lists_every_setting_and_only_settings() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))
    expected = {env_names(name, info)[0] for name, info in Settings.model_fields.items()}
    assert expected - listed == set(), "stale: regenerate with `segue config --env-example > .env.example`"
    assert listed <= SETTING_NAMES
    assert set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", env_example(), re.MULTILINE)) == expected


def test_the_image_is_multi_stage_non_root_and_probes_a_real_route() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) >= 2
    assert re.search(r"^FROM python:\$\{PYTHON_VERSION\}-slim", text, re.MULTILINE)
    user = re.findall(r"^USER (\S+)", text, re.MULTILINE)[-1]
    assert user.split(":")[0] not in {"root", "0"}
    assert "ARG BUILD_CATALOG" in text
    (check,) = re.findall(r"^HEALTHCHECK .*?CMD (.*)$", text.replace("\\\n", " "), re.MULTILINE)
    (url,) = re.findall(r"http://127\.0\.0\.1:%s(/\w+)", check)
    assert url == "/livez"
    assert url in ops_routes()
    assert f"'{OPS_PORT}'" in check  # the fallback when SEGUE_METRICS_PORT is unset
    assert re.search(rf"^EXPOSE {OPS_PORT}$", text, re.MULTILINE)
    assert dockerfile_env()["SEGUE_METRICS_HOST"] == "0.0.0.0"  # the code's default (127.0.0.1) is unreachable
    assert re.search(rf'^VOLUME \["{DATA_DIR}"\]$', text, re.MULTILINE)
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    for needed in ("!pyproject.toml", "!README.md", "!src/"):
        assert needed in ignored


def test_routes_the_deployments_probe_exist() -> None:
    assert {"/metrics", "/healthz", "/livez"} <= ops_routes()


def test_compose_runs_two_shards_on_shared_redis_and_postgres() -> None:
    doc = compose()
    services = doc["services"]
    shards = shard_services()
    assert len(shards) == 2
    ids = sorted(json.loads(svc["environment"]["SEGUE_SHARD_IDS"])[0] for svc in shards.values())
    counts = {int(svc["environment"]["SEGUE_SHARD_COUNT"]) for svc in shards.values()}
    assert counts == {2}
    assert ids == [0, 1]
    for name, svc in shards.items():
        env = svc["environment"]
        assert set(env) <= SETTING_NAMES, name
        assert int(env["SEGUE_METRICS_PORT"]) == OPS_PORT
        assert env["SEGUE_METRICS_HOST"] == "0.0.0.0"
        assert env["SEGUE_DATA_DIR"] == DATA_DIR
        assert any(v.endswith(f":{DATA_DIR}") for v in svc["volumes"])
        assert urlparse(env["SEGUE_REDIS_URL"]).hostname in services
        assert urlparse(env["SEGUE_DATABASE_URL"]).hostname in services
        assert svc["read_only"] is True
        for dependency in ("redis", "postgres"):
            assert svc["depends_on"][dependency]["condition"] == "service_healthy"
        probe = " ".join(svc["healthcheck"]["test"])
        (path,) = re.findall(rf"http://127\.0\.0\.1:{OPS_PORT}(/\w+)", probe)
        assert path in ops_routes()
    for name, svc in services.items():
        if name != "catalog":
            assert "healthcheck" in svc, f"{name} has no health check"
    assert services["catalog"]["restart"] == "no"


def test_prometheus_scrapes_every_shard_and_loads_the_rules() -> None:
    (config,) = load_yaml_docs(DEPLOY / "prometheus" / "prometheus.yml")
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "segue"]
    assert job["metrics_path"] in ops_routes()
    targets = {t for group in job["static_configs"] for t in group["targets"]}
    assert targets == {f"{name}:{OPS_PORT}" for name in shard_services()}
    assert [Path(r).name for r in config["rule_files"]] == ["alerts.yml"]
    mounts = compose()["services"]["prometheus"]["volumes"]
    assert "./deploy/prometheus:/etc/prometheus:ro" in mounts
    assert all(r.startswith("/etc/prometheus/") for r in config["rule_files"])


def test_grafana_provisioning_points_at_the_dashboard_and_prometheus() -> None:
    (datasources,) = load_yaml_docs(DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml")
    (source,) = datasources["datasources"]
    assert urlparse(source["url"]).hostname == "prometheus"
    assert urlparse(source["url"]).port == 9090
    dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "segue.json").read_text(encoding="utf-8"))
    uids = {p["datasource"]["uid"] for p in dashboard["panels"] if "datasource" in p}
    assert uids == {source["uid"]}
    (providers,) = load_yaml_docs(DEPLOY / "grafana" / "provisioning" / "dashboards" / "segue.yml")
    path = providers["providers"][0]["options"]["path"]
    assert f"./deploy/grafana/dashboards:{path}:ro" in compose()["services"]["grafana"]["volumes"]


def test_kubernetes_runs_one_pod_per_shard_with_probes_secret_and_limits() -> None:
    spec = statefulset()["spec"]
    (config,) = load_yaml_docs(K8S / "configmap.yaml")
    assert int(config["data"]["SEGUE_SHARD_COUNT"]) == spec["replicas"]
    assert set(config["data"]) <= SETTING_NAMES
    (secret,) = load_yaml_docs(K8S / "secret.yaml")
    assert secret["kind"] == "Secret"
    assert "SEGUE_DISCORD_TOKEN" in secret["stringData"]
    (container,) = spec["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert set(env) - {"SHARD_INDEX"} <= SETTING_NAMES
    assert int(env["SEGUE_METRICS_PORT"]) == OPS_PORT
    assert env["SEGUE_DATA_DIR"] == DATA_DIR
    assert {m["mountPath"] for m in container["volumeMounts"]} >= {DATA_DIR}
    assert container["ports"][0]["containerPort"] == OPS_PORT
    assert container["livenessProbe"]["httpGet"]["path"] == "/livez"
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["path"] in ops_routes()
    assert container["resources"]["requests"]
    assert container["resources"]["limits"]["memory"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert spec["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    refs = {r.get("secretRef", {}).get("name") for r in container["envFrom"]}
    assert secret["metadata"]["name"] in refs
    (service,) = load_yaml_docs(K8S / "service.yaml")
    assert service["spec"]["ports"][0]["port"] == OPS_PORT
    (kustomization,) = load_yaml_docs(K8S / "kustomization.yaml")
    manifests = sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    assert sorted(kustomization["resources"]) == manifests


def unit_sections() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)  # keys are looked up case-blind
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_systemd_unit_is_sandboxed_and_writes_only_the_data_directory() -> None:
    service = unit_sections()["Service"]
    assert service["ProtectSystem"] == "strict"
    assert service["Restart"] == "on-failure"
    assert service["User"] not in {"root", "0"}
    environment = dict(re.findall(r"(\w+)=(\S+)", service["Environment"]))
    assert set(environment) - {"PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"} <= SETTING_NAMES
    data_dir = environment["SEGUE_DATA_DIR"]
    assert service["ReadWritePaths"] == data_dir
    assert f"/var/lib/{service['StateDirectory']}" == data_dir
    assert service["NoNewPrivileges"] == "yes"
    assert service["ExecStart"].endswith("segue run")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    # verify insists that ExecStart exists; /opt/segue is not installed here, so this Python stands in for it.
    unit = tmp_path / "segue@0.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/segue/bin/segue run", f"{sys.executable} -V"))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Unknown" not in done.stderr, done.stderr


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kubernetes_manifests_build_with_kustomize() -> None:
    done = subprocess.run(["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    kinds = sorted(doc["kind"] for doc in yaml.safe_load_all(done.stdout) if doc)
    assert kinds == ["ConfigMap", "Namespace", "Secret", "Service", "StatefulSet"]


def test_the_operations_guide_explains_every_alert() -> None:
    (rules,) = load_yaml_docs(DEPLOY / "prometheus" / "alerts.yml")
    guide = (ROOT / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
    alerts = [rule["alert"] for group in rules["groups"] for rule in group["rules"]]
    assert len(alerts) == len(set(alerts))
    for alert in alerts:
        assert f"| {alert} |" in guide, f"docs/OPERATIONS.md does not say what {alert} means"
    assert "docs/OPERATIONS.md" in (ROOT / "README.md").read_text(encoding="utf-8")
