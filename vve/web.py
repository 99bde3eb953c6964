"""The Flask application factory: wiring only."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, current_app, session

from . import resources
from .config import load_config
from .extensions import attach_migrate, babel, csrf, db

# The languages a reader can choose, and the locale that writes each one's dates and
# numbers: English in the British order ("25 February 2027"), as a Dutch reader expects
# of English, not the American ("February 25, 2027"). The catalog is en's for both.
LOCALES = {"nl": "nl", "en": "en_GB"}


def select_locale() -> str:
    return LOCALES.get(session.get("lang", "nl"), "nl")


def favicon() -> Response:
    """Browsers and tools ask for /favicon.ico whatever a page links (base.html links the
    SVG): the same icon as an ICO, so that no request ends in a 404. Read whole, a few
    kilobytes, so that no open file waits on the response being closed."""
    icon = Path(current_app.static_folder or "") / "favicon.ico"
    return Response(
        icon.read_bytes(),
        mimetype="image/vnd.microsoft.icon",
        headers={"Cache-Control": "public, max-age=86400"},
    )


# For the operator's commands (``vve migrate``, ``vve create-user``, …): they serve no
# request, so production's host names (VVE_TRUSTED_HOSTS) are not asked of their shell.
OFFLINE: dict[str, list[str]] = {"TRUSTED_HOSTS": []}


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        "vve",
        template_folder=str(resources.TEMPLATES),
        static_folder=str(resources.STATIC),
        instance_relative_config=True,
    )
    # The instance folder is made only when something is kept there (config.py): an installed
    # wheel's is <venv>/var/vve-instance, which a server's user may not be allowed to create.
    app.config.update(load_config(app.instance_path, test_config))
    from . import logs

    logs.init_app(app)  # first: its request id and timer start before any other hook
    if app.config.get("PROXY_FIX"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        # behind one reverse proxy: the private link must carry the public host and https
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    db.init_app(app)
    attach_migrate(app, str(resources.MIGRATIONS))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from . import database, errors, filters, reads, request_limits, security, session_end
    from .advisors.account import bp as account_bp
    from .advisors.admin import bp as admin_bp
    from .advisors.auth import bp as auth_bp
    from .advisors.views import bp as advisor_bp
    from .health import bp as health_bp
    from .wizard import presenters
    from .wizard.access import bp as access_bp
    from .wizard.board_views import bp as board_bp
    from .wizard.meeting_views import bp as meetings_bp
    from .wizard.plan_views import bp as plan_bp
    from .wizard.views import bp as wizard_bp

    security.init_app(app)
    request_limits.init_app(app)
    errors.init_app(app)
    reads.init_app(app)
    filters.init_app(app)
    presenters.init_app(app)
    # last: its after_request runs first, so the others see a restored form's GET as a GET
    session_end.init_app(app)
    app.register_blueprint(wizard_bp)
    app.register_blueprint(access_bp)
    app.register_blueprint(plan_bp)
    app.register_blueprint(board_bp)
    app.register_blueprint(meetings_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(advisor_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(health_bp)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    database.init_app(app)
    return app
