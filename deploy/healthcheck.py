"""The container's health check: GET /health on the address gunicorn listens on.

Exits 0 when the app answers 200 ``ok`` within four seconds, 1 otherwise. It asks the
first TCP address of ``VVE_BIND`` (a wildcard address is asked on the loopback
interface) and ignores any HTTP proxy settings of the environment.
"""

from __future__ import annotations

import os
import sys
import urllib.request


def health_url(bind: str) -> str:
    address = bind.split(",")[0].strip()
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    if host in ("", "0.0.0.0", "*"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/health"


def main() -> int:
    url = health_url(os.environ.get("VVE_BIND", "127.0.0.1:8000"))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=4) as reply:
            healthy = reply.status == 200 and reply.read(16).strip() == b"ok"
    except (OSError, ValueError) as exc:
        print(f"vve-healthcheck: {url}: {exc}", file=sys.stderr)
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
