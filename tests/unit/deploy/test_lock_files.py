"""requirements/deploy.txt and build.txt, the hashed lock files the image and the systemd
route install from: every requirement of the package is pinned there, to a version that
satisfies it, with hashes, so that the lock and setup.cfg cannot drift apart silently.
Refresh with `make lock` (docs/deploy.md)."""

from __future__ import annotations

import configparser
import re
import tomllib
from importlib.metadata import requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[3]
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s\\;]+)")


def _lock(name: str) -> dict[str, tuple[Version, int]]:
    """{canonical name: (pinned version, number of hashes)} of a pip-compile output."""
    pins: dict[str, tuple[Version, int]] = {}
    current = None
    for line in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            current = canonicalize_name(match["name"])
            assert current not in pins, f"{current} pinned twice in {name}"
            pins[current] = (Version(match["version"]), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
        elif line.strip() and not line.lstrip().startswith("#"):
            assert line.startswith(" "), f"{name}: a line that pins nothing exactly: {line!r}"
    return pins


def _runtime_requirements() -> list[Requirement]:
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = setup["options"]["install_requires"].strip().splitlines()
    return [Requirement(line.strip()) for line in lines if line.strip()]


@pytest.mark.parametrize("name", ["deploy.txt", "build.txt"])
def test_every_line_is_an_exact_pin_with_hashes(name):
    pins = _lock(name)
    assert pins
    assert not {n: h for n, (_v, h) in pins.items() if h == 0}, "pins without a hash"


def test_every_runtime_requirement_is_pinned_to_a_version_it_allows():
    pins = _lock("deploy.txt")
    for requirement in _runtime_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is missing from requirements/deploy.txt"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), (
            f"requirements/deploy.txt pins {name}=={pins[name][0]}, setup.cfg wants {requirement}"
        )


def test_the_extras_asked_for_are_pinned_too():
    """psycopg[binary] needs psycopg-binary: the extra's own requirements are in the lock."""
    pins = _lock("deploy.txt")
    for requirement in _runtime_requirements():
        for extra in requirement.extras:
            wanted = [
                Requirement(r)
                for r in requires(requirement.name) or []
                if Requirement(r).marker and Requirement(r).marker.evaluate({"extra": extra})
            ]
            assert wanted, f"{requirement.name}[{extra}] asks for nothing?"
            missing = [str(r) for r in wanted if canonicalize_name(r.name) not in pins]
            assert not missing, f"{requirement.name}[{extra}] needs {missing}"


def test_the_server_and_the_postgresql_driver_are_in_the_deployment():
    assert {"gunicorn", "psycopg", "psycopg-binary"} <= set(_lock("deploy.txt"))


def test_the_build_lock_covers_the_build_system():
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = _lock("build.txt")
    for line in build["build-system"]["requires"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is missing from requirements/build.txt"
        assert requirement.specifier.contains(pins[name][0], prereleases=True)
