"""The use cases of the web app: verb-named functions, one module per area.

The only layer that commits. Views parse input, call one function here and render or
redirect; the pure core (profile, knowledge, rules) and the Word writer never import
this package. Dependencies between the modules point one way (docs/architecture.md):

    accounts, audit, areas            (no service imports)
    plans        -> areas, audit, house_style
    summaries    -> plans
    dossiers     -> audit, summaries
    sharing      -> audit, dossiers
    municipal    -> areas, summaries
    house_style  -> audit
    dashboard                         (queries)
"""
