"""`make chat`: hold the conversation in the terminal, over Rasa's REST channel.

Uses the bot started by `make run` if it is up (RASA_URL, default
http://localhost:5005); otherwise starts one for the length of the chat.
Buttons are shown as numbers: type the number to press one.
"""

from __future__ import annotations

import json
import os
import urllib.request
import uuid

from launch import answers, stop_all

from serve import start

RASA_URL = os.environ.get("RASA_URL", "http://localhost:5005")


def say(sender: str, message: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(  # noqa: S310 - the local bot
        f"{RASA_URL}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - the local bot
        return json.loads(response.read() or b"[]")


def main() -> None:
    running = [] if answers(f"{RASA_URL}/status") else start()
    sender = os.environ.get("CHAT_SENDER") or f"terminal-{uuid.uuid4().hex[:8]}"
    print(f"Chatting as '{sender}'. Type 'quit' to leave (your answers are kept).\n")
    buttons: list[dict] = []
    message = "hi"
    try:
        while True:
            replies = say(sender, message)
            if not replies:
                print("bot> (no reply: is the action server running?)")
            buttons = []
            for reply in replies:
                print("bot>", reply.get("text", ""))
                for button in reply.get("buttons") or []:
                    buttons.append(button)
                    print(f"     [{len(buttons)}] {button['title']}")
            typed = input("you> ").strip()
            if typed.lower() in {"quit", "exit"}:
                break
            message = (
                buttons[int(typed) - 1]["payload"]
                if typed.isdigit() and 0 < int(typed) <= len(buttons)
                else typed
            )
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        print(f"\nYour answers are saved. See them with: careplan export --sender {sender}")
        stop_all(running)


if __name__ == "__main__":
    main()
