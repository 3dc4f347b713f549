#!/usr/bin/env python3
"""A small HTTP/1.1 feed server on 127.0.0.1 for hark's fetch tests and benchmark.

Usage: feed_server.py DIR PORTFILE [LOGFILE]

Binds an ephemeral port, writes it to PORTFILE, and serves until killed. Each request is
logged to LOGFILE as "PATH STATUS conditional|plain". Routes:

  /f/NAME          DIR/NAME with ETag and Last-Modified; 304 when either matches
  /lm/NAME         DIR/NAME with Last-Modified only
  /slow/MS/NAME    as /f/NAME after a pause of MS milliseconds
  /gen/K/N[/MS]    a generated RSS 2.0 feed K of N items, with an ETag, after MS ms
  /status/CODE     that status with a short HTML body
  /html            an HTML error page served as 200
  /tofile          a redirect to file:///etc/passwd

Asked as an HTTP proxy (GET http://any.host/PATH), it answers PATH as above.
"""

import email.utils
import hashlib
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root, port_file = sys.argv[1], sys.argv[2]
log_file = sys.argv[3] if len(sys.argv) > 3 else None
log_lock = threading.Lock()


def generated_feed(k, n):
    items = []
    for i in range(n):
        items.append(
            f"<item><title>Feed {k} item {i}</title>"
            f"<link>http://example.org/{k}/{i}</link>"
            f"<guid>http://example.org/{k}/{i}</guid>"
            f"<pubDate>Tue, 24 Nov 2026 09:{i % 60:02d}:00 GMT</pubDate>"
            f"<description>Item {i} of generated feed {k} about Acme.</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Generated {k}</title><link>http://example.org/{k}/</link>"
            + "".join(items) + "</channel></rss>\n").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm and the
    # client's delayed ACK add 40 ms to every response.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def record(self, status):
        if not log_file:
            return
        conditional = ("If-None-Match" in self.headers or "If-Modified-Since" in self.headers)
        with log_lock, open(log_file, "a") as f:
            f.write(f"{self.path} {status} {'conditional' if conditional else 'plain'}\n")

    def reply(self, status, body=b"", headers=()):
        self.record(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def serve_body(self, body, mtime=None, etag=True):
        headers = [("Content-Type", "application/rss+xml")]
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if etag:
            headers.append(("ETag", tag))
            if self.headers.get("If-None-Match") == tag:
                return self.reply(304, headers=headers)
        if mtime is not None:
            headers.append(("Last-Modified", email.utils.formatdate(mtime, usegmt=True)))
            since = self.headers.get("If-Modified-Since")
            if since and not (etag and "If-None-Match" in self.headers):
                when = email.utils.parsedate_to_datetime(since).timestamp()
                if int(mtime) <= when:
                    return self.reply(304, headers=headers)
        self.reply(200, body, headers)

    def serve_file(self, name, etag=True):
        path = os.path.join(root, name)
        if "/" in name or not os.path.isfile(path):
            return self.reply(404, b"<html><body>not found</body></html>")
        with open(path, "rb") as f:
            body = f.read()
        self.serve_body(body, os.path.getmtime(path), etag)

    def do_GET(self):
        path = self.path
        if path.startswith("http://"):  # asked as a proxy: serve it as if it were ours
            path = "/" + path.split("/", 3)[3]
        parts = path.split("/")[1:]
        if parts[0] == "f" and len(parts) == 2:
            return self.serve_file(parts[1])
        if parts[0] == "lm" and len(parts) == 2:
            return self.serve_file(parts[1], etag=False)
        if parts[0] == "slow" and len(parts) == 3:
            time.sleep(int(parts[1]) / 1000)
            return self.serve_file(parts[2])
        if parts[0] == "gen" and len(parts) in (3, 4):
            if len(parts) == 4:
                time.sleep(int(parts[3]) / 1000)
            return self.serve_body(generated_feed(int(parts[1]), int(parts[2])))
        if parts[0] == "status" and len(parts) == 2:
            return self.reply(int(parts[1]), b"<html><body>error</body></html>")
        if parts[0] == "html":
            return self.reply(200, b"<!DOCTYPE html><html><head><title>Oops</title></head>"
                              b"<body><p>Something went wrong.</p></body></html>",
                              [("Content-Type", "text/html")])
        if parts[0] == "tofile":
            return self.reply(302, b"", [("Location", "file:///etc/passwd")])
        self.reply(404, b"<html><body>not found</body></html>")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients killed mid-transfer are part of the tests


server = Server(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
