"""The catalogue in the Wagtail admin: publications, topics, types and organisations."""

from __future__ import annotations

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from publications import languages
from publications.models import Organisation, Publication, PublicationType, Topic
from publications.reports import NothingToReadReportView


class PublicationFilterSet(WagtailFilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), field_name="topics", queryset=Topic.objects.all()
    )
    publication_type = django_filters.ModelChoiceFilter(
        label=_("Type"), queryset=PublicationType.objects.all()
    )
    year = django_filters.NumberFilter(label=_("Year"))
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="language_versions__language",
        choices=languages.LANGUAGES,
        distinct=True,
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        field_name="author_links__organisation",
        queryset=Organisation.objects.all(),
        distinct=True,
    )

    class Meta:
        model = Publication
        fields: list[str] = []


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full"
    menu_label = _("Publications")
    menu_order = 100
    list_display = [
        "title",
        "year",
        "publication_type",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_per_page = 50
    filterset_class = PublicationFilterSet
    ordering = ["-year", "sort_key_sv"]
    copy_view_enabled = True

    def get_queryset(self, request):
        return Publication.objects.select_related("publication_type")


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]


class PublicationTypeViewSet(SnippetViewSet):
    model = PublicationType
    icon = "list-ul"
    menu_label = _("Publication types")
    list_display = ["name", "slug"]


class OrganisationCreationForm(WagtailAdminModelForm):
    """The organisation chooser's "create" tab: a new author without leaving the
    publication's form. The slug, if left empty, is made from the Swedish name (ASCII)."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name_sv", "name_en", "slug", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_sv"].required = True
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make it from the Swedish name.")

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"] or slugify(self.cleaned_data.get("name_sv") or "")


class OrganisationCreateView(SnippetCreateView):
    def save_form(self, form):
        organisation = super().save_form(form)
        log(instance=organisation, action="wagtail.create", user=self.request.user)
        return organisation


class OrganisationChooserViewSet(SnippetChooserViewSet):
    creation_form_class = OrganisationCreationForm
    create_view_class = OrganisationCreateView
    creation_tab_label = _("New organisation")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "slug"]
    chooser_viewset_class = OrganisationChooserViewSet


class PublicationsGroup(SnippetViewSetGroup):
    menu_label = _("Publications")
    menu_icon = "doc-full"
    menu_order = 250
    items = (PublicationViewSet, TopicViewSet, PublicationTypeViewSet, OrganisationViewSet)


register_snippet(PublicationsGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    prefix = "reports/publications-nothing-to-read/"
    view = NothingToReadReportView
    return [
        path(prefix, view.as_view(), name=view.index_url_name),
        path(
            f"{prefix}results/", view.as_view(results_only=True), name=view.index_results_url_name
        ),
    ]


class NothingToReadMenuItem(MenuItem):
    def is_shown(self, request):
        view = NothingToReadReportView
        return view.permission_policy.user_has_any_permission(
            request.user, view.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return NothingToReadMenuItem(
        _("Publications with nothing to read"),
        reverse(NothingToReadReportView.index_url_name),
        name="publications-nothing-to-read",
        icon_name="doc-full",
        order=103,
    )
