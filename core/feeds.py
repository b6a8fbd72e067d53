"""The site's Atom feeds (RFC 4287): in the reader's language, with ids that outlive titles and addresses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language

# The date in every id (RFC 4151 tag URIs): a day on which the project held its public host name. Never change
# it, nor SITE_URL's host once the site is public: every id would change, and readers would show every entry
# again as new.
TAG_DATE = "2026-11-25"


def tag_uri(*parts) -> str:
    """A permanent id such as tag:example.org,2026-11-25:news/7/uk. It is minted on the public host (SITE_URL),
    not on the host a request came through, so that every instance and proxy gives an entry the same id."""
    return f"tag:{urlsplit(settings.SITE_URL).hostname},{TAG_DATE}:" + "/".join(str(part) for part in parts)


class LanguageAtomFeed(Atom1Feed):
    """Atom 1.0 with what Django's generator leaves out: an entry in another language than the feed's says so
    (xml:lang); a plain-text summary (`summary_text`) beside the HTML content (`content_html`), where Django would
    write its description as an HTML summary; and a base for the links by path inside that HTML."""

    def root_attributes(self):
        # Links in entries' HTML are by path ("/uk/conference/…"); xml:base says against what, also for readers
        # that keep an entry apart from the feed it came in.
        return {**super().root_attributes(), "xml:base": self.feed["feed_url"]}

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("summary_text"):
            handler.addQuickElement("summary", item["summary_text"], {"type": "text"})
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class SiteFeed(Feed):
    """What every feed of the site shares. The request's language (the address's prefix) is the feed's: its
    xml:lang (Django's Feed takes get_language() when `language` is unset), its title and subtitle, and its
    author, the site, named as that language names it; Atom wants an author for every entry, and the site
    writes them all."""

    feed_type = LanguageAtomFeed
    author_name = settings.SITE_NAME
    feed_name = ""  # the feed in ids: "news" gives tag:…:feeds/news/pl
    entry_name = ""  # an entry in ids: "news" gives tag:…:news/<pk>/pl

    def feed_guid(self):
        return tag_uri("feeds", self.feed_name, get_language())

    def item_guid(self, item):
        # The row's key, so that a new title, slug or address keeps the id; and the feed's language, so that the
        # same news in two language feeds has two ids. RFC 4287 (4.1.1, 4.2.6) reads entries with one id as one
        # entry, revisions of each other: an aggregator or a reader who follows two languages would keep only one
        # of the translations. An entry shown in a fallback language keeps its id when its own translation comes,
        # as a revision, which is what it is for the reader of that feed.
        return tag_uri(self.entry_name, item.pk, get_language())

    def item_description(self, item):
        return None  # the summary and content come from item_extra_kwargs, each with its right type
