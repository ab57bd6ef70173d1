"""The playground page in headless Chromium: type a command, see the embed, use its controls, see it update.

The stand-in, the real SegueBot (known-answer catalog) and the web server run on an event loop in a background
thread, because Selenium's calls block: the page's requests must be served while the test waits on the browser.
Runs in CI (chromium, chromium-driver and selenium are required there); elsewhere it skips when they are absent.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

from fakediscord import point_discord_at
from segue.playground.server import PlaygroundServer, start_site
from segue.playground.session import Playground
from support.bot import make_deps
from support.ci import require

T = TypeVar("T")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)
WAIT = 20.0
LAYOUT = "Discord's layout: a message list with an embed"


class Served:
    """The playground on its own event loop in a daemon thread, reachable at `url`."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="playground-loop", daemon=True)
        self.url = ""
        self._playground: Playground | None = None
        self._site: Any = None
        self._stack = contextlib.ExitStack()

    def run(self, factory: Callable[[], Coroutine[Any, Any, T]], timeout: float = 60.0) -> T:
        return asyncio.run_coroutine_threadsafe(factory(), self.loop).result(timeout)

    def start(self) -> None:
        self.thread.start()
        self.run(self._start)

    async def _start(self) -> None:
        from segue.bot.client import SegueBot

        playground = Playground()
        self._playground = playground
        world = await playground.start()
        fake = playground.fake
        self._stack.enter_context(point_discord_at(fake.api_base, fake.gateway_url))
        deps = make_deps()
        await deps.state.set_listening(str(world.listening.id), True)
        await playground.connect(
            SegueBot(deps, api_base=fake.api_base, gateway_url=fake.gateway_url, guild_ready_timeout=0.05)
        )
        self._site, self.url = await start_site(PlaygroundServer(playground).app(), "127.0.0.1", 0)

    async def _stop(self) -> None:
        if self._playground is not None:
            await self._playground.stop()
        if self._site is not None:
            await self._site.cleanup()

    def stop(self) -> None:
        try:
            self.run(self._stop)
        finally:
            self._stack.close()
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    server = Served()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def chrome() -> Iterator[Any]:
    require(CHROMIUM is not None, "chromium is not installed (apt-get install chromium chromium-driver)")
    require(CHROMEDRIVER is not None, "chromedriver is not installed (apt-get install chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require(False, "selenium is not installed (pip install -e '.[dev]')")
        raise
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="segue-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(chrome: Any, served: Served) -> Any:
    """The page, freshly loaded, once it has the people, channels and event stream."""
    chrome.get(served.url)
    until(chrome, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    until(chrome, lambda d: d.find_element("id", "status").text == "● live")
    return chrome


def until(driver: Any, check: Callable[[Any], Any]) -> Any:
    """Wait for `check` to return something truthy; a message re-rendered mid-check (an edit) is checked again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, WAIT, ignored_exceptions=ignored).until(check)


def click(driver: Any, where: Callable[[Any], Any], label: str) -> None:
    """Click the button whose text holds `label` inside the element `where` finds (found afresh if re-rendered)."""

    def press(d: Any) -> bool:
        for button in where(d).find_elements("css selector", "button.btn"):
            if label in button.text:
                button.click()
                return True
        return False

    until(driver, press)


def type_in(driver: Any, text: str, *, then: str | None = None) -> None:
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("id", "input")
    box.clear()
    box.send_keys(text)
    if then is not None:
        box.send_keys(getattr(Keys, then))


def message(driver: Any, message_id: str) -> Any:
    return driver.find_element("css selector", f'li.message[data-id="{message_id}"]')


def ask(driver: Any, text: str) -> str:
    """Send a slash command and return the id of the bot's answer (the newest message with an embed)."""
    before = {m.get_attribute("data-id") for m in driver.find_elements("css selector", "li.message")}
    type_in(driver, text, then="ENTER")

    def answered(d: Any) -> str | None:
        for item in d.find_elements("css selector", "li.message"):
            if item.get_attribute("data-id") not in before and item.find_elements("css selector", ".embed"):
                return str(item.get_attribute("data-id"))
        return None

    return str(until(driver, answered))


def test_a_command_shows_its_embed_and_next_page_updates_it_in_place(page: Any) -> None:
    answer_id = ask(page, "/recommend query:something chill like Willow count:3")
    answer = message(page, answer_id)
    assert answer.find_element("css selector", ".command-bar").text == "alice used /recommend"
    assert answer.find_element("css selector", ".embed-title").text == "Recommendations"
    assert "like Willow" in answer.find_element("css selector", ".embed-description").text
    fields = answer.find_elements("css selector", ".embed-field-name")
    assert [f.text.split(".")[0] for f in fields] == ["1", "2", "3"], LAYOUT
    links = answer.find_elements("css selector", ".embed-field-value a.md-link")
    assert links
    assert all(a.get_attribute("href").startswith("https://") and a.get_attribute("rel") for a in links)
    assert answer.find_element("css selector", ".embed-footer").text.startswith("Page 1")
    first_titles = [f.text for f in fields]

    click(page, lambda d: message(d, answer_id), "Next page")

    def turned(d: Any) -> bool:
        footer = message(d, answer_id).find_element("css selector", ".embed-footer").text
        return footer.startswith("Page 2")

    until(page, turned)
    updated = message(page, answer_id)
    assert len(page.find_elements("css selector", f'li.message[data-id="{answer_id}"]')) == 1
    assert updated.find_elements("css selector", ".edited")
    assert [f.text for f in updated.find_elements("css selector", ".embed-field-name")] != first_titles


def test_a_menu_choice_opens_a_private_panel_and_like_is_confirmed(page: Any) -> None:
    from selenium.webdriver.support.ui import Select

    answer_id = ask(page, "/recommend artist:Anvil count:2")
    Select(message(page, answer_id).find_element("css selector", "select.menu")).select_by_index(1)

    def panel(d: Any) -> Any:
        for item in d.find_elements("css selector", "li.message.ephemeral"):
            if "What do you think?" in item.text:
                return item
        return None

    private_id = until(page, panel).get_attribute("data-id")
    note = until(page, lambda d: message(d, private_id).find_element("css selector", ".ephemeral-note").text)
    assert "Only you can see this" in note
    click(page, lambda d: message(d, private_id), "Like")
    until(page, lambda d: any("Liked" in m.text for m in d.find_elements("css selector", "li.message.ephemeral")))

    people = Select(page.find_element("id", "user"))
    people.select_by_visible_text("bob")
    bob = people.first_selected_option.get_attribute("value")
    until(page, lambda d: d.find_element("id", "messages").get_attribute("data-viewer") == bob)
    assert page.find_elements("css selector", f'li.message[data-id="{answer_id}"]')
    assert page.find_elements("css selector", "li.message.ephemeral") == []


def test_typing_an_option_offers_the_bots_autocomplete(page: Any) -> None:
    type_in(page, "/recommend artist:Vo")
    until(page, lambda d: "Volt" in [s.text for s in d.find_elements("css selector", "#suggestions .suggestion-label")])
    from selenium.webdriver.common.keys import Keys

    # TAB on the box as typed: `type_in` clears it first, and an emptied box may hide the list before the TAB lands
    page.find_element("id", "input").send_keys(Keys.TAB)
    assert page.find_element("id", "input").get_attribute("value") == "/recommend artist:Volt "


def test_untrusted_text_is_shown_as_text_and_the_reply_shows_what_it_answers(page: Any) -> None:
    hostile = (
        '@Segue <img src=x onerror="document.body.dataset.owned=1"> **folk** from the 70s [x](javascript:alert(1))'
    )
    type_in(page, hostile, then="ENTER")

    def posted(d: Any) -> Any:
        for item in d.find_elements("css selector", "li.message"):
            if "<img src=x" in item.text:
                return item
        return None

    mine = until(page, posted)
    content = mine.find_element("css selector", ".message-content")
    assert content.find_elements("css selector", "img") == []
    assert [s.text for s in content.find_elements("css selector", "strong")] == ["folk"]
    assert content.find_elements("css selector", "a") == []  # a javascript: link stays text
    assert content.find_element("css selector", ".md-mention").text == "@Segue"
    mine_id = mine.get_attribute("data-id")

    def reply(d: Any) -> Any:
        for item in d.find_elements("css selector", "li.message"):
            bars = item.find_elements("css selector", ".reply-bar")
            if bars and bars[0].get_attribute("data-reply-to") == mine_id:
                return item
        return None

    answer = until(page, reply)
    assert answer.find_element("css selector", ".reply-author").text == "@alice"
    assert "genre: folk" in answer.find_element("css selector", ".embed-description").text
    assert page.execute_script("return document.body.dataset.owned") is None


def in_view(driver: Any, element: Any) -> bool:
    """Whether the element's top lies inside the visible part of the message list."""
    return bool(
        driver.execute_script(
            "const box = document.getElementById('scroller').getBoundingClientRect();"
            "const r = arguments[0].getBoundingClientRect();"
            "return r.top >= box.top - 1 && r.top < box.bottom;",
            element,
        )
    )


def test_the_answer_to_my_request_comes_into_view_below_a_long_history(page: Any) -> None:
    for _ in range(3):  # tall private answers: the list grows past the screen
        ask(page, "/help")
    answer_id = ask(page, "/recommend genre:folk count:5")
    until(page, lambda d: in_view(d, message(d, answer_id)))
    page.execute_script("document.getElementById('scroller').scrollTop = 0")
    click(page, lambda d: message(d, answer_id), "More like #1")

    def more_like(d: Any) -> Any:
        found = [m for m in d.find_elements("css selector", "li.message.ephemeral") if "More like this" in m.text]
        return found[-1] if found else None

    until(page, lambda d: in_view(d, more_like(d)))


def test_two_tabs_both_receive_a_new_answer(page: Any, served: Served) -> None:
    from selenium.webdriver.support.ui import Select

    first = page.current_window_handle
    page.switch_to.new_window("tab")
    try:
        page.get(served.url)
        until(page, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        until(page, lambda d: d.find_element("id", "status").text == "● live")
        Select(page.find_element("id", "user")).select_by_visible_text("bob")
        page.switch_to.window(first)
        answer_id = ask(page, "/recommend artist:Volt count:2")
        page.switch_to.window(page.window_handles[-1])
        until(page, lambda d: d.find_elements("css selector", f'li.message[data-id="{answer_id}"] .embed'))
        page.switch_to.window(first)
        assert not page.find_elements("css selector", "#notice.error")
    finally:
        page.switch_to.window(page.window_handles[-1])
        page.close()
        page.switch_to.window(first)


def test_rating_ticks_the_button_and_the_menu_resets(page: Any) -> None:
    from selenium.webdriver.support.ui import Select

    answer_id = ask(page, "/recommend artist:Anvil count:2")
    menu = message(page, answer_id).find_element("css selector", "select.menu")
    Select(menu).select_by_index(1)

    def panel(d: Any) -> Any:
        found = [m for m in d.find_elements("css selector", "li.message.ephemeral") if "What do you think?" in m.text]
        return found[-1] if found else None

    private_id = until(page, panel).get_attribute("data-id")
    until(
        page, lambda d: message(d, answer_id).find_element("css selector", "select.menu").get_attribute("value") == ""
    )
    click(page, lambda d: message(d, private_id), "Like")

    def ticked(d: Any) -> Any:
        for button in message(d, private_id).find_elements("css selector", "button.btn"):
            if "Like ✓" in button.text and not button.is_enabled():
                return True
        return None

    until(page, ticked)
    assert "Liked" in message(page, private_id).find_element("css selector", ".message-content").text


def test_an_admin_command_as_a_member_names_the_admin_and_errors_stand_out(page: Any) -> None:
    type_in(page, "/admin status", then="ENTER")
    notice = until(page, lambda d: d.find_element("id", "notice").text)
    assert "ada" in notice
    assert page.find_element("id", "notice").get_attribute("class") == "error"
    answer_id = ask(page, "/recommend artist:Nobody Anyone Knows Zzq")
    border = message(page, answer_id).find_element("css selector", ".embed").value_of_css_property("border-left-color")
    assert border in {"rgba(224, 83, 61, 1)", "rgb(224, 83, 61)"}  # the error colour, not the answers' green


def test_without_an_emoji_font_emoji_become_text(chrome: Any, served: Served) -> None:
    chrome.get(served.url + "?emoji=text")
    until(chrome, lambda d: d.execute_script("return document.body.dataset.emoji === 'text'"))
    until(chrome, lambda d: d.find_element("id", "status").text == "● live")
    answer_id = ask(chrome, "/recommend artist:Volt count:2")
    labels = [b.text for b in message(chrome, answer_id).find_elements("css selector", "button.btn")]
    assert "Next page" in labels
    assert not [label for label in labels if any(ord(ch) >= 0x1F000 for ch in label)], labels
