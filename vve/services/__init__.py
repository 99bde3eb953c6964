"""The use cases of the web app: verb-named functions, one module per area.

The only layer that commits. Views parse input, call one function here and render or
redirect; the pure core (profile, knowledge, rules) and the Word writer never import
this package. Dependencies between the modules point one way (docs/architecture.md):

    audit, areas, passwords, sessions (no service imports; sessions: server-side logins)
    throttle     -> audit             (failed logins per address and account)
    accounts     -> audit, passwords, sessions, throttle
    second_factor -> accounts, audit, sessions, throttle
    logins       -> accounts, audit, second_factor, sessions, throttle
    maintainers  -> audit             (who maintains which municipality)
    plans        -> areas, audit, house_style
    summaries    -> plans
    dossiers     -> audit, summaries
    sharing      -> audit, dossiers
    municipal    -> audit, maintainers, summaries
    municipal_csv -> areas, maintainers, municipal
    house_style  -> audit
    dashboard                         (queries)
"""
