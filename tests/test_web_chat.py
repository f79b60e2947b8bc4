"""The browser chat page, in real headless Chromium, against the real servers."""

from __future__ import annotations

from stack import Stack


def test_a_person_can_chat_in_the_browser_and_their_words_stay_text(stack: Stack, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{stack.rasa_url}/webhooks/rest/chat")
    page.get_by_text("computer program, not a person").first.wait_for()
    page.get_by_role("button", name="Yes, let's start").click()
    page.get_by_role("button", name="For me").click()
    page.get_by_text("What would you like me to call you?").wait_for()

    def say(text: str, expect: str) -> None:
        page.fill("#text", text)
        page.press("#text", "Enter")
        page.get_by_text(expect).last.wait_for()

    say("Sam <script>alert(1)</script>", "Who is your appointment with?")
    say("the asthma nurse", "When is it?")
    assert page.get_by_role("button", name="For me").is_disabled()  # pressed buttons can't be pressed twice
    sender = page.evaluate("localStorage.getItem('what-matters-sender')")
    plan = stack.export(sender)
    assert plan["appointment"]["with"] == "the asthma nurse"
    assert any(a["text"] == "Sam <script>alert(1)</script>" for a in plan["answers"])
    assert page.get_by_text("Sam <script>alert(1)</script>").count() == 1  # shown as text
    assert dialogs == []
