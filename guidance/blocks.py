"""The deliberate, small set of StreamField blocks for guidance text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        form_classname = "title"


class CalloutBlock(blocks.StructBlock):
    """A boxed passage: what to do, who to call. Not for decoration."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    callout = CalloutBlock()


class HotlineBlock(SnippetChooserBlock):
    """A hotline snippet, rendered by the one shared hotline template."""

    def __init__(self, **kwargs):
        super().__init__("guidance.Hotline", **kwargs)

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline")
        template = "blocks/hotline_block.html"


class ThemeBodyBlock(BodyBlock):
    hotline = HotlineBlock()
