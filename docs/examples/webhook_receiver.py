"""A partner's webhook receiver, with nothing but Python's standard library: checks each delivery's
Standard Webhooks signature with the endpoint's secret, refuses stale or forged calls, and prints
what it accepted.
    WEBHOOK_SECRET=whsec_... python3 docs/examples/webhook_receiver.py 4000
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = base64.b64decode(os.environ.get("WEBHOOK_SECRET", "").removeprefix("whsec_"))
TOLERANCE_SECONDS = 5 * 60
seen = set()  # webhook-id: the same on every retry and replay, so deduplicate on it


def verified(headers, body: bytes) -> bool:
    webhook_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp", "")
    if not webhook_id or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(SECRET, signed, hashlib.sha256).digest()).decode()
    # The header may hold several signatures ("v1,<base64> v1,<base64>" while a secret is rotated).
    for entry in headers.get("webhook-signature", "").split(" "):
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))  # the raw body: verify before parsing
        webhook_id = self.headers.get("webhook-id")
        if not verified(self.headers, body):
            print(json.dumps({"verified": False, "webhookId": webhook_id}), flush=True)
            self.send_response(400)
            self.end_headers()
            return
        event = json.loads(body)
        duplicate = webhook_id in seen
        seen.add(webhook_id)
        print(json.dumps({"verified": True, "duplicate": duplicate, "webhookId": webhook_id,
                          "type": event["type"], "requestId": event["data"].get("requestId")}), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # one line per delivery is enough
        pass


port = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
server = HTTPServer(("127.0.0.1", port), Receiver)
print(f"listening on http://127.0.0.1:{port}", flush=True)
server.serve_forever()
