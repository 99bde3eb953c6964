"""WSGI entry point: ``gunicorn wsgi:app`` (production needs SECRET_KEY and VVE_ENV=production)."""

from vve.web import create_app

app = create_app()
