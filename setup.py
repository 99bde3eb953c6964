"""Build hook: the top-level resource folders go into the wheel as ``vve/_resources/``.

The repository keeps ``templates/``, ``static/``, ``translations/``, ``migrations/`` and
``examples/`` beside the package, where developers expect them; a wheel carries only files
inside a package. So ``build_py`` copies those folders into the built ``vve`` package and
compiles the catalogs there (``babel`` is a build requirement in ``pyproject.toml``; ``.mo``
files are not in git). ``vve/resources.py`` finds them in either place. An editable install
copies nothing: it reads the checkout's folders. Everything else is in ``setup.cfg``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
COPIED = ("templates", "static", "migrations", "examples")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.py[co]", "README*")


def compile_catalogs(source: Path, target: Path) -> None:
    """Each ``<locale>/LC_MESSAGES/messages.po`` under source as ``.mo`` under target.

    The same conversion as ``vve.i18n.compile_catalogs`` (which a build cannot import).
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        locale = po_path.parent.parent.name
        mo_path = target / locale / "LC_MESSAGES" / "messages.mo"
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "vve" / "_resources"
        shutil.rmtree(target, ignore_errors=True)  # nothing stale from an earlier build
        for name in COPIED:
            shutil.copytree(HERE / name, target / name, ignore=SKIPPED)
        compile_catalogs(HERE / "translations", target / "translations")


setup(cmdclass={"build_py": BuildPyWithResources})
