"""deploy/gunicorn.conf.py: the settings gunicorn really reads from it, and the access
and error logs, which never hold a private link's token (issue 12, item 8)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from .conftest import LoadedConfig

TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
PUBLIC_ID = st.text(TOKEN_ALPHABET, min_size=1, max_size=32)
# what secrets.token_urlsafe makes, and longer or shorter
TOKEN = st.text(TOKEN_ALPHABET, min_size=8, max_size=64)
SEPARATOR = st.sampled_from(["/", "%2F", "%2f", "//"])
PREFIX = st.sampled_from(["/toegang/", "/TOEGANG/", "/Toegang%2F", "//toegang/"])


def test_the_key_settings(load_conf):
    conf = load_conf()
    cfg, module = conf.cfg, conf.module
    assert cfg.worker_class_str == "sync"
    assert cfg.workers == module["default_workers"](module["available_cpus"]())
    assert cfg.bind == ["127.0.0.1:8000"]
    assert cfg.preload_app is True
    assert cfg.max_requests >= 500 and 0 < cfg.max_requests_jitter < cfg.max_requests
    assert 10 <= cfg.timeout <= 60
    assert cfg.forwarded_allow_ips == ["127.0.0.1"]
    assert (cfg.limit_request_line, cfg.limit_request_fields) == (4094, 50)
    assert cfg.limit_request_field_size == 8190
    assert (cfg.accesslog, cfg.errorlog) == ("-", "-")
    assert cfg.logger_class is module["RedactingLogger"]
    assert cfg.wsgi_app == "vve.web:create_app()"
    assert cfg.control_socket_disable is True


def test_every_plain_value_in_the_file_is_a_gunicorn_setting(load_conf):
    """Gunicorn ignores unknown names silently: a typo (max_request) would do nothing."""
    conf = load_conf()
    names = {
        name
        for name, value in conf.module.items()
        if name.islower()
        and not name.startswith("_")
        and not callable(value)
        and not isinstance(value, type(logging))
    }
    assert names and names <= set(conf.cfg.settings), names - set(conf.cfg.settings)


def test_the_environment_sets_bind_workers_timeout_and_the_proxy(load_conf):
    cfg = load_conf(
        VVE_BIND="0.0.0.0:8000, unix:/run/vve/gunicorn.sock",
        VVE_WORKERS="3",
        VVE_TIMEOUT="45",
        VVE_FORWARDED_ALLOW_IPS="10.0.0.5",
        VVE_WORKER_TMP_DIR="/dev/shm",
    ).cfg
    assert cfg.bind == ["0.0.0.0:8000", "unix:/run/vve/gunicorn.sock"]
    assert (cfg.workers, cfg.timeout) == (3, 45)
    assert cfg.forwarded_allow_ips == ["10.0.0.5"]
    assert cfg.worker_tmp_dir == "/dev/shm"


@pytest.mark.parametrize("value", ["drie", "0", "1000", "2.5"])
def test_a_wrong_worker_count_stops_gunicorn_with_the_settings_name(load_conf, value):
    with pytest.raises(SystemExit, match="VVE_WORKERS"):
        load_conf(VVE_WORKERS=value)


def test_the_default_worker_count_is_two_per_cpu_plus_one_capped(load_conf):
    default_workers = load_conf().module["default_workers"]
    assert [default_workers(n) for n in (1, 2, 3, 4, 64)] == [3, 5, 7, 8, 8]


@given(PREFIX, PUBLIC_ID, SEPARATOR, TOKEN, st.sampled_from(["", "/meer", "?lang=en", "#x"]))
def test_a_token_after_the_public_id_never_survives(
    load_conf_once, prefix, public_id, sep, token, tail
):
    assume(token not in public_id)
    redact = load_conf_once["redact"]
    path = f"{prefix}{public_id}{sep}{token}{tail}"
    for line in (
        f"GET {path} HTTP/1.1",
        f"https://warmteplan.example.nl{path}",
        f"Exception on {path} [GET]",
        f'"{path}"',
    ):
        cleaned = redact(line)
        assert token not in cleaned
        assert f"{public_id}" in cleaned and "[redacted]" in cleaned


@given(PREFIX, st.text(TOKEN_ALPHABET, min_size=33, max_size=64))
def test_a_token_in_place_of_the_public_id_is_removed_whole(load_conf_once, prefix, token):
    assert load_conf_once["redact"](f"GET {prefix}{token} HTTP/1.1") == (
        f"GET {prefix}[redacted] HTTP/1.1"
    )


@given(st.text(max_size=200))
def test_text_without_a_private_link_is_left_alone(load_conf_once, text):
    assume("toegang" not in text.lower())
    assert load_conf_once["redact"](text) == text


@pytest.mark.parametrize(
    "path", ["/toegang/AbC123_-xyz", "/toegang/AbC123_-xyz/", "/d/AbC123_-xyz/stap/vve", "/"]
)
def test_links_without_a_token_are_logged_as_they_are(load_conf_once, path):
    assert load_conf_once["redact"](f"GET {path} HTTP/1.1") == f"GET {path} HTTP/1.1"


class _Response:
    status = "302 FOUND"
    headers = [("Location", "/d/AbC123/stap/vve"), ("X-Request-ID", "req-42")]
    sent = 235


def _access_line(conf: LoadedConfig, user_agent: str = "Mozilla/5.0") -> str:
    logger = conf.cfg.logger_class(conf.cfg)
    stream = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(stream)]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/toegang/AbC123/geheim-token-123456",
        "PATH_INFO": "/toegang/AbC123/geheim-token-123456",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": "https://x.nl/toegang/AbC123/geheim-token-123456",
        "HTTP_USER_AGENT": user_agent,
    }
    headers = [("REFERER", environ["HTTP_REFERER"]), ("USER-AGENT", user_agent)]
    request = type("Request", (), {"headers": headers})()
    logger.access(_Response(), request, environ, dt.timedelta(milliseconds=12))
    return stream.getvalue()


def test_the_access_log_line_is_redacted_and_carries_the_request_id(load_conf):
    line = _access_line(load_conf())
    assert "geheim-token" not in line
    assert line.startswith("192.0.2.7 req-42 [")
    assert '"GET /toegang/AbC123/[redacted] HTTP/1.1" 302 235 12ms' in line
    assert '"https://x.nl/toegang/AbC123/[redacted]" "Mozilla/5.0"' in line


def test_an_operators_own_format_is_redacted_and_escaped_too(load_conf):
    """Only the fields a line uses are redacted and escaped (a request has about 45): so
    a format with other fields, a request header among them, must get them cleaned too."""
    conf = load_conf()
    conf.cfg.set("access_log_format", '%(U)s "%({Referer}i)s" %({x-missing}i)s %(a)s')
    line = _access_line(conf, user_agent='x"\nforged')
    assert (
        line
        == '/toegang/AbC123/[redacted] "https://x.nl/toegang/AbC123/[redacted]" - x\\x22\\x0aforged\n'
    )


def test_a_crafted_header_cannot_forge_a_log_line(load_conf):
    line = _access_line(load_conf(), user_agent='x" 200 "evil\n127.0.0.1 - forged\x1b[31m')
    assert line.count("\n") == 1 and "\x1b" not in line
    assert '\\x22 200 \\x22evil\\x0a127.0.0.1 - forged\\x1b[31m"' in line


def test_the_json_access_log_is_one_object_a_line(load_conf):
    line = _access_line(load_conf(VVE_LOG_FORMAT="json"), user_agent='quote " and \n newline')
    record = json.loads(line)
    assert record["path"] == "/toegang/AbC123/[redacted]"
    assert record["referrer"] == "https://x.nl/toegang/AbC123/[redacted]"
    assert (record["status"], record["request_id"], record["duration_ms"]) == (302, "req-42", 12)
    assert record["user_agent"] == 'quote " and \n newline' and line.count("\n") == 1


def test_error_log_records_are_redacted_too(load_conf):
    module = load_conf().module
    record = logging.LogRecord(
        "gunicorn.error",
        logging.ERROR,
        __file__,
        1,
        "Invalid request %s",
        ("/toegang/Ab/sec-ret-token",),
        None,
    )
    assert module["RedactFilter"]().filter(record) is True
    assert record.getMessage() == "Invalid request /toegang/Ab/[redacted]"


def test_the_workers_hook_logs_the_apps_info_events_through_the_filter(load_conf, monkeypatch):
    module = load_conf().module
    app_logger = logging.getLogger("vve")
    monkeypatch.setattr(app_logger, "level", logging.NOTSET)
    monkeypatch.setattr(app_logger, "handlers", [])
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    module["post_worker_init"](None)
    assert app_logger.level == logging.INFO
    (handler,) = app_logger.handlers
    assert any(isinstance(f, module["RedactFilter"]) for f in handler.filters)
    module["post_worker_init"](None)  # idempotent
    assert len(app_logger.handlers) == 1 and len(handler.filters) == 1


def test_the_master_freezes_the_preloaded_app_out_of_the_collector(load_conf):
    """A worker's collections neither walk nor copy (copy-on-write) what start-up loaded."""
    import gc

    conf = load_conf()
    assert conf.cfg.preload_app
    gc.unfreeze()
    try:
        conf.module["when_ready"](None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
