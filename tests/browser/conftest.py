"""Debian's headless Chromium, driven by Playwright, with the network cut off; pages to open in it.

One browser and two contexts (with and without the pages' Content-Security-Policy) serve the
whole session; each visit is a new page that records every request and console message. Only
``file:`` URLs are let through: anything else is aborted and recorded, and the browser itself
resolves no host name and has a proxy that leads nowhere. Screenshots go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Route,
    sync_playwright,
)

from kg.build import build_folder
from kg.cli import main
from tests.conftest import ROOT, TESTS

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "browser"
XSS_DATA = TESTS / "data" / "xss"
OFFLINE = [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--disable-background-networking", "--disable-component-update", "--no-first-run",
]
READY = "body[data-ready=true]"
"""What a graph page sets once vis-network has laid it out and the physics is off."""


@dataclass
class Visit:
    """One page opened in its own browser context, with what it asked for and logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Every request for anything but a local file."""
        return [url for url in self.requests if not url.startswith("file://")]

    def node_point(self, node: str) -> dict[str, float]:
        """Where a node is drawn, in page coordinates, for the mouse."""
        return self.page.evaluate(
            """(id) => {
                const at = kgView.domPosition(id);
                const box = document.getElementById("graph").getBoundingClientRect();
                return {x: box.left + at.x, y: box.top + at.y};
            }""", node)

    def details(self) -> str:
        """The text of the details panel."""
        return self.page.inner_text("#details-body")

    def screenshot(self, name: str) -> None:
        """Keep a picture of the page as a test artifact."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, without a network."""
    assert CHROMIUM.exists(), "Debian's chromium is missing: tests/run.sh installs it (apt-get install)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=OFFLINE)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def contexts(browser: Browser) -> Iterator[dict[bool, BrowserContext]]:
    """Two browser contexts, with and without the pages' Content-Security-Policy; only files load."""
    made = {}
    for csp in (True, False):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=not csp)
        context.route("**/*", _files_only)
        made[csp] = context
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def open_page(contexts: dict[bool, BrowserContext]) -> Iterator:
    """``open_page(path, csp=True)`` → a ``Visit`` of that file, waiting until the graph is drawn."""
    pages: list[Page] = []

    def visit(path: Path, csp: bool = True, wait_for: str | None = READY) -> Visit:
        page = contexts[csp].new_page()
        pages.append(page)
        seen = Visit(page)
        page.on("request", lambda request: seen.requests.append(_url(request)))
        page.on("console", lambda message: _log_error(seen, message))
        page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
        page.goto(path.as_uri())
        if wait_for:
            page.wait_for_selector(wait_for, state="attached", timeout=30_000)
        return seen

    yield visit
    for page in pages:
        page.close()


def _files_only(route: Route) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort("internetdisconnected")


def _url(request: Request) -> str:
    return request.url


def _log_error(visit: Visit, message: ConsoleMessage) -> None:
    if message.type in ("error", "assert"):
        visit.errors.append(f"console {message.type}: {message.text}")


def write_pages(store: Path, out: Path, *commands: list[str]) -> None:
    """Run ``kg viz`` commands as a user would, writing into ``out``."""
    for command in commands:
        result = CliRunner().invoke(main, ["--store", str(store), "viz", *command, "--out", str(out)])
        assert result.exit_code == 0, result.output


SEED_VIEWS = {
    "coauthors": ["coauthors", "--max-nodes", "30"],
    "person-sanjeev-arora": ["person", "Sanjeev Arora"],
    "event-recorded-talks-machine-learning": ["event", "Recorded Talks: Machine Learning"],
    "lineage-jason-lee": ["lineage", "Jason Lee"],
    "suggest-alg-ml-seminar": ["suggest", "Princeton Alg-ML Seminar", "--top", "8"],
}
"""One page of each kind from the seed store, by the file stem ``kg viz`` gives it."""


@pytest.fixture(scope="session")
def seed_pages(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one page of each view of the seed graph, and its index."""
    out = tmp_path_factory.mktemp("seed-viz")
    write_pages(seed_store_path, out, *SEED_VIEWS.values())
    return out


@pytest.fixture(scope="session")
def xss_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page ``kg viz all`` draws from tests/data/xss, whose names and titles hold markup."""
    root = tmp_path_factory.mktemp("xss")
    build_folder(XSS_DATA, root / "store", imports=False)
    write_pages(root / "store", root / "viz", ["all"])
    return root / "viz"


VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
"""The two screens the site is tested on: a laptop and a phone."""


@pytest.fixture(scope="session")
def screens(browser: Browser) -> Iterator[dict[tuple[str, bool], BrowserContext]]:
    """A context per screen (desktop, phone), with and without the pages' Content-Security-Policy."""
    made = {}
    for screen, viewport in VIEWPORTS.items():
        for csp in (True, False):
            phone = screen == "phone"
            context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone,
                                          device_scale_factor=1, bypass_csp=not csp)
            context.route("**/*", _files_only)
            made[screen, csp] = context
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def open_site_page(screens: dict[tuple[str, bool], BrowserContext]) -> Iterator:
    """``open_site_page(path, screen="desktop", csp=True)`` → a ``Visit``, once the page is ready."""
    pages: list[Page] = []

    def visit(path: str, screen: str = "desktop", csp: bool = True, ready: bool = True) -> Visit:
        page = screens[screen, csp].new_page()
        pages.append(page)
        seen = Visit(page)
        page.on("request", lambda request: seen.requests.append(_url(request)))
        page.on("console", lambda message: _log_error(seen, message))
        page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
        page.goto(path)
        if ready and page.query_selector("#graph, #search-results"):
            page.wait_for_selector(READY, state="attached", timeout=60_000)
        return seen

    yield visit
    for page in pages:
        page.close()


def write_site(store: Path, out: Path) -> None:
    """Run ``kg site`` as a user would."""
    result = CliRunner().invoke(main, ["--store", str(store), "site", "--out", str(out)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def colt_site(colt_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the bundled data (seed documents and COLT 2011-2024)."""
    out = tmp_path_factory.mktemp("colt-site") / "site"
    write_site(colt_store_path, out)
    return out


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of tests/data/xss, whose names and titles hold markup and script."""
    root = tmp_path_factory.mktemp("xss-site")
    build_folder(XSS_DATA, root / "store", imports=False)
    write_site(root / "store", root / "site")
    return root / "site"
