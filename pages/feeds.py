"""An Atom feed whose entries carry their own language (xml:lang) when it differs from the feed's."""

from django.utils.feedgenerator import Atom1Feed


class LanguageAtomFeed(Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes
