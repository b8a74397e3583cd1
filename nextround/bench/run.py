"""`make bench`: seed a heavy account, serve it with `nextround serve`, measure, print one table.

Everything happens on this machine: a throwaway data directory (or the
database in ``DATABASE_URL``, which must be empty), the production server in a
subprocess started exactly as a person starts it, and a load generator made
of threads and ``http.client``. Query counts come from a response header
that the server adds only under ``NEXTROUND_BENCH=1``.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

QUERY_COUNT_HEADER = "x-bench-queries"
TRIVIAL = "/api/v1/me"
LOGINS_AT_ONCE = 8

# The main pages a person visits, by name; ``{application}`` and friends are
# filled in with ids from the seeded account.
PAGES = (
    ("Today", "/"),
    ("applications board", "/applications/"),
    ("applications list", "/applications/list/"),
    ("application page", "/applications/{application}/"),
    ("plan", "/plan/"),
    ("question bank", "/questions/"),
    ("practice (one category)", "/questions/practice/?category=competency"),
    ("review stats", "/questions/stats/"),
    ("gaps", "/feedback/"),
    ("organisations", "/organisations/"),
    ("contacts", "/contacts/"),
    ("expenses", "/expenses/"),
    ("happy box", "/happy-box/"),
    ("insights", "/insights/"),
    ("settings", "/accounts/settings/"),
    ("activity", "/applications/activity/"),
)
API_LISTS = (
    ("API applications", "/api/v1/applications"),
    ("API interviews", "/api/v1/interviews"),
    ("API questions", "/api/v1/questions"),
    ("API questions due", "/api/v1/questions?due=true"),
    ("API contacts", "/api/v1/contacts"),
    ("API expenses", "/api/v1/expenses"),
    ("API organisations", "/api/v1/organisations"),
    ("API open actions", "/api/v1/actions?status=open"),
    ("API feedback", "/api/v1/feedback"),
    ("API gaps", "/api/v1/gaps"),
)


def say(text: str) -> None:
    """Progress, on stderr, so that stdout holds only the table."""
    print(text, file=sys.stderr, flush=True)


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float

    @property
    def queries(self) -> int | None:
        value = self.headers.get(QUERY_COUNT_HEADER)
        return int(value) if value is not None else None


class Client:
    """One keep-alive connection to the server, with its own cookies and, for the API, a token."""

    def __init__(self, port: int, token: str | None = None):
        self.port = port
        self.token = token
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        content_type: str = "",
        extra_headers: dict[str, str] | None = None,
    ) -> Reply:
        headers = {"Host": "127.0.0.1", **(extra_headers or {})}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        reused = self.connection is not None
        started = time.perf_counter()
        try:
            response, data = self._send(method, path, body, headers)
        except (ConnectionError, http.client.HTTPException):
            self.close()
            # A kept-alive connection the server has since closed: try once on a new one.
            if not reused or method != "GET":
                raise
            started = time.perf_counter()
            response, data = self._send(method, path, body, headers)
        seconds = time.perf_counter() - started
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.will_close:
            self.close()
        return Reply(
            response.status, data, {k.lower(): v for k, v in response.getheaders()}, seconds
        )

    def _send(self, method, path, body, headers):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=900)
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        return response, response.read()

    def post_form(
        self, path: str, fields: dict[str, str], extra_headers: dict[str, str] | None = None
    ) -> Reply:
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request(
            "POST",
            path,
            urlencode(fields).encode(),
            "application/x-www-form-urlencoded",
            extra_headers,
        )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def log_in(client: Client, username: str, password: str) -> Reply:
    """Log in through the login page, as a browser would; returns the POST's reply."""
    client.request("GET", "/accounts/login/")
    reply = client.post_form("/accounts/login/", {"username": username, "password": password})
    if reply.status != 302 or "sessionid" not in client.cookies:
        raise SystemExit(f"bench: could not log in as {username} (HTTP {reply.status}).")
    return reply


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with ``share`` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (a multi-process server's workers)."""
    found, index = [pid], 0
    while index < len(found):
        parent = found[index]
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            children = []
        found.extend(int(child) for child in children)
        index += 1
    return found


def resident_kb(pid: int, measure: str = "VmRSS", source: str = "status") -> int:
    """VmRSS of ``pid`` and its descendants, in KiB (0 once it has gone).

    Forked workers share their parent's pages until they write to them, and
    VmRSS counts a shared page in every process; ``resident_kb(pid, "Pss",
    "smaps_rollup")`` splits each shared page between its sharers instead.
    """
    total = 0
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/{source}").read_text()
        except OSError:
            continue
        match = re.search(rf"^{measure}:\s+(\d+) kB", status, re.MULTILINE)
        total += int(match.group(1)) if match else 0
    return total


def proportional_kb(pid: int) -> int:
    """The memory the server and its workers take together, shared pages counted once."""
    return resident_kb(pid, "Pss", "smaps_rollup")


class MemoryWatch:
    """Samples the server's resident memory every 20 ms until stopped."""

    def __init__(self, pid: int):
        self.pid = pid
        self.samples: list[tuple[float, int]] = []
        self.proportional_peak = 0
        self.proportional_peak_at = 0.0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        count = 0
        while not self.stopped.wait(0.02):
            self.samples.append((time.monotonic(), resident_kb(self.pid)))
            count += 1
            # Reading PSS walks every page: ten times less often.
            if count % 10 == 0:
                kb = proportional_kb(self.pid)
                if kb > self.proportional_peak:
                    self.proportional_peak, self.proportional_peak_at = kb, time.monotonic()

    def peak_since(self, moment: float) -> int:
        return max((kb for at, kb in list(self.samples) if at >= moment), default=0)

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()


@dataclass
class Row:
    """One line of the table."""

    what: str
    p50: float | None = None
    p99: float | None = None
    ratio: float | None = None
    queries: int | None = None
    kb: float | None = None
    note: str = ""


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    finished_at: list[float] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        self.finished_at.append(time.monotonic())
        return row

    def row_under_way_at(self, moment: float) -> str:
        """The measurement that was running at ``moment``: the first one added after it."""
        for row, finished in zip(self.rows, self.finished_at, strict=True):
            if finished >= moment:
                return row.what
        return ""

    def render(self, title: str) -> str:
        def number(value, digits=0):
            return "" if value is None else f"{value:,.{digits}f}"

        header = ("what", "p50 ms", "p99 ms", "x /me", "queries", "KB", "note")
        lines = [
            (
                row.what,
                number(row.p50, 1),
                number(row.p99, 1),
                "" if row.ratio is None else f"{row.ratio:.1f}x",
                number(row.queries),
                number(row.kb),
                row.note,
            )
            for row in self.rows
        ]
        widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

        def line(cells):
            padded = [
                cell.ljust(width) if index in (0, 6) else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
            ]
            return "| " + " | ".join(padded) + " |"

        rule = (
            "|"
            + "|".join(
                ("-" * (width + 2)) if index in (0, 6) else ("-" * (width + 1) + ":")
                for index, width in enumerate(widths)
            )
            + "|"
        )
        return "\n".join([title, "", line(header), rule, *(line(cells) for cells in lines)])


def sequential(client: Client, path: str, requests: int) -> tuple[list[float], Reply]:
    """``requests`` timed GETs after one untimed warm-up; the times in ms and the last reply."""
    reply = client.request("GET", path)
    if reply.status != 200:
        return [], reply
    times = []
    for _ in range(requests):
        reply = client.request("GET", path)
        times.append(reply.seconds * 1000)
    return times, reply


def concurrent(make_client: Callable[[], Client], path: str, connections: int, each: int):
    """``connections`` clients at once, ``each`` GETs apiece: (requests a second, times, errors)."""
    clients = [make_client() for _ in range(connections)]
    for client in clients:
        client.request("GET", path)
    times: list[float] = []
    errors: list[int] = []
    start = threading.Barrier(connections + 1)

    def load(client: Client) -> None:
        start.wait()
        for _ in range(each):
            reply = client.request("GET", path)
            (times if reply.status == 200 else errors).append(reply.seconds * 1000)

    threads = [threading.Thread(target=load, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    for client in clients:
        client.close()
    return connections * each / elapsed, times, errors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, server_options: list[str], log: Path) -> subprocess.Popen:
    """``nextround serve`` as a person runs it (without the reminders worker), once it answers."""
    environment = {**os.environ, "NEXTROUND_BENCH": "1"}
    command = [sys.executable, "-m", "nextround", "serve", "--no-worker", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, *server_options], env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"bench: the server stopped: {log.read_text()[-2000:]}")
        try:
            if Client(port).request("GET", "/accounts/login/").status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("bench: the server did not answer within a minute.")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def timed_once(
    client: Client, method: str, path: str, body=None, content_type=""
) -> tuple[Row, Reply]:
    reply = client.request(method, path, body, content_type)
    note = "" if reply.status in (200, 201) else f"HTTP {reply.status} {first_line(reply.body)}"
    return Row("", p50=reply.seconds * 1000, kb=len(reply.body) / 1024, note=note), reply


def first_line(text: bytes) -> str:
    """The start of an error's first line, for the note column (nothing for an HTML page)."""
    lines = text.decode(errors="replace").strip().splitlines() or [""]
    return "" if lines[0].lower().startswith("<!doctype") else lines[0][:100]


def csv_rows(count: int) -> str:
    """A made-up spreadsheet of ``count`` past applications, as another tracker exports them."""
    lines = ["Company,Job Title,Date Applied,Status"]
    for number in range(count):
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        lines.append(
            f"Gallery {number % 400},Assistant {number},2024-{month:02d}-{day:02d},Applied"
        )
    return "\n".join(lines) + "\n"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m nextround.bench",
        description="Seed a heavy made-up account, serve it, and print how fast each page is.",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="W1 times this (default 1).")
    parser.add_argument(
        "--hosted",
        action="store_true",
        help="Also seed W2 (10,000 accounts times --scale, 50 applications each) and measure it.",
    )
    parser.add_argument("--requests", type=int, default=20, help="Timed requests per page.")
    parser.add_argument("--connections", type=int, default=16, help="Clients at once.")
    parser.add_argument("--hosted-connections", type=int, default=32, help="Clients at once, W2.")
    parser.add_argument("--workers", help="Passed to `nextround serve --workers`.")
    parser.add_argument("--threads", help="Passed to `nextround serve --threads`.")
    parser.add_argument(
        "--server-only",
        action="store_true",
        help="Measure only what the choice of server changes: logins, the trivial endpoint "
        "and Today, alone and under load.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the data directory.")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    # Stopped from outside, still stop the server and remove the data.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    data_dir = Path(tempfile.mkdtemp(prefix="nextround-bench-"))
    os.environ["NEXTROUND_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    try:
        print(measure(options, data_dir))
    finally:
        if not options.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            say(f"The data directory is kept: {data_dir}")
    return 0


def measure(options: argparse.Namespace, data_dir: Path) -> str:
    """Seed, serve, measure; the table as text."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from nextround.accounts.models import ApiToken, User
    from nextround.bench.seed import seed, seed_hosted
    from nextround.jobs.models import Application

    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    say(f"bench: {database}, data in {data_dir}")
    call_command("migrate", verbosity=0, interactive=False)
    began = time.perf_counter()
    seeded = seed(options.scale)
    seed_seconds = time.perf_counter() - began
    say(f"bench: seeded W1 x {options.scale:g} in {seed_seconds:.1f} s: {seeded.counts}")
    hosted = None
    if options.hosted:
        began = time.perf_counter()
        hosted = seed_hosted(options.scale)
        say(
            f"bench: seeded W2 x {options.scale:g} ({len(hosted.usernames)} accounts) "
            f"in {time.perf_counter() - began:.1f} s"
        )
    user = User.objects.get(username=seeded.usernames[0])
    _, token = ApiToken.issue(user, "bench")
    User.objects.create_user("bench-import", password=seeded.password)
    User.objects.create_user("bench-csv", password=seeded.password)
    application = (
        Application.objects.filter(owner=user, feedback__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    interview = user_interview_with_questions(user)
    ids = {"application": application}
    connections.close_all()

    port = free_port()
    server_options = []
    if options.workers:
        server_options += ["--workers", options.workers]
    if options.threads:
        server_options += ["--threads", options.threads]
    server = start_server(port, server_options, data_dir / "server.log")
    table = Table()
    watch = MemoryWatch(server.pid)
    try:
        time.sleep(0.5)
        idle_kb, idle_pss_kb = resident_kb(server.pid), proportional_kb(server.pid)
        run_measures(options, table, port, seeded, token, ids, interview, watch)
        if hosted:
            run_hosted(options, table, port, hosted)
        processes = len(process_tree(server.pid))
        table.add(
            Row(
                f"server memory, idle ({processes} process{'es' if processes > 1 else ''})",
                note=f"{idle_kb / 1024:.0f} MB (shared counted once: {idle_pss_kb / 1024:.0f} MB)",
            )
        )
        table.add(
            Row(
                "server memory, peak",
                note=f"{watch.peak_since(0) / 1024:.0f} MB "
                f"(shared counted once: {watch.proportional_peak / 1024:.0f} MB, "
                f"during {table.row_under_way_at(watch.proportional_peak_at) or 'the end'})",
            )
        )
    finally:
        watch.stop()
        stop_server(server)
    setup = " ".join(server_options) or "serve's defaults"
    title = (
        f"Next Round bench: W1 x {options.scale:g}{' and W2' if hosted else ''} on {database}, "
        f"{os.cpu_count()} cores, `nextround serve` ({setup}); seeded in {seed_seconds:.0f} s"
    )
    return table.render(title)


def user_interview_with_questions(user) -> int | None:
    from nextround.jobs.models import Interview

    return (
        Interview.objects.filter(owner=user, questions__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )


def run_measures(options, table, port, seeded, token, ids, interview, watch):
    username, password = seeded.usernames[0], seeded.password
    requests = max(1, options.requests)

    say(f"bench: {LOGINS_AT_ONCE} logins at once")
    clients = [Client(port) for _ in range(LOGINS_AT_ONCE)]
    for client in clients:
        client.request("GET", "/accounts/login/")
    barrier = threading.Barrier(LOGINS_AT_ONCE)
    login_times: list[float] = []

    def login(client: Client) -> None:
        barrier.wait()
        reply = client.post_form("/accounts/login/", {"username": username, "password": password})
        login_times.append(reply.seconds * 1000)

    mark = time.monotonic()
    threads = [threading.Thread(target=login, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.1)
    table.add(
        Row(
            f"{LOGINS_AT_ONCE} logins at once",
            p50=statistics.median(login_times),
            p99=max(login_times),
            note=f"server memory peak {watch.peak_since(mark) / 1024:.0f} MB",
        )
    )
    browser = clients[0]
    for client in clients[1:]:
        client.close()
    api = Client(port, token)

    say("bench: the trivial endpoint")
    trivial_times, reply = sequential(api, TRIVIAL, requests * 2)
    trivial = statistics.median(trivial_times)
    table.add(
        Row(
            f"trivial: {TRIVIAL}",
            p50=trivial,
            p99=percentile(trivial_times, 0.99),
            ratio=1.0,
            queries=reply.queries,
            kb=len(reply.body) / 1024,
        )
    )
    pages, lists = (PAGES[:1], ()) if options.server_only else (PAGES, API_LISTS)
    for group, client in ((pages, browser), (lists, api)):
        for name, path in group:
            say(f"bench: {name}")
            times, reply = sequential(client, path.format(**ids), requests)
            if not times:
                table.add(Row(name, note=f"HTTP {reply.status}"))
                continue
            table.add(
                Row(
                    name,
                    p50=statistics.median(times),
                    p99=percentile(times, 0.99),
                    ratio=statistics.median(times) / trivial,
                    queries=reply.queries,
                    kb=len(reply.body) / 1024,
                )
            )

    say(f"bench: {options.connections} connections at once")
    each = max(2, requests // 8)

    def logged_in() -> Client:
        client = Client(port)
        client.cookies = dict(browser.cookies)
        return client

    me_rate, me_times, _ = concurrent(
        lambda: Client(port, token), TRIVIAL, options.connections, each * 4
    )
    table.add(
        Row(
            f"trivial, {options.connections} connections",
            p50=statistics.median(me_times),
            p99=percentile(me_times, 0.99),
            note=f"{me_rate:.1f} req/s",
        )
    )
    rate, times, errors = concurrent(logged_in, "/", options.connections, each)
    table.add(
        Row(
            f"Today, {options.connections} connections",
            p50=statistics.median(times) if times else None,
            p99=percentile(times, 0.99) if times else None,
            note=f"{rate:.1f} req/s, {rate / me_rate:.1%} of trivial"
            + (f", {len(errors)} errors" if errors else ""),
        )
    )

    if options.server_only:
        return
    say("bench: review, rate then the next card")
    review_times: list[float] = []
    queries = None
    page = browser.request("GET", "/questions/review/")
    for _ in range(requests):
        found = re.search(rb'action="/questions/review/(\d+)/"', page.body)
        if not found:
            break
        # As the page does it: the rating's answer is the next card (htmx).
        page = browser.post_form(
            f"/questions/review/{int(found.group(1))}/",
            {"rating": "good"},
            extra_headers={"HX-Request": "true"},
        )
        review_times.append(page.seconds * 1000)
        queries = page.queries
    table.add(
        Row(
            "review: rate, then the next card",
            p50=statistics.median(review_times) if review_times else None,
            p99=percentile(review_times, 0.99) if review_times else None,
            queries=queries,
            note="" if review_times else "no card due",
        )
    )

    say("bench: files out and in")
    for name, path, client in (
        ("Anki deck", "/api/v1/questions.apkg", api),
        ("question bank as Markdown", "/questions/bank.md", browser),
        ("interview pack (PDF)", f"/api/v1/interviews/{interview}/pack.pdf", api),
        ("activity report (CSV)", "/applications/activity/?format=csv", browser),
    ):
        row, _ = timed_once(client, "GET", path)
        row.what = name
        table.add(row)
    row, export = timed_once(api, "GET", "/api/v1/export")
    row.what = "whole-account export (API)"
    table.add(row)
    if export.status == 200:
        say("bench: whole-account import")
        table.add(import_row(export.body))

    say("bench: CSV import of 10,000 rows")
    table.add(csv_import_row())


def import_row(document: bytes) -> Row:
    """`nextround import` of a whole-account export into an empty account, timed."""
    from django.conf import settings

    path = Path(settings.DATA_DIR) / "export.json"
    path.write_bytes(document)
    return timed_command(
        "whole-account import of that export (CLI)", "import", "--user", "bench-import", str(path)
    )


def timed_command(what: str, *arguments: str) -> Row:
    """A `nextround` command run as a person runs it, timed; its refusal in the note."""
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "nextround", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - began
    note = "" if result.returncode == 0 else "refused: " + first_line(result.stderr.encode())
    return Row(what, p50=seconds * 1000, note=note)


def csv_import_row() -> Row:
    """`nextround import-csv` of 10,000 rows into an empty account, timed."""
    from django.conf import settings

    path = Path(settings.DATA_DIR) / "applications.csv"
    path.write_text(csv_rows(10000), encoding="utf-8")
    return timed_command(
        "CSV import of 10,000 rows (CLI)", "import-csv", "--user", "bench-csv", str(path)
    )


def run_hosted(options, table, port, hosted) -> None:
    """W2: one member's Today, alone and with many members at once."""
    say("bench: W2, one member's Today")
    member = Client(port)
    log_in(member, hosted.usernames[0], hosted.password)
    times, reply = sequential(member, "/", options.requests)
    table.add(
        Row(
            f"W2 ({len(hosted.usernames):,} accounts): Today",
            p50=statistics.median(times) if times else None,
            p99=percentile(times, 0.99) if times else None,
            queries=reply.queries,
            kb=len(reply.body) / 1024,
        )
    )
    say(f"bench: W2, {options.hosted_connections} members at once")

    def next_member() -> Client:
        client = Client(port)
        client.cookies = dict(member.cookies)
        return client

    rate, times, errors = concurrent(
        next_member, "/", options.hosted_connections, max(2, options.requests // 8)
    )
    table.add(
        Row(
            f"W2: Today, {options.hosted_connections} connections",
            p50=statistics.median(times) if times else None,
            p99=percentile(times, 0.99) if times else None,
            note=f"{rate:.1f} req/s" + (f", {len(errors)} errors" if errors else ""),
        )
    )
