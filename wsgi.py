"""WSGI entry point (gunicorn wsgi:app).

The Flask wizard arrives with the web issue; until then this answers every request
with a plain Dutch notice, so a deployment never shows a server error.
"""


def app(environ, start_response):
    body = ("VvE Warmteplan: de webwizard is nog niet beschikbaar. "
            "Gebruik intussen de opdracht 'vve plan PROFIEL.json'.\n").encode("utf-8")
    start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                               ("Content-Length", str(len(body)))])
    return [body]
