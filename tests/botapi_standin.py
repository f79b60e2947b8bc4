"""Stand-ins for the Telegram tests, served over real HTTP on loopback.

* ``BotApiStandIn``: a small Telegram Bot API server. It implements the
  methods the bot uses, checks what real Telegram checks (HTML entities,
  the 4096-character limit, 64-byte callback data), can answer 429 on demand,
  and records every call for assertions. Updates are injected by the test and
  handed out by long-polling ``getUpdates``.
* ``RasaStandIn``: a scripted stand-in for Rasa's REST channel, used only by
  the tests of the bot's own mechanics. The end-to-end tests use the real
  Rasa server from ``tests/stack.py``.
* ``BotProcess``: the real bot, ``python -m bot``, as a subprocess.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

REPO = Path(__file__).resolve().parents[1]
REJECTED_TOKEN = "1:rejected"  # the stand-in answers 401 Unauthorized for this token, like Telegram
BOT_USER = {"id": 424242, "is_bot": True, "first_name": "What Matters", "username": "what_matters_test_bot"}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote"}
TAG = re.compile(r"</?([a-zA-Z-]+)(\s[^<>]*)?>")
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
JSON_FIELDS = {"reply_markup", "allowed_updates", "commands", "scope", "link_preview_options", "message_ids"}
WAIT_SECONDS = 90.0
S = TypeVar("S", bound="Served")


def wait_until(check: Callable[[], Any], timeout: float = WAIT_SECONDS, what: str = "condition") -> Any:
    """Poll ``check`` until it returns something truthy; fail with ``what`` if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def html_to_visible(text: str) -> str:
    """Check Telegram's HTML rules and return the text a person would see.

    Raises ValueError, as Telegram answers 400, for an unknown tag or a bare
    ``<`` or ``&``.
    """
    visible: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "<":
            match = TAG.match(text, index)
            if not match or match.group(1).lower() not in ALLOWED_TAGS:
                raise ValueError(f"can't parse entities: unsupported start tag at byte offset {index}")
            index = match.end()
        elif char == "&":
            match = ENTITY.match(text, index)
            if not match:
                raise ValueError(f"can't parse entities: unexpected '&' at byte offset {index}")
            visible.append(html.unescape(match.group(0)))
            index = match.end()
        else:
            visible.append(char)
            index += 1
    return "".join(visible)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int = 200
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    result: Any = None
    answered: float = 0.0  # time.monotonic() when the stand-in answered it (0: not yet, or an error)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def visible_text(self) -> str:
        """What the person sees: the text with HTML entities parsed."""
        text = self.params.get("text") or self.params.get("caption") or ""
        return html_to_visible(text) if self.params.get("parse_mode") == "HTML" else text

    @property
    def buttons(self) -> list[dict[str, str]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class LoopbackServer:
    """An aiohttp application served on 127.0.0.1 (a free port) from its own thread."""

    def __init__(self, app: web.Application, port: int = 0) -> None:
        self._app = app
        self.port = port
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=30)

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _start(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # noqa: S101
        self.port = server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


class Served:
    """Something served by a ``LoopbackServer`` (set as ``self._server``)."""

    _server: LoopbackServer

    def start(self: S) -> S:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()


class BotApiStandIn(Served):
    """The Telegram Bot API, as far as the bot uses it. See the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._messages: dict[int, dict[str, Any]] = {}
        self._failures: dict[str, list[int | None]] = {}
        self.tokens: set[str] = set()
        self.deleted: set[int] = set()
        self.delays: dict[str, float] = {}  # method -> seconds to wait before answering
        app = web.Application()
        app.router.add_route("POST", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/bot{token}/{method}", self._handle)
        self._server = LoopbackServer(app)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.port}/bot"

    # -- what the test does -----------------------------------------------
    def fail_next(self, method: str, times: int = 1, retry_after: int | None = 1) -> None:
        """Fail the next ``times`` calls of ``method``: 429 Too Many Requests with
        ``retry_after``, or (``retry_after=None``) 502 Bad Gateway, a network fault."""
        with self._lock:
            self._failures.setdefault(method, []).extend([retry_after] * times)

    def send_text(self, chat_id: int, text: str, chat_type: str = "private") -> int:
        message = self._user_message(chat_id, chat_type)
        message["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push({"message": message})

    def send_sticker(self, chat_id: int) -> int:
        message = self._user_message(chat_id, "private")
        message["sticker"] = {
            "file_id": "sticker-1",
            "file_unique_id": "sticker-u1",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        return self._push({"message": message})

    def send_photo(self, chat_id: int, caption: str | None = None) -> int:
        message = self._user_message(chat_id, "private")
        message["photo"] = [{"file_id": "photo-1", "file_unique_id": "photo-u1", "width": 90, "height": 90}]
        if caption is not None:
            message["caption"] = caption
        return self._push({"message": message})

    def send_voice(self, chat_id: int) -> int:
        message = self._user_message(chat_id, "private")
        message["voice"] = {"file_id": "voice-1", "file_unique_id": "voice-u1", "duration": 3}
        return self._push({"message": message})

    def edit_text(self, chat_id: int, message_id: int, text: str) -> int:
        message = self._user_message(chat_id, "private")
        message.update(message_id=message_id, text=text, edit_date=int(time.time()))
        return self._push({"edited_message": message})

    def press(self, chat_id: int, message_id: int, data: str) -> str:
        """Press an inline button on one of the bot's messages."""
        with self._lock:
            message = dict(self._messages[message_id])
            query_id = f"cq{next(self._callback_ids)}"
        self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": _user(chat_id),
                    "chat_instance": f"ci{chat_id}",
                    "data": data,
                    "message": message,
                }
            }
        )
        return query_id

    # -- what the test checks ---------------------------------------------
    def calls(self, method: str | None = None, chat_id: int | None = None, ok: bool = True) -> list[Call]:
        with self._lock:
            calls = list(self._calls)
        return [
            c
            for c in calls
            if (method is None or c.method == method)
            and (chat_id is None or c.chat_id == chat_id)
            and (not ok or (c.status == 200 and c.result is not None))  # answered, not still in progress
        ]

    def sent(self, chat_id: int) -> list[Call]:
        """Messages the bot delivered to this chat, in order."""
        return self.calls("sendMessage", chat_id)

    def wait_for_messages(self, chat_id: int, count: int, what: str = "bot messages") -> list[Call]:
        return wait_until(lambda: len(self.sent(chat_id)) >= count and self.sent(chat_id), what=what)

    @staticmethod
    def message_id_of(call: Call) -> int:
        return int(call.result["message_id"])

    def message(self, message_id: int) -> dict[str, Any]:
        with self._lock:
            return dict(self._messages[message_id])

    # -- the Bot API --------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params, files = await _read_params(request)
        call = Call(method=method, params=params, files=files)
        with self._lock:
            self.tokens.add(token)
            self._calls.append(call)
            failing = bool(self._failures.get(method))
            retry_after = self._failures[method].pop(0) if failing else None
        if self.delays.get(method):
            await asyncio.sleep(self.delays[method])
        if failing and retry_after is None:
            call.status = 502
            return _error(502, "Bad Gateway")
        if failing:
            call.status = 429
            return _error(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        if token == REJECTED_TOKEN:
            call.status = 401
            return _error(401, "Unauthorized")
        if method == "getUpdates":
            call.result = await self._get_updates(params)
            return _ok(call.result)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            call.status = 404
            return _error(404, "Not Found")
        try:
            call.result = handler(params, files)
            call.answered = time.monotonic()
            return _ok(call.result)
        except ValueError as error:
            call.status = 400
            return _error(400, f"Bad Request: {error}")

    async def _get_updates(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        while True:
            with self._lock:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = list(self._updates)
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.05)

    def _api_getMe(self, params: Mapping[str, Any], files: Any) -> dict[str, Any]:
        return BOT_USER

    def _api_deleteWebhook(self, params: Mapping[str, Any], files: Any) -> bool:
        return True

    def _api_setWebhook(self, params: Mapping[str, Any], files: Any) -> bool:
        return True

    def _api_setMyCommands(self, params: Mapping[str, Any], files: Any) -> bool:
        return True

    def _api_sendChatAction(self, params: Mapping[str, Any], files: Any) -> bool:
        return True

    def _api_answerCallbackQuery(self, params: Mapping[str, Any], files: Any) -> bool:
        return True

    def _api_deleteMessages(self, params: Mapping[str, Any], files: Any) -> bool:
        """Like Telegram: up to 100 ids; ids it can't delete (unknown, too old) are skipped."""
        ids = params.get("message_ids")
        ids = json.loads(ids) if isinstance(ids, str) else ids
        if not ids or len(ids) > 100:
            raise ValueError("message_ids must hold 1 to 100 ids")
        chat_id = int(params["chat_id"])
        with self._lock:
            for message_id in ids:
                message = self._messages.get(int(message_id))
                if message is not None and message["chat"]["id"] == chat_id:
                    del self._messages[int(message_id)]
                    self.deleted.add(int(message_id))
        return True

    def exists(self, message_id: int) -> bool:
        with self._lock:
            return message_id in self._messages

    def _api_sendMessage(self, params: Mapping[str, Any], files: Any) -> dict[str, Any]:
        text = params.get("text") or ""
        visible = html_to_visible(text) if params.get("parse_mode") == "HTML" else text
        if not visible.strip():
            raise ValueError("message text is empty")
        if utf16_length(visible) > 4096:
            raise ValueError("message is too long")
        _check_markup(params.get("reply_markup"))
        markup = params.get("reply_markup")
        return self._bot_message(int(params["chat_id"]), text=visible, reply_markup=markup)

    def _api_sendDocument(self, params: Mapping[str, Any], files: Mapping[str, Any]) -> dict[str, Any]:
        if "document" not in files:
            raise ValueError("there is no document in the request")
        filename, _ = files["document"]
        document = {"file_id": "doc1", "file_unique_id": "docu1", "file_name": filename}
        return self._bot_message(int(params["chat_id"]), document=document, caption=params.get("caption"))

    def _api_editMessageReplyMarkup(self, params: Mapping[str, Any], files: Any) -> dict[str, Any]:
        return self._edit(params, {"reply_markup": params.get("reply_markup")})

    def _api_editMessageText(self, params: Mapping[str, Any], files: Any) -> dict[str, Any]:
        text = params.get("text") or ""
        visible = html_to_visible(text) if params.get("parse_mode") == "HTML" else text
        return self._edit(params, {"text": visible, "reply_markup": params.get("reply_markup")})

    # -- helpers ------------------------------------------------------------
    def _edit(self, params: Mapping[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        message_id = int(params.get("message_id") or 0)
        with self._lock:
            message = self._messages.get(message_id)
            if message is None or message["chat"]["id"] != int(params.get("chat_id") or 0):
                raise ValueError("message to edit not found")
            message.update({k: v for k, v in changes.items() if v is not None})
            if changes.get("reply_markup") is None:
                message.pop("reply_markup", None)
            return dict(message)

    def _bot_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        with self._lock:
            message_id = next(self._message_ids)
            message = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                "from": BOT_USER,
                **{k: v for k, v in content.items() if v is not None},
            }
            self._messages[message_id] = message
            return dict(message)

    def _user_message(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Test"
        else:
            chat["title"] = "A group"
        with self._lock:
            message_id = next(self._message_ids)
            message = {"message_id": message_id, "date": int(time.time()), "chat": chat}
            message["from"] = _user(chat_id)
            self._messages[message_id] = message
        return dict(message)

    def _push(self, update: dict[str, Any]) -> int:
        with self._lock:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, **update})
        return update_id


def _user(chat_id: int) -> dict[str, Any]:
    return {"id": abs(chat_id), "is_bot": False, "first_name": "Test"}


def _check_markup(markup: Any) -> None:
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ValueError("BUTTON_DATA_INVALID")


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    params: dict[str, Any] = {}
    files: dict[str, tuple[str, bytes]] = {}
    if request.content_type == "application/json":
        params = await request.json()
        return params, files
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            files[key] = (value.filename, value.file.read())
            continue
        value = str(value)
        if key in JSON_FIELDS:
            value = json.loads(value)
        params[key] = value
    # PTB sends a file as "attach://<name>" when it goes in a multipart part of that name.
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
            files[key] = files.pop(value[9:])
            del params[key]
    return params, files


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


# -- a stand-in for Rasa, for the bot's own mechanics only ---------------------
Script = Callable[[str, str], "list[dict[str, Any]] | int"]


class RasaStandIn(Served):
    """Rasa's REST channel, scripted by the test (not the real conversation).

    ``script(sender, message)`` returns Rasa's reply list, or an HTTP status to
    fail with. Every message that got a 200 answer is recorded in ``received``.
    """

    def __init__(self, script: Script, port: int = 0) -> None:
        self.script = script
        self.received: list[tuple[str, str]] = []
        self.delay = 0.0  # seconds to think before answering: a slow Rasa
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._server = LoopbackServer(app, port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.port}"

    def messages_from(self, sender: str) -> list[str]:
        with self._lock:
            return [message for who, message in self.received if who == sender]

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        sender, message = str(body["sender"]), str(body["message"])
        if self.delay:
            await asyncio.sleep(self.delay)
        reply = self.script(sender, message)
        if isinstance(reply, int):
            return web.json_response({"error": "stand-in failure"}, status=reply)
        with self._lock:
            self.received.append((sender, message))
        return web.json_response([{"recipient_id": sender, **r} for r in reply])


# -- the real bot as a subprocess ---------------------------------------------
class BotProcess:
    """``python -m bot`` with the given settings; its log goes to a file."""

    def __init__(self, env: Mapping[str, str], log_path: Path) -> None:
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **env}
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> BotProcess:
        log = self.log_path.open("ab")
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "bot"], cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        return self

    def stop(self, timeout: float = 30) -> int | None:
        """SIGTERM, as a service manager sends; SIGKILL only if it hasn't ended within ``timeout``."""
        if self._process is None:
            return None
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        return self._process.returncode

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
