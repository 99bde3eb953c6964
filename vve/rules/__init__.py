"""The plan engine: pure Python, no web, database or document imports."""

from .plan import PLAN_FORMAT, Plan, build_plan

__all__ = ["PLAN_FORMAT", "Plan", "build_plan"]
