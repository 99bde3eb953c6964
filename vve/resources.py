"""Where the app's non-code files are: templates, static files, catalogs, migrations, examples.

The repository keeps them at the top level (``templates/``, ``static/``, ``translations/``,
``migrations/``, ``examples/``), beside the ``vve`` package. A wheel can only carry files
inside a package, so the build (``setup.py``'s ``build_py``) copies them into
``vve/_resources/`` and compiles the catalogs (``.po`` to ``.mo``) on the way. One root
serves the three ways the code runs:

- installed wheel: ``vve/_resources/`` sits next to this file; everything comes from there,
  and the catalogs are already compiled (``PACKAGED`` is true);
- editable install (``pip install -e .``, the README's commands): ``vve`` is imported from
  the checkout's own ``vve/`` folder, which has no ``_resources``; the root is the checkout,
  so an edited template shows at once and ``vve serve`` compiles the catalogs in place;
- running from the checkout without installing (``python -m vve.cli`` with the checkout on
  the path): the same as the editable install.

Flask, Flask-Babel and Alembic want real directories, not ``importlib.resources``
traversables; pip always unpacks a wheel, so the package path is a real directory and
``Path(__file__)`` is all that is needed (a zipped install is not supported).

Nothing here imports Flask: the engine commands use ``EXAMPLES`` too.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_BUNDLED = PACKAGE / "_resources"

#: True in an installed wheel: resources are read-only package data, catalogs prebuilt.
PACKAGED = _BUNDLED.is_dir()
ROOT = _BUNDLED if PACKAGED else PACKAGE.parent

TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
TRANSLATIONS = ROOT / "translations"
MIGRATIONS = ROOT / "migrations"
EXAMPLES = ROOT / "examples"
