"""Which guidance fields have a column per language (wagtail-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from guidance import models


@register(models.HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(models.SectionPage)
class SectionPageTR(TranslationOptions):
    fields = ("intro",)


@register(models.StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body", "change_note")


@register(models.ThemeIndexPage)
class ThemeIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(models.ThemePage)
class ThemePageTR(TranslationOptions):
    fields = ("lead", "body", "change_note")


@register(models.ThemeResource)
class ThemeResourceTR(TranslationOptions):
    fields = ("external_url", "external_title", "external_summary")


@register(models.Hotline)
class HotlineTR(TranslationOptions):
    fields = ("name", "opening_hours", "outside_hours")


@register(models.SupportServicePage)
class SupportServicePageTR(TranslationOptions):
    fields = (
        "summary",
        "lead_agency",
        "hotline_prompt",
        "website",
        "website_label",
        "audience",
        "offers",
        "change_note",
    )


@register(models.SupportServiceAgency)
class SupportServiceAgencyTR(TranslationOptions):
    fields = ("name",)


@register(models.DocumentResourcePage)
class DocumentResourcePageTR(TranslationOptions):
    fields = (
        "summary",
        "subtitle",
        "cover_alt_text",
        "publisher",
        "publisher_url",
        "publisher_link_text",
        "change_note",
    )


@register(models.PodcastEpisodePage)
class PodcastEpisodePageTR(TranslationOptions):
    fields = (
        "summary",
        "series",
        "publisher",
        "listen_url",
        "listen_link_text",
        "transcript",
        "change_note",
    )


@register(models.WebCoursePage)
class WebCoursePageTR(TranslationOptions):
    fields = ("summary", "provider", "audience", "course_url", "course_link_text", "change_note")


@register(models.AccessibilityStatementPage)
class AccessibilityStatementPageTR(TranslationOptions):
    fields = (
        "intro",
        "non_accessible_content",
        "assessment_text",
        "feedback_text",
        "thank_you_text",
        "subject",
    )


@register(models.AccessibilityFeedbackField)
class AccessibilityFeedbackFieldTR(TranslationOptions):
    fields = ("label", "help_text")
