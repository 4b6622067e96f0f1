"""The staff views of the competency framework use the shared form and action loop."""

from cocade.core.viewflow import (
    FORM_TEMPLATE,
    forbidden,
    form_methods,
    form_view,
    posted,
    run_action,
)

__all__ = ["FORM_TEMPLATE", "forbidden", "form_methods", "form_view", "posted", "run_action"]
