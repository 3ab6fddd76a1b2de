#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
"""Drives a hub's ward page in headless Chromium over the DevTools protocol, as a member of staff would.

  staff_reply_chromium.py --url URL [--reply-to NUMBER --text TEXT] [--screenshot PNG]

Opens URL. With --reply-to and --text, focuses the reply box of that sender's row, types TEXT into it (as
keyboard input, not by setting the value), clicks the row's Send button with the mouse and waits for the page
the hub answers with. Prints one JSON object: the final URL and the page's visible text. Writes a screenshot of
the final page when --screenshot is given. Exits 1 with a message on stderr when something is missing.

Needs Debian's chromium and python3-websocket (make deps installs both). Chromium runs with a throw-away
profile, listening for DevTools on 127.0.0.1 only, without its sandbox when run as root (as CI is).
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket
except ImportError:
    sys.exit("staff_reply_chromium.py: python3-websocket is missing (apt-get install python3-websocket)")


class DevTools:
    """A minimal DevTools protocol client: commands by id, events kept until waited for."""

    def __init__(self, url, timeout):
        self.socket = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event, timeout):
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self.events):
                if message["method"] == event:
                    del self.events[: index + 1]
                    return message
            if time.monotonic() > deadline:
                raise RuntimeError(f"no {event} within {timeout} s")
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")


def start_chromium(binary, profile):
    arguments = [
        binary, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-dev-shm-usage", "--disable-extensions", "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1100,900", "about:blank",
    ]
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")
    log = open(os.path.join(profile, "chromium.log"), "wb")
    process = subprocess.Popen(arguments, stdout=log, stderr=log)
    active = os.path.join(profile, "DevToolsActivePort")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with status {process.returncode}")
        if os.path.exists(active):
            with open(active) as handle:
                lines = handle.read().split("\n")
            if lines and lines[0].strip().isdigit():
                return process, int(lines[0])
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("chromium did not open its DevTools port within 60 s")


def page_target(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            pages = [t for t in json.load(answer) if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise RuntimeError("chromium has no page to drive")


def click(tools, x, y):
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        tools.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def drive(tools, args):
    tools.call("Page.enable")
    tools.call("Runtime.enable")
    tools.call("Page.navigate", url=args.url)
    tools.wait_for("Page.loadEventFired", 30)
    if args.text is not None:
        selector = f'input[name="text"][aria-label="Reply to {args.reply_to}"]'
        box = tools.evaluate(
            f"""(() => {{
                const input = document.querySelector({json.dumps(selector)});
                if (!input) return null;
                input.scrollIntoView({{block: "center"}});
                input.focus();
                const button = input.form.querySelector('button[type="submit"]');
                const r = button.getBoundingClientRect();
                return {{focused: document.activeElement === input, x: r.left + r.width / 2, y: r.top + r.height / 2}};
            }})()"""
        )
        if not box or not box["focused"]:
            raise RuntimeError(f"the page has no reply box for {args.reply_to}")
        tools.call("Input.insertText", text=args.text)
        typed = tools.evaluate(f"document.querySelector({json.dumps(selector)}).value")
        if typed != args.text:
            raise RuntimeError(f"the reply box holds {typed!r}, not the typed text")
        tools.events.clear()
        click(tools, box["x"], box["y"])
        tools.wait_for("Page.loadEventFired", 30)
    result = tools.evaluate("({url: location.href, text: document.body.innerText})")
    if args.screenshot:
        shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(args.screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the ward page, e.g. http://127.0.0.1:8080/wards/Ward%%207")
    parser.add_argument("--reply-to", help="the sender whose row gets the reply")
    parser.add_argument("--text", help="the reply to type and send")
    parser.add_argument("--screenshot", help="write a PNG of the final page here")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    if (args.text is None) != (args.reply_to is None):
        parser.error("--reply-to and --text go together")
    if not os.access(args.chromium, os.X_OK):
        sys.exit(f"staff_reply_chromium.py: no chromium at {args.chromium} (apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="careconnect-chromium-")
    process = None
    try:
        process, port = start_chromium(args.chromium, profile)
        tools = DevTools(page_target(port), timeout=30)
        result = drive(tools, args)
        tools.socket.close()
        print(json.dumps(result))
    except Exception as error:  # noqa: BLE001 - one message for whatever went wrong
        sys.exit(f"staff_reply_chromium.py: {error}")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
