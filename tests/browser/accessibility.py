"""The accessibility check every browser test runs on every page it visits."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now and fail on any violation.

    axe runs every rule it has, WCAG 2.2 A/AA and best practice alike: a
    violation is a fault to fix in the template, not to exclude here.
    """
    results = _axe.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
