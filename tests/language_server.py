"""A small client of the Language Server Protocol over stdio, to talk to yaml-language-server as
an editor does: JSON-RPC messages with Content-Length headers, in both directions."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The settings an editor gives yaml-language-server (VS Code's YAML extension's defaults).
SETTINGS: dict[str, Any] = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
    }
}


class LanguageServer:
    """A language server process; `request` waits for the answer, `notification` for a message
    the server sends by itself. Requests from the server (configuration, registrations) get the
    answers an editor would give."""

    def __init__(self, command: list[str], root: Path, *, timeout: float = 60) -> None:
        self.timeout = timeout
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._next_id = 0
        self._answers: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self.process.stderr.read, daemon=True).start()  # type: ignore[union-attr]
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        with self._lock:
            stdin = self.process.stdin
            assert stdin is not None
            stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        number = self._next_id
        answers: queue.Queue[dict[str, Any]] = queue.Queue()
        self._answers[number] = answers
        self._send({"id": number, "method": method, "params": params})
        answer = answers.get(timeout=self.timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notification(
        self, method: str, accept: Callable[[dict[str, Any]], bool] = lambda _: True
    ) -> dict[str, Any]:
        """The parameters of the next notification ``method`` that ``accept`` takes."""
        while True:
            message = self._notifications.get(timeout=self.timeout)
            if message.get("method") == method and accept(message.get("params") or {}):
                params: dict[str, Any] = message.get("params") or {}
                return params

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = 0
            while True:
                line = stdout.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stdout.read(length))
            if "method" in message and "id" in message:
                self._send({"id": message["id"], "result": self._answer(message)})
            elif "id" in message:
                self._answers[message["id"]].put(message)
            else:
                self._notifications.put(message)

    @staticmethod
    def _answer(message: dict[str, Any]) -> Any:
        if message["method"] == "workspace/configuration":
            return [SETTINGS.get(item.get("section", "")) for item in message["params"]["items"]]
        return None
