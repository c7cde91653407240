"""A complaint, after-sales or intervention form as read + the case -> the fill plan.

Controls are found once, here, by their visible label (labels.json); each step carries the
reader's locator, so the content script operates the control without looking for it. Option
values are the option texts the form itself shows.
"""

from .plan import FillError, plan_fill

__all__ = ["FillError", "plan_fill"]
