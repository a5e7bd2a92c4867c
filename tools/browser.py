"""Load a page in headless Chromium over the DevTools pipe and report what happened.

Used by tools/docs-check. Chromium is Debian's /usr/bin/chromium, run with a
fresh profile and nothing that reaches the network; the DevTools protocol is
spoken over --remote-debugging-pipe (file descriptors 3 and 4), so no port is
opened.
"""
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
# --disable-dev-shm-usage: a container's /dev/shm may hold only 64 MB, and a
# renderer that runs out of it takes the whole browser down with it.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


class Browser:
    def __init__(self, timeout=60.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="docs-check-")
        to_chromium_r, self.to_chromium = os.pipe()
        self.from_chromium, from_chromium_w = os.pipe()

        def wire():
            # Copy both ends out of the way first: either may itself be 3 or 4.
            reading, writing = os.dup(to_chromium_r), os.dup(from_chromium_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM] + FLAGS + ["--user-data-dir=" + self.profile,
                                  "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chromium_r)
        os.close(from_chromium_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_chromium)
        os.close(self.from_chromium)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_chromium], [], [], left)
            if ready:
                chunk = os.read(self.from_chromium, 65536)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        """Sends one command and returns its result; events seen meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chromium, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, seconds):
        """Waits until an event named `method` arrives (or was already seen)."""
        deadline = time.monotonic() + seconds
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            self.events.append(self._read_message(deadline))

    def load(self, url, script, seconds=30.0, width=None, dark=False, screenshot=None):
        """Opens url, waits for its load event, then evaluates `script` (which
        may return a promise) and returns (its value, failed loads, errors).

        width: the viewport's width in CSS pixels (a phone is 390), else
        Chromium's default; dark: ask for prefers-color-scheme: dark;
        screenshot: a PNG file to write the whole page into, once the script
        has run."""
        self.events = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(domain + ".enable", session=session)
        if width:
            self.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 844 if width < 768 else 900,
                "deviceScaleFactor": 1, "mobile": width < 768}, session=session)
        if dark:
            self.send("Emulation.setEmulatedMedia", {"features": [
                {"name": "prefers-color-scheme", "value": "dark"}]}, session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session, seconds)
        value = self.send("Runtime.evaluate", {
            "expression": script, "awaitPromise": True, "returnByValue": True,
            "timeout": seconds * 1000}, session=session)
        if screenshot:
            import base64
            shot = self.send("Page.captureScreenshot", {
                "format": "png"}, session=session)
            with open(screenshot, "wb") as png:
                png.write(base64.b64decode(shot["data"]))
        failed, errors = [], []
        requests = {}
        self.requested = []
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                requests[params["requestId"]] = params["request"]["url"]
                self.requested.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                failed.append("%s: %s" % (requests.get(params["requestId"], "?"),
                                          params.get("errorText", "failed")))
            elif method == "Network.responseReceived":
                status = params["response"].get("status", 200)
                if status >= 400:
                    failed.append("%s: HTTP %d" % (params["response"]["url"], status))
            elif method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"].get("text", "error"))
        self.send("Target.closeTarget", {"targetId": target})
        if "exceptionDetails" in value:
            errors.append("the check script failed: %s" % value["exceptionDetails"])
            return None, failed, errors
        return value["result"].get("value"), failed, errors
