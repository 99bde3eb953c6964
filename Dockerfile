# syntax=docker/dockerfile:1
# VvE Warmteplan: the production image (docs/deploy.md, "Container").
#
#   docker build -t vve-warmteplan .
#   docker run --rm --env-file vve.env vve-warmteplan migrate     # once per release
#   docker run -d --env-file vve.env -p 127.0.0.1:8000:8000 vve-warmteplan
#
# Everything Python installs is checked against the hashes in requirements/*.txt, from
# binary wheels only; the final stage has no compiler, no pip cache and no pip in the app's
# venv, and runs as uid 10001. Pin the base image by digest for reproducible builds:
#   docker build --build-arg PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:… .
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
# The dependencies first, in a layer of their own: it is rebuilt only when the lock changes.
COPY requirements/ requirements/
RUN python3.11 -m venv /opt/vve \
 && /opt/vve/bin/pip install -q --require-hashes --only-binary=:all: -r requirements/deploy.txt
COPY . .
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN sh deploy/install-venv.sh /opt/vve /src \
 && /opt/vve/bin/python -m pip uninstall -q -y pip setuptools

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="VvE Warmteplan" \
      org.opencontainers.image.description="Plan van aanpak aardgasvrij voor een VvE" \
      org.opencontainers.image.licenses="EUPL-1.2"
RUN groupadd --system --gid 10001 vve \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/vve --no-create-home \
        --shell /usr/sbin/nologin vve \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/vve /var/cache/vve
COPY --from=build /opt/vve /opt/vve
# DejaVu Sans: the advisors' chart draws names such as Súdwest-Fryslân (vve/advisors/chart.py);
# Debian's font files, taken from the build stage so that this stage installs nothing
COPY --from=build /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/dejavu
COPY deploy/gunicorn.conf.py /etc/vve/gunicorn.conf.py
COPY --chmod=0755 deploy/docker-entrypoint.sh /usr/local/bin/vve-entrypoint
COPY --chmod=0755 deploy/healthcheck.py /usr/local/bin/vve-healthcheck
ENV PATH=/opt/vve/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/var/lib/vve \
    VVE_ENV=production \
    VVE_BIND=0.0.0.0:8000 \
    VVE_WORKER_TMP_DIR=/dev/shm
USER 10001:10001
WORKDIR /var/lib/vve
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/opt/vve/bin/python", "/usr/local/bin/vve-healthcheck"]
ENTRYPOINT ["/usr/local/bin/vve-entrypoint"]
CMD ["serve"]
