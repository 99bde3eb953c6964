"""VvE Warmteplan: a staged plan of approach to take an apartment building off natural gas."""

__version__ = "0.1.0"
