"""Times a commission over real HTTP (bench/commission.sh): signs in as the bench's staff (password, then the TOTP code),
then for each prepared session: POST Freeze (which also runs the engine: calcul n° 1; antiforgery token read beforehand,
untimed), then GET the review page of that run, where the freeze redirects.
Each session starts on a quiet machine (wait_quiet): the background jobs of the generated data (confirmation reminders) and of
the previous session (its 30,000 e-mails) would otherwise share the two cores with it.
The families' notices of a freeze are written after it by a background job (docs/commission.md, « Les avis du gel »): after
the page, the client waits until the session's snapshot says they are all written (BENCH_DB, the SQLite file), reports how
long after the freeze that was, and only then starts the next session."""
import base64, hashlib, hmac, html, http.cookiejar, os, re, sqlite3, statistics, struct, sys, time, urllib.parse, urllib.request

base, email, password, key = sys.argv[1], sys.argv[2], sys.argv[3].replace("+", " "), sys.argv[4]
sessions = sys.argv[5:]
# The server's process id (optional): each step also reports the CPU time the server spent on it, which a loaded machine
# distorts less than the elapsed time.
server = os.environ.get("BENCH_SERVER_PID")

def database():
    """The server's SQLite file: BENCH_DB, else read from the server's environment (its connection string)."""
    if os.environ.get("BENCH_DB"): return os.environ["BENCH_DB"]
    if not server: return None
    with open(f"/proc/{server}/environ", "rb") as f:
        for item in f.read().split(b"\0"):
            if item.startswith(b"ConnectionStrings__Berceau=Data Source="): return item.split(b"=", 2)[2].decode()
    return None

def notices_written_postgres(session, conninfo):
    """As notices_written, on PostgreSQL through psql (BENCH_PSQL: the libpq connection string of the app's database)."""
    import subprocess
    deadline = time.perf_counter() + 600
    query = f'SELECT "NoticesQueuedAt" IS NOT NULL FROM "CommissionSnapshots" WHERE "SessionId" = \'{session}\'::uuid'
    while time.perf_counter() < deadline:
        done = subprocess.run(["psql", conninfo, "-Atqc", query], capture_output=True, text=True, check=True).stdout.strip()
        if done == "t": return time.perf_counter()
        time.sleep(0.05)
    return None

def notices_written(session):
    """Waits (at most 600 s) until the session's notices are all written; the instant they were, or None."""
    if os.environ.get("BENCH_PSQL"): return notices_written_postgres(session, os.environ["BENCH_PSQL"])
    path = database()
    if not path: return None
    deadline = time.perf_counter() + 600
    while time.perf_counter() < deadline:
        with sqlite3.connect(path, timeout=30) as db:
            row = db.execute('SELECT "NoticesQueuedAt" FROM "CommissionSnapshots" WHERE upper("SessionId") = upper(?)', (session,)).fetchone()
        if row and row[0] is not None: return time.perf_counter()
        time.sleep(0.05)
    return None

def machine_busy():
    """The machine's busy and total CPU time so far (/proc/stat, every core, every process: the database server too)."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)

def wait_quiet(limit=600):
    """Waits until the machine's cores are 95 % idle for a whole second (at most `limit` s): the server's background jobs (the
    previous session's e-mails, the confirmation reminders of the generated applications) and the database server's (PostgreSQL's
    autovacuum) are done, and the session is timed on a quiet machine. Returns the seconds waited."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        busy, total = machine_busy()
        time.sleep(1)
        busy2, total2 = machine_busy()
        if (busy2 - busy) < 0.05 * max(1, total2 - total): break
    return time.perf_counter() - start

def cpu():
    if not server: return 0.0
    with open(f"/proc/{server}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

def request(path, fields=None):
    data = urllib.parse.urlencode(fields).encode() if fields is not None else None
    try:
        with opener.open(urllib.request.Request(base + path, data=data), timeout=1800) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode(errors="replace")

def token(page):
    m = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
    return html.unescape(m.group(1))

def errors(page):
    return " | ".join(re.sub(r"<[^>]+>", "", m).strip() for m in re.findall(r'<li>(.*?)</li>', page.split("govuk-error-summary__list", 1)[-1].split("</ul>", 1)[0], re.S)) if "govuk-error-summary__list" in page else page[:500]

def totp(secret):
    digest = hmac.new(base64.b32decode(secret), struct.pack(">q", int(time.time()) // 30), hashlib.sha1).digest()
    o = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)

def post(path, fields, form_path=None):
    _, _, page = request(form_path or path)
    status, headers, body = request(path, dict(fields, __RequestVerificationToken=token(page)))
    if status != 302:
        raise SystemExit(f"POST {path}: {status} {errors(body)}")
    return headers["Location"]

post("/compte/connexion", {"Input.Email": email, "Input.Password": password})
post("/compte/connexion/code", {"Input.Code": totp(key)})

rows = []
for session in sessions:
    page = f"/pro/commissions/{session}"
    status, _, body = request(page)
    if status != 200:
        raise SystemExit(f"GET {page}: {status}")
    form = {"__RequestVerificationToken": token(body)}
    waited = wait_quiet()
    c0, t0 = cpu(), time.perf_counter()
    status, headers, body = request(page + "?handler=Freeze", form)
    c1, t1 = cpu(), time.perf_counter()
    if status != 302: raise SystemExit(f"Freeze: {status} {errors(body)}")
    status, _, body = request(headers["Location"])
    c2, t2 = cpu(), time.perf_counter()
    if status != 200: raise SystemExit(f"GET review: {status}")
    if "Calcul n° 1 terminé." not in html.unescape(body): raise SystemExit("GET review: the freeze's calcul n° 1 is not on the page")
    row = (t1 - t0, t2 - t1, t2 - t0, len(body), c1 - c0, c2 - c1, c2 - c0)
    rows.append(row)
    t3 = notices_written(session)
    c3 = cpu()
    print(f"session {session}: freeze and calcul n° 1 {row[0]*1000:.0f} ms, review page {row[1]*1000:.0f} ms ({row[3]//1024} KB), total {row[2]*1000:.0f} ms"
          + (f"; server CPU {row[4]*1000:.0f} + {row[5]*1000:.0f} = {row[6]*1000:.0f} ms" if server else "")
          + (f"; notices written {(t3 - t1)*1000:.0f} ms after the freeze (server CPU after the page: {(c3 - c2)*1000:.0f} ms)" if t3 else "")
          + f"; started after {waited:.0f} s waiting for a quiet machine", flush=True)

for name, i in (("freeze and calcul n° 1", 0), ("review page", 1), ("total", 2)):
    values = [r[i] * 1000 for r in rows]
    line = f"| {name} | {min(values):.0f} ms | {statistics.median(values):.0f} ms |"
    if server:
        cpus = [r[i + 4] * 1000 for r in rows]
        line += f" {min(cpus):.0f} ms | {statistics.median(cpus):.0f} ms |"
    print(line)
