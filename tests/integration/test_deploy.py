"""The deployment as docs/deploy.md runs it: `vve migrate`, then gunicorn with
deploy/gunicorn.conf.py in production mode, and in front of it nginx with
deploy/nginx-vve.conf (when nginx is installed). A board starts a dossier and opens its
private link; the token reaches no log line, the request id is the proxy's."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
PUBLIC_HOST = "warmteplan.example.nl"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"no answer within 60 s\n{log.read_text()}"
            time.sleep(0.2)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:  # pragma: no cover - a hung server
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """gunicorn with the deployment's config, two workers, against a fresh SQLite file."""
    home = tmp_path_factory.mktemp("gunicorn")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VVE_") and k != "PYTHONPATH"}
    env.update(
        DATABASE_URL=f"sqlite:///{home / 'vve.sqlite3'}",
        SECRET_KEY="deploy-test-secret",
        VVE_ENV="production",
        VVE_PROXY_FIX="1",
        VVE_BIND=f"127.0.0.1:{port}",
        VVE_WORKERS="2",
        VVE_TRUSTED_HOSTS=f"127.0.0.1,localhost,{PUBLIC_HOST}",
    )
    bin_dir = Path(sys.executable).parent
    subprocess.run([bin_dir / "vve", "migrate"], env=env, cwd=home, check=True, capture_output=True)
    out, err = home / "access.log", home / "error.log"
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [bin_dir / "gunicorn", "--config", DEPLOY / "gunicorn.conf.py"],
            env=env,
            cwd=home,
            stdout=stdout,
            stderr=stderr,
        )
    _wait_for(port, process, err)
    yield {"port": port, "access": out, "error": err, "env": env}
    _stop(process)


class Browser:
    """Just enough of a browser: cookies by hand (they are Secure), Referer, one host."""

    def __init__(self, connect, host: str, headers: dict[str, str] | None = None):
        self.connect, self.host, self.cookies = connect, host, {}
        self.headers = headers or {}

    def request(self, method: str, path: str, body: str | None = None, **headers: str):
        connection = self.connect()
        sent = {"Host": self.host, **self.headers, **headers}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        reply = connection.getresponse()
        data = reply.read().decode("utf-8", "replace")
        for header in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return reply, data


def _start_dossier(browser: Browser, referer: str) -> tuple[str, str, str]:
    """Home page, POST /start, the page with the private link: (link, public id, token)."""
    _reply, home = browser.request("GET", "/")
    csrf = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', home).group(1)
    reply, _ = browser.request("POST", "/start", body=f"csrf_token={csrf}", Referer=referer)
    assert reply.status == 302, reply.status
    _reply, page = browser.request("GET", urlsplit(reply.headers["Location"]).path)
    link = re.search(r"(https?://[^\"<\s]+/toegang/[^\"<\s]+)", page).group(1)
    public_id, token = link.split("/toegang/", 1)[1].split("#", 1)
    return link, public_id, token


def test_a_board_through_gunicorn_leaves_no_token_in_any_log(gunicorn):
    port = gunicorn["port"]
    browser = Browser(
        lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=30),
        f"127.0.0.1:{port}",
        {"X-Forwarded-Proto": "https", "X-Request-ID": "board-1"},
    )
    link, public_id, token = _start_dossier(browser, f"https://127.0.0.1:{port}/")
    # a link of the old form (the code in the path) and an encoded one: both in the log
    old = f"https://127.0.0.1:{port}/toegang/{public_id}/{token}"
    reply, _ = browser.request("GET", f"/toegang/{public_id}/{token}")
    assert reply.status in (200, 302)
    reply, _ = browser.request("GET", f"/toegang/{public_id}%2F{token}", Referer=old)
    time.sleep(0.5)  # the access log is written after the response
    access = gunicorn["access"].read_text()
    everything = access + gunicorn["error"].read_text()
    assert token not in everything
    assert f'"GET /toegang/{public_id}/[redacted] HTTP/1.1"' in access
    assert f'"GET /toegang/{public_id}%2F[redacted] HTTP/1.1"' in access
    assert f'"{old.rsplit("/", 1)[0]}/[redacted]"' in access  # the Referer
    assert "127.0.0.1 board-1 [" in access


def test_the_container_health_check_passes_and_fails(gunicorn):
    check = [sys.executable, DEPLOY / "healthcheck.py"]
    env = {**gunicorn["env"], "VVE_BIND": f"0.0.0.0:{gunicorn['port']}"}
    assert subprocess.run(check, env=env, timeout=30).returncode == 0
    closed = {**env, "VVE_BIND": f"127.0.0.1:{_free_port()}"}
    assert subprocess.run(check, env=closed, capture_output=True, timeout=30).returncode == 1


@pytest.fixture(scope="module")
def nginx(gunicorn, tmp_path_factory):
    if not (shutil.which("nginx") and shutil.which("openssl")):
        pytest.skip("nginx or openssl not installed (Debian: nginx-light)")
    home = tmp_path_factory.mktemp("nginx")
    for folder in ("logs", "tmp"):
        (home / folder).mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", home / "privkey.pem", "-out", home / "fullchain.pem",
         "-subj", f"/CN={PUBLIC_HOST}"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    https, plain = _free_port(), _free_port()
    site = (DEPLOY / "nginx-vve.conf").read_text(encoding="utf-8")
    site = re.sub(r"listen \[::\]:\d+[^;]*;", "", site)
    site = site.replace("listen 443", f"listen 127.0.0.1:{https}")
    site = site.replace("listen 80", f"listen 127.0.0.1:{plain}")
    site = site.replace("/etc/ssl/vve/", f"{home}/").replace("/var/log/nginx/", f"{home}/logs/")
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{gunicorn['port']};")
    (home / "site.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{k}_temp_path {home}/tmp/{k};"
        for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (home / "nginx.conf").write_text(
        f"daemon off; pid {home}/nginx.pid; error_log {home}/logs/error.log;\n"
        f"events {{ worker_connections 64; }}\n"
        f"http {{ access_log {home}/logs/default.log; {temp} include {home}/site.conf; }}\n",
        encoding="utf-8",
    )
    log = home / "logs" / "run.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            ["nginx", "-p", str(home), "-c", str(home / "nginx.conf")], stdout=output, stderr=output
        )
    _wait_for(https, process, log)
    yield {"https": https, "plain": plain, "logs": home / "logs"}
    _stop(process)


def _tls(port: int, server_name: str = PUBLIC_HOST):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    return lambda: _SNIConnection(server_name, port, context)


class _SNIConnection(http.client.HTTPSConnection):
    """Connects to 127.0.0.1 but sends the public name in SNI, like a resolver would."""

    def __init__(self, server_name: str, port: int, context: ssl.SSLContext):
        super().__init__("127.0.0.1", port, context=context, timeout=30)
        self._server_name = server_name

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self._server_name)


def test_through_nginx_the_link_is_public_and_no_log_holds_the_token(gunicorn, nginx):
    browser = Browser(_tls(nginx["https"]), PUBLIC_HOST)
    link, public_id, token = _start_dossier(browser, f"https://{PUBLIC_HOST}/")
    assert link == f"https://{PUBLIC_HOST}/toegang/{public_id}#{token}"
    old = f"https://{PUBLIC_HOST}/toegang/{public_id}/{token}"  # a link of the old form
    reply, _ = browser.request("GET", f"/toegang/{public_id}/{token}", Referer=old)
    assert reply.status in (200, 302)
    time.sleep(0.5)
    proxy_log = (nginx["logs"] / "vve-access.log").read_text()
    logs = proxy_log + "".join(p.read_text() for p in nginx["logs"].glob("*.log"))
    logs += gunicorn["access"].read_text() + gunicorn["error"].read_text()
    assert token not in logs
    line = next(x for x in proxy_log.splitlines() if f"/toegang/{public_id}/" in x)
    assert f'"GET /toegang/{public_id}/[redacted] HTTP/1.1"' in line
    assert f'"https://{PUBLIC_HOST}/toegang/{public_id}/[redacted]"' in line
    request_id = line.split()[1]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert f" {request_id} " in gunicorn["access"].read_text()  # the same id at the app


def test_nginx_refuses_big_bodies_and_other_host_names(nginx):
    browser = Browser(_tls(nginx["https"]), PUBLIC_HOST)
    reply, _ = browser.request("POST", "/start", body="x" * (3 * 1024 * 1024))
    assert reply.status == 413
    with pytest.raises(ssl.SSLError):
        Browser(_tls(nginx["https"], "elders.example.nl"), "elders.example.nl").request("GET", "/")
    plain = Browser(
        lambda: http.client.HTTPConnection("127.0.0.1", nginx["plain"], timeout=30), PUBLIC_HOST
    )
    reply, _ = plain.request("GET", "/toegang/AbC123/geheim-token-987654")
    assert reply.status == 301
    assert "geheim-token" not in (nginx["logs"] / "vve-access.log").read_text()
