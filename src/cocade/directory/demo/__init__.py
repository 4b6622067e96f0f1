"""The demo data set: the network, its service themes, centres, partners, people and one
demo account per role. Load it with `cocade demo`; running it again changes nothing."""

from cocade.directory.demo.loader import (
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    DemoAccount,
    DemoResult,
    demo_counts,
    load_demo,
)

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_TOTP_SECRET",
    "DemoAccount",
    "DemoResult",
    "demo_counts",
    "load_demo",
]
