"""A theme's resource chooser opens at the theme: its resources are its child pages.

Wagtail's page chooser opens at the chosen page's parent, and with nothing chosen at the
nearest common ancestor of every page of the types it offers (for resources, "Våld", above
all themes). Its browser script sends the parent only when a page is chosen, so the start
is given by the chooser's address instead (`get_chooser_modal_url`, a documented widget
method): an admin address of this app that forwards to Wagtail's chooser at the theme, or,
when the script appends a chosen page's parent to it, at that parent, as Wagtail would.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail.admin.panels import InlinePanel
from wagtail.admin.widgets import AdminPageChooser


class ResourceChooser(AdminPageChooser):
    def __init__(self, *, start_page_id: int, **kwargs):
        super().__init__(**kwargs)
        self.start_page_id = start_page_id

    def get_chooser_modal_url(self):
        return reverse("guidance_choose_resource", args=[self.start_page_id])


class ResourcesPanel(InlinePanel):
    """The theme's resource list; each entry's page chooser starts at the theme (a theme
    being created: at the page it is created under)."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None:
                return
            start = self.instance.pk or getattr(self.form, "parent_page", None)
            start_id = getattr(start, "pk", start)
            if not start_id:
                return
            for form in [*self.formset.forms, self.empty_child.form]:
                field = form.fields["page"]
                usual = field.widget
                field.widget = ResourceChooser(
                    start_page_id=start_id,
                    target_models=usual.target_models,
                    can_choose_root=usual.can_choose_root,
                    user_perms=usual.user_perms,
                    attrs=usual.attrs,
                )


def choose_resource(request, start_page_id: int, parent_page_id: int | None = None):
    """Wagtail's page chooser at the theme, or at the chosen page's parent, with the
    chooser's own parameters (page types, search)."""
    url = reverse("wagtailadmin_choose_page_child", args=[parent_page_id or start_page_id])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


urlpatterns = [
    path("choose-resource/<int:start_page_id>/", choose_resource, name="guidance_choose_resource"),
    path(
        "choose-resource/<int:start_page_id>/<int:parent_page_id>/",
        choose_resource,
        name="guidance_choose_resource_at",
    ),
]
