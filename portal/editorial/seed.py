"""The editorial set-up the seed command makes: groups, their permissions, the workflow."""

from portal.editorial import workflow


def run(command) -> None:
    workflow.ensure_groups()


def link(command) -> None:
    """After the page tree exists: page permissions and the workflow on the start page."""
    workflow.ensure_on_start_page()
