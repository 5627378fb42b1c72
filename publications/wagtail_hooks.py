"""The catalogue in the Wagtail admin: publications, topics, types and organisations."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from publications import languages
from publications.models import Organisation, Publication, PublicationType, Topic


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


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "slug"]


class PublicationsGroup(SnippetViewSetGroup):
    menu_label = _("Publications")
    menu_icon = "doc-full"
    menu_order = 250
    items = (PublicationViewSet, TopicViewSet, PublicationTypeViewSet, OrganisationViewSet)


register_snippet(PublicationsGroup)
