"""Hosted mode behind a real TLS proxy: Debian's nginx in front of `nextround serve`.

nginx ends TLS and passes the request on with X-Forwarded-Proto and
X-Forwarded-For; `serve` trusts those headers from the proxy's address only
(NEXTROUND_TRUSTED_PROXY). The visitor connects from 127.0.0.2, so the test
can tell the visitor's address from the proxy's (127.0.0.1).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

NGINX = Path("/usr/sbin/nginx")
VISITOR = "127.0.0.2"
PASSWORD = "a-long-hosted-password-42"

pytestmark = [
    pytest.mark.skipif(
        not NGINX.exists() and os.environ.get("CI", "").lower() != "true",
        reason="The proxy test needs Debian's nginx (apt install nginx).",
    ),
    # The served app keeps its data in SQLite; once per suite run is enough.
    pytest.mark.skipif(
        "DATABASE_URL" in os.environ, reason="The proxy test runs in the SQLite pass."
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"It stopped: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"Nothing listened on {port}")


NGINX_CONF = """
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{https_port} ssl;
        listen 127.0.0.1:{http_port};
        server_name localhost;
        ssl_certificate {tmp}/cert.pem;
        ssl_certificate_key {tmp}/key.pem;
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $remote_addr;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    """`nextround serve` in hosted mode with nginx and TLS in front; yields the ports."""
    tmp = tmp_path_factory.mktemp("proxy")
    data_dir = tmp / "data"
    app_port, https_port, http_port = _free_port(), _free_port(), _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEXTROUND_", "DATABASE_URL", "DJANGO_"))
    }
    env.update(
        NEXTROUND_DATA_DIR=str(data_dir),
        NEXTROUND_HTTPS="1",
        NEXTROUND_TRUSTED_PROXY="127.0.0.1",
        NEXTROUND_ALLOWED_HOSTS="localhost",
        NEXTROUND_SECRET_KEY="a-test-only-hosted-secret-" + "k" * 40,
    )
    command = [sys.executable, "-m", "nextround"]
    subprocess.run([*command, "migrate", "-v", "0"], env=env, check=True, timeout=180)
    subprocess.run(
        [*command, "createuser", "robin", "--password-stdin"],
        env=env,
        input=PASSWORD + "\n",
        text=True,
        check=True,
        timeout=60,
    )
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    (tmp / "nginx.conf").write_text(
        NGINX_CONF.format(tmp=tmp, app_port=app_port, https_port=https_port, http_port=http_port)
    )
    app_log = tmp / "app.log"
    with app_log.open("w") as log:
        app = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", str(app_port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    proxy = subprocess.Popen(
        [str(NGINX), "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(app_port, app, app_log)
        _wait_for(https_port, proxy, tmp / "nginx-error.log")
        yield {"https": https_port, "http": http_port, "app": app_port, "data_dir": data_dir}
    finally:
        for process in (proxy, app):
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(tmp / "body", ignore_errors=True)


def _https(port: int) -> http.client.HTTPSConnection:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return http.client.HTTPSConnection(
        "127.0.0.1", port, context=context, timeout=30, source_address=(VISITOR, 0)
    )


def _request(connection, method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()
    return response


@pytest.fixture
def connections():
    """Opened connections, closed after the test."""
    opened = []

    def track(connection):
        opened.append(connection)
        return connection

    yield track
    for connection in opened:
        connection.close()


def test_https_pages_load_without_a_redirect_loop_and_send_hsts(proxied, connections):
    response = _request(connections(_https(proxied["https"])), "GET", "/accounts/login/")
    assert response.status == 200
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")
    assert "Content-Security-Policy" in response.headers


def test_plain_http_is_redirected_once_to_https(proxied, connections):
    connection = connections(http.client.HTTPConnection("127.0.0.1", proxied["http"], timeout=30))
    response = _request(connection, "GET", "/accounts/login/")
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/accounts/login/"


def test_a_client_cannot_claim_https_by_going_around_the_proxy(proxied, connections):
    connection = connections(
        http.client.HTTPConnection(
            "127.0.0.1", proxied["app"], timeout=30, source_address=(VISITOR, 0)
        )
    )
    response = _request(
        connection, "GET", "/accounts/login/", headers={"X-Forwarded-Proto": "https"}
    )
    assert response.status == 301


def test_logging_in_sets_secure_cookies_and_sees_the_visitors_address(proxied, connections):
    connection = connections(_https(proxied["https"]))
    form = _request(connection, "GET", "/accounts/login/")
    csrf_cookie = form.getheader("Set-Cookie")
    assert "Secure" in csrf_cookie
    token = re.search(r"csrftoken=([^;]+)", csrf_cookie).group(1)
    middleware_token = (
        re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body).group(1).decode()
    )
    headers = {
        "Cookie": f"csrftoken={token}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": "https://localhost",
        "Referer": "https://localhost/accounts/login/",
    }
    wrong = _request(
        connection,
        "POST",
        "/accounts/login/",
        body=f"csrfmiddlewaretoken={middleware_token}&username=robin&password=not-it",
        headers=headers,
    )
    assert wrong.status == 200
    with sqlite3.connect(proxied["data_dir"] / "nextround.sqlite3") as db:
        addresses = [row[0] for row in db.execute("SELECT ip_address FROM axes_accessattempt")]
    assert addresses == [VISITOR]

    right = _request(
        connection,
        "POST",
        "/accounts/login/",
        body=f"csrfmiddlewaretoken={middleware_token}&username=robin&password={PASSWORD}",
        headers=headers,
    )
    assert right.status == 302
    assert right.getheader("Location") == "/"
    session_cookie = next(
        value for name, value in right.getheaders() if name == "Set-Cookie" and "sessionid" in value
    )
    assert "Secure" in session_cookie
    assert "HttpOnly" in session_cookie
