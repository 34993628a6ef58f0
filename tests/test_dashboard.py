"""The dashboard in a real browser (Playwright driving Debian's chromium, headless).

In CI (``CI=true``) a missing chromium fails the test; elsewhere it skips with the reason.
Screenshots go to ``test-artifacts/`` (gitignored) for CI to keep.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright")

import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from marsad import analytics
from marsad.events.tables import cameo_name
from marsad.settings import Settings
from marsad.store import Store
from marsad.web.app import create_app

from .conftest import ROOT
from .test_api import build_store

ARTIFACTS = ROOT / "test-artifacts"
TIMEOUT_MS = 15_000


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        reason = "Debian's chromium is not installed (apt-get install -y chromium fonts-noto-core)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """uvicorn in a thread on a free loopback port, over a store holding examples/articles."""
    store_file = build_store(tmp_path_factory.mktemp("ui") / "examples.duckdb")
    port = free_port()
    config = uvicorn.Config(
        create_app(str(store_file), Settings.default()),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", store_file
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=path, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == [], problems  # no script errors, nothing the CSP had to block


def shot(pg: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"dashboard-{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def article(store_file: Path, source_id: str) -> dict[str, Any]:
    with Store(store_file, read_only=True) as store:
        row = store.query("SELECT id, title FROM articles WHERE source_id = ?", [source_id])[0]
        row["events"] = store.query(
            "SELECT e.idx, s.text FROM events e JOIN sentences s "
            "ON s.article_id = e.article_id AND s.idx = e.sentence WHERE e.article_id = ? "
            "ORDER BY e.idx",
            [row["id"]],
        )
    return row


def test_article_view_rtl_highlights_and_evidence(server: tuple[str, Path], page: Page) -> None:
    base, store_file = server
    ex1 = article(store_file, "ex-001-diplomacy")
    page.goto(f"{base}/ui/articles/{ex1['id']}")
    expect(page.locator("h1")).to_have_text(ex1["title"])
    text = page.locator(".article-text")
    expect(text).to_contain_text("سامح شكري")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.locator(".article-text .ent").count() >= 5
    marks = page.locator(".article-text a.ev")
    # four events; the agreement coded both ways shares one trigger, so three marks at least
    assert len(ex1["events"]) == 4 and marks.count() >= 3
    # evidence stays folded until the event is clicked in the text
    first = ex1["events"][2]  # the call (0 and 1 are the headline's agreement, one mark)
    entry = page.locator(f"#event-{first['idx']}")
    evidence = entry.locator(".evidence")
    expect(evidence).to_be_hidden()
    page.locator(f'.article-text a.ev[data-event="{first["idx"]}"]').first.click()
    expect(evidence).to_be_visible()
    expect(evidence).to_have_text(first["text"])
    assert "selected" in (entry.get_attribute("class") or "")
    assert evidence.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(entry.locator("dl")).to_contain_text("EGYGOV")
    assert shot(page, "article").stat().st_size > 10_000


def test_english_toggle_keeps_arabic_text_rtl(server: tuple[str, Path], page: Page) -> None:
    base, store_file = server
    ex1 = article(store_file, "ex-001-diplomacy")
    page.goto(f"{base}/ui/articles/{ex1['id']}")
    expect(page.locator("header nav")).to_contain_text("الأحداث")
    page.locator(".lang-toggle").click()
    expect(page.locator("header nav")).to_contain_text("Events")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    text = page.locator(".article-text")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.locator("header nav a", has_text="Entities").click()
    assert "lang=en" in page.url  # the choice follows the links


def test_dyad_chart_points_list_their_events(server: tuple[str, Path], page: Page) -> None:
    base, _ = server
    page.goto(f"{base}/ui/dyads/EGY/JOR")
    points = page.locator("svg.chart circle.point[data-period]")
    assert points.count() >= 1
    period = points.first.get_attribute("data-period")
    points.first.click()
    page.wait_for_url(f"**period={period}#period-events")
    listed = page.locator("#period-events table.events tbody tr")
    assert listed.count() == 4  # ex-001: the call, the planned meeting both ways, the praise
    for row in listed.all_text_contents():
        assert "EGY" in row and "JOR" in row
    expect(page.locator("#period-events")).to_contain_text("041")
    shot(page, "dyad")


def test_dyad_page_keeps_only_sure_records_on_request(server: tuple[str, Path], page: Page) -> None:
    base, store_file = server
    with Store(store_file, read_only=True) as store:
        every = analytics.dyad_series(store, "EGY", "JOR", by="week")
        sure = analytics.dyad_series(store, "EGY", "JOR", by="week", min_confidence=0.7)
    total = sum(p["records"] for p in every["periods"])
    kept = sum(p["records"] for p in sure["periods"])
    page.goto(f"{base}/ui/dyads/EGY/JOR")
    page.locator('.min-confidence a[data-min="0.7"]').click()
    page.wait_for_url("**min=0.7")
    expect(page.locator('.min-confidence a[data-min="0.7"]')).to_have_class("current")
    shown = page.locator("table.periods tbody tr td:nth-child(2)").all_text_contents()
    assert sum(int(x) for x in shown) == kept < total
    # the period links and the "by" links keep the threshold
    for href in page.locator("table.periods a, p.by a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    ):
        assert "min=0.7" in href
    if kept:
        page.locator("table.periods a").first.click()
        cells = page.locator("#period-events td.confidence").all_text_contents()
        assert cells and max(float(c) for c in cells) >= 0.7  # each record has a sure mention
    assert page.request.get(f"{base}/ui/dyads/EGY/JOR?min=2").status == 422


def test_events_table_filters(server: tuple[str, Path], page: Page) -> None:
    base, store_file = server
    with Store(store_file, read_only=True) as store:
        n4 = store.query("SELECT count(*) AS n FROM events WHERE quad_class = 4")[0]["n"]
    page.goto(f"{base}/ui/events")
    assert page.locator("table.events tbody tr").count() > n4
    page.select_option("select[name=quad_class]", "4")
    page.locator("form.filters button").click()
    page.wait_for_url("**quad_class=4**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == n4 > 0
    assert all("q4" in (rows.nth(i).get_attribute("class") or "") for i in range(n4))
    # from a row to its article, the event opened
    rows.first.locator("a", has_text="المقال").click()
    expect(page.locator("details.event[open] .evidence")).to_be_visible()
    shot(page, "events")


def test_entity_page(server: tuple[str, Path], page: Page) -> None:
    base, _ = server
    page.goto(f"{base}/ui/entities?q=شكري")
    link = page.locator("table.entities tbody a").first
    expect(link).to_contain_text("سامح شكري")
    link.click()
    expect(page.locator("h1")).to_contain_text("سامح شكري")
    expect(page.locator(".facts")).to_contain_text("EGYGOV")
    assert page.locator("main ul li a").count() >= 1  # the articles naming him


def test_cameo_names_follow_the_language(server: tuple[str, Path], page: Page) -> None:
    base, store_file = server
    arabic, english = cameo_name("041", "ar"), cameo_name("041", "en")
    assert arabic and english
    page.goto(f"{base}/ui/events?code=041")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    expect(rows.first.locator(".cameo-name")).to_have_text(arabic)
    expect(page.locator("main")).not_to_contain_text(english)
    page.locator(".lang-toggle").click()
    page.wait_for_url("**lang=en**")
    expect(rows.first.locator(".cameo-name")).to_have_text(english)
    expect(page.locator("main")).not_to_contain_text(arabic)
    # the article's event panel too, in both languages
    ex1 = article(store_file, "ex-001-diplomacy")
    page.goto(f"{base}/ui/articles/{ex1['id']}")
    expect(page.locator("details.event summary").filter(has_text="041")).to_contain_text(arabic)
    page.locator(".lang-toggle").click()
    expect(page.locator("details.event summary").filter(has_text="041")).to_contain_text(english)
    shot(page, "cameo-names-en")
