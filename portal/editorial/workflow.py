"""Editorial set-up: the editor and reviewer groups and the moderation workflow.

Redaktörer (editors) write and submit; Granskare (reviewers) approve and publish.
The workflow runs on the pages below the start page and on every snippet of the
content apps (settings.CONTENT_APPS) that has workflows (Wagtail's WorkflowMixin).
Idempotent: groups, permissions and the workflow are created once and completed
if something is missing; nothing an administrator added is removed.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Redaktörer"
REVIEWERS = "Granskare"
WORKFLOW = "Granskning"
TASK = "Granskning av publicering"

# Snippets editors keep: (app_label, model) → editors may add and change them.
SNIPPETS = [
    ("guidance", "hotline"),
    ("publications", "publication"),
    ("publications", "organisation"),
    ("publications", "topic"),
    ("publications", "publicationtype"),
]


def _perm(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _grant(group: Group, *perms: Permission | None) -> None:
    group.permissions.add(*[p for p in perms if p is not None])


def ensure_groups() -> tuple[Group, Group]:
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    access_admin = _perm("wagtailadmin", "access_admin")
    for group in (editors, reviewers):
        _grant(group, access_admin)
        for app_label, model in SNIPPETS:
            _grant(group, *(_perm(app_label, f"{a}_{model}") for a in ("add", "change", "view")))
        root_collection = Collection.get_first_root_node()
        for app_label, codename in (
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ):
            perm = _perm(app_label, codename)
            if perm is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
    for app_label, model in SNIPPETS:
        # Lock and unlock exist only for lockable snippets (publications): an editor may
        # lock what they are working on, a reviewer also lifts another's lock (as on pages).
        _grant(editors, _perm(app_label, f"lock_{model}"))
        _grant(
            reviewers,
            _perm(app_label, f"publish_{model}"),
            _perm(app_label, f"delete_{model}"),
            _perm(app_label, f"lock_{model}"),
            _perm(app_label, f"unlock_{model}"),
        )
    return editors, reviewers


def ensure_page_permissions(editors: Group, reviewers: Group, home: Page) -> None:
    for group, codenames in (
        (editors, ("add_page", "change_page")),
        (reviewers, ("add_page", "change_page", "publish_page", "unlock_page")),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_perm("wagtailcore", codename)
            )


def ensure_workflow(reviewers: Group, home: Page) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
        task.groups.add(reviewers)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    ensure_snippet_workflows(workflow)
    return workflow


def workflow_snippet_models() -> list[type]:
    """The content apps' snippets with workflows (non-page WorkflowMixin models)."""
    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page)
    ]


def ensure_snippet_workflows(workflow: Workflow) -> None:
    """The workflow on each such snippet type that has none yet (one per type in Wagtail)."""
    for model in workflow_snippet_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def ensure_on_start_page() -> None:
    """Page permissions and the workflow on the default site's start page, once it exists."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    editors, reviewers = ensure_groups()
    ensure_page_permissions(editors, reviewers, site.root_page)
    ensure_workflow(reviewers, site.root_page)
