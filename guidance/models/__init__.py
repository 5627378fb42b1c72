"""The page tree of guidance: the start page, sections, themes and their resources."""

from guidance.models.accessibility import AccessibilityFeedbackField, AccessibilityStatementPage
from guidance.models.pages import HomePage, SectionPage, StandardPage, ThemeIndexPage
from guidance.models.resources import (
    DocumentResourcePage,
    PodcastEpisodePage,
    ResourceCard,
    ResourceKind,
    ResourcePage,
    SupportServiceAgency,
    SupportServicePage,
    WebCoursePage,
)
from guidance.models.snippets import Hotline
from guidance.models.themes import ThemePage, ThemeResource

__all__ = [
    "AccessibilityFeedbackField",
    "AccessibilityStatementPage",
    "DocumentResourcePage",
    "HomePage",
    "Hotline",
    "PodcastEpisodePage",
    "ResourceCard",
    "ResourceKind",
    "ResourcePage",
    "SectionPage",
    "StandardPage",
    "SupportServiceAgency",
    "SupportServicePage",
    "ThemeIndexPage",
    "ThemePage",
    "ThemeResource",
    "WebCoursePage",
]
