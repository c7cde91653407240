"""`tousu`: run the helper and the mock shop, pair, diagnose, and the layers without a browser.

read/advise/lint print exactly the JSON the HTTP API returns.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import click

from . import API_VERSION, __version__, config


def _print_json(model_or_data) -> None:
    if hasattr(model_or_data, "model_dump_json"):
        text = model_or_data.model_dump_json(indent=2)
    else:
        text = json.dumps(model_or_data, ensure_ascii=False, indent=2)
    click.echo(text)


def _data_dir(value: str | None) -> Path:
    return Path(value or os.environ.get("TOUSU_DATA_DIR") or config.default_data_dir())


def _port(value: int | None) -> int:
    return value or int(os.environ.get("TOUSU_PORT") or config.DEFAULT_PORT)


def _require_loopback(host: str) -> None:
    if host not in config.LOOPBACK_HOSTS:
        raise click.UsageError(
            f"refusing to listen on {host!r}: the helper only ever binds loopback "
            f"({', '.join(config.LOOPBACK_HOSTS)}), so no other machine can reach your cases."
        )


def _run_until_stopped(server) -> None:
    sys.stdout.flush()  # the banner must reach a log or a test harness before requests do
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _create_server(app, host: str, port: int, threads: int = 8, factory=None):
    from waitress import create_server

    from .ports import port_holder

    try:
        if factory is not None:
            return factory()
        return create_server(app, host=host, port=port, threads=threads, ident="tousu")
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        holder = port_holder(port) or "an unknown process"
        click.echo(
            f"错误：端口 {port} 已被占用（{holder}）。\n"
            f"Error: port {port} on {host} is already in use by {holder}.\n"
            f"Stop it, or start Tousu on another port with --port N (and set the same port in "
            f"the extension's options). Tousu never moves to another port by itself.",
            err=True,
        )
        sys.exit(3)


@click.group()
@click.version_option(__version__, prog_name="tousu")
def main() -> None:
    """淘宝投诉助手 Tousu: the local helper behind the browser extension."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Loopback address only.")
@click.option("--port", type=int, default=None, help=f"Default {config.DEFAULT_PORT} or $TOUSU_PORT.")
@click.option("--data-dir", default=None, help="Default: the user data dir or $TOUSU_DATA_DIR.")
@click.option(
    "--extension-id",
    "extension_ids",
    multiple=True,
    help="Allow another extension id (e.g. a store build). Repeatable.",
)
@click.option("--threads", type=int, default=8, show_default=True)
@click.option(
    "--idle-timeout",
    type=float,
    default=0,
    help="Stop after this many seconds without a request (0: never; the native host sets it).",
)
def serve(
    host: str,
    port: int | None,
    data_dir: str | None,
    extension_ids: tuple[str, ...],
    threads: int,
    idle_timeout: float,
) -> None:
    """Run the helper on loopback (production WSGI server) and print a pairing code."""
    from .app import create_app
    from .security.private import narrow_umask

    narrow_umask()  # before the first file: nothing the helper writes is readable by others
    _require_loopback(host)
    port = _port(port)
    settings = {"PORT": port, "DATA_DIR": str(_data_dir(data_dir))}
    settings["EXTENSION_IDS"] = list(extension_ids) or config.from_environment().get(
        "EXTENSION_IDS", [config.DEFAULT_EXTENSION_ID]
    )
    app = create_app(settings)
    watch = None
    if idle_timeout > 0:
        from .native.idle import IdleWatch

        app.wsgi_app = watch = IdleWatch(app.wsgi_app, idle_timeout)  # type: ignore[method-assign]
    from .security.server import app_check
    from .security.server import create_server as guarded_server

    server = _create_server(
        app,
        host,
        port,
        threads,
        factory=lambda: guarded_server(
            app,
            host=host,
            port=port,
            threads=threads,
            max_body=int(app.config["MAX_CONTENT_LENGTH"]),
            check=app_check(app),
        ),
    )
    from .reading.worker import shared_pool

    # The reader's worker processes start now, not on the shopper's first page.
    shared_pool(int(app.config["READ_WORKERS"])).warm()
    code = app.extensions["tousu.pairing"].issue_code()
    click.echo(f"Tousu helper {__version__} (API v{API_VERSION}) on http://{host}:{port}")
    click.echo(f"数据目录 / Data: {settings['DATA_DIR']}")
    click.echo(f"配对码 / Pairing code: {code}")
    click.echo("  在扩展的设置页输入配对码（10 分钟内有效，只能用一次）。")
    click.echo("  Enter it on the extension's options page (valid 10 minutes, single use).")
    click.echo(
        f"加载扩展 / Load the extension: chrome://extensions -> 开发者模式 Developer mode -> "
        f"加载已解压的扩展程序 Load unpacked -> {config.extension_dir()}"
    )
    click.echo("按 Ctrl+C 停止 / Press Ctrl+C to stop.", nl=True)
    from .native.state import announced

    _warm_advice()
    # The native host finds this helper (port, pid) through the data directory's state file.
    with announced(Path(str(settings["DATA_DIR"])), port, __version__):
        if watch is not None:
            watch.start()
        _run_until_stopped(server)


def _warm_advice() -> None:
    """Load and compile the advice rules, weights and OpenCC in a thread while the server starts:
    /ping answers without waiting for them (issue 11: ready in 0.5 s), and an advice request that
    comes sooner waits for the load instead of repeating it. Broken rule files stop the helper,
    as they did when they were loaded on the main thread."""
    import threading

    def run() -> None:
        try:
            from . import advice

            advice.warm()
        except Exception as exc:  # noqa: BLE001 (any failure here is fatal and reported)
            click.echo(f"错误：建议规则无法加载 / Error: the advice rules failed to load:\n{exc}", err=True)
            sys.stderr.flush()
            os._exit(4)

    threading.Thread(target=run, name="tousu-warm-advice", daemon=True).start()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=47400, show_default=True)
@click.option("--scenario", "scenarios", multiple=True, help="Only these scenarios (repeatable).")
@click.option("--now", default=None, help="Pin the shop's clock (ISO 8601) for reproducible pages.")
@click.option("--state", "state_file", default=None, help="Keep submissions in this JSON file.")
@click.option("--delay", type=int, default=0, help="Milliseconds added to every page.")
@click.option("--build", default=None, help="Seed of the hashed class names (a new site build).")
@click.option(
    "--fault",
    "faults",
    multiple=True,
    metavar="NAME=VALUE",
    help="A default fault switch, e.g. fault=login, late=800 (see docs/mockshop.md).",
)
@click.option("--scenario-dir", default=None, help="Read scenario files from this folder too.")
def mock(
    host: str,
    port: int,
    scenarios: tuple[str, ...],
    now: str | None,
    state_file: str | None,
    delay: int,
    build: str | None,
    faults: tuple[str, ...],
    scenario_dir: str | None,
) -> None:
    """Run the mock Taobao/Tmall shop (pages under /<real host>/<real path>)."""
    create_mock_app = _toolkit("tousu_testing.mockshop").create_mock_app

    _require_loopback(host)
    switches = {}
    for item in faults:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--fault")
        switches[name.strip()] = int(value) if value.strip().isdigit() else value.strip()
    settings = {
        "SCENARIOS": list(scenarios) or None,
        "NOW": now,
        "STATE_FILE": state_file,
        "DELAY": delay,
        "FAULTS": switches or None,
        "SCENARIO_DIR": scenario_dir,
    }
    if build:
        settings["BUILD"] = build
    app = create_mock_app(settings)
    server = _create_server(app, host, port)
    click.echo(f"Tousu mock shop on http://{host}:{port}/ (scenario index)")
    click.echo(f"  e.g. http://{host}:{port}/buyertrade.taobao.com/trade/itemlist/list_bought_items.htm")
    _run_until_stopped(server)


@main.command()
@click.option("--data-dir", default=None)
@click.option("--revoke", is_flag=True, help="Revoke every pairing instead.")
def pair(data_dir: str | None, revoke: bool) -> None:
    """Print a new one-time pairing code (or revoke all pairings)."""
    from .security import PAIRING_FILE, PairingStore
    from .security.private import narrow_umask

    narrow_umask()
    store = PairingStore(_data_dir(data_dir) / PAIRING_FILE)
    if revoke:
        click.echo(f"已撤销 {store.revoke()} 个配对 / Revoked pairings.")
        return
    click.echo(f"配对码 / Pairing code: {store.issue_code()}")
    click.echo("  之前打印的配对码已失效。 / Any code printed before no longer works.")


@main.group(invoke_without_command=True)
@click.option("--data-dir", default=None)
@click.pass_context
def tokens(ctx: click.Context, data_dir: str | None) -> None:
    """List the pairing tokens (`tokens list`, the default) or revoke one (`tokens revoke ID`)."""
    from .security import PAIRING_FILE, PairingStore
    from .security.private import narrow_umask

    narrow_umask()
    ctx.obj = PairingStore(_data_dir(data_dir) / PAIRING_FILE)
    if ctx.invoked_subcommand is None:
        ctx.invoke(tokens_list)


@tokens.command("list")
@click.pass_obj
def tokens_list(store) -> None:
    """Every live token: id, extension, how it was paired, created, last used, expires."""
    from .api.tokens import token_rows

    _print_json({"ok": True, "tokens": token_rows(store)})


@tokens.command("revoke")
@click.argument("token_id")
@click.pass_obj
def tokens_revoke(store, token_id: str) -> None:
    """Revoke the token with this id (the extension that held it must pair again)."""
    if not store.revoke_id(token_id.strip().lower()):
        _fail(f"没有 id 为 {token_id} 的配对。", f"no live token has the id {token_id}.")
    _print_json({"ok": True, "token_id": token_id, "revoked": True})


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", default=None, help="The page's URL (decides the page family).")
def read(file: str, url: str | None) -> None:
    """Print the reading of a saved page (same JSON as POST /api/v1/pages/read)."""
    from .reading import read_page

    path = Path(file)
    _print_json(read_page(url or path.resolve().as_uri(), path.read_bytes()))


def _load_order(file: str, order_id: str | None):
    from pydantic import ValidationError

    from .models import Order

    data = json.loads(Path(file).read_text("utf-8"))
    if isinstance(data, dict) and "orders" in data:  # a saved reading
        orders = data["orders"]
        if not orders:
            raise click.UsageError("that reading has no orders")
        data = next((o for o in orders if o.get("order_id") == order_id), orders[0])
    try:
        return Order.model_validate(data)
    except ValidationError as exc:
        raise click.UsageError(f"not an order: {exc}") from None


def _affected(values: tuple[str, ...], order) -> list[dict]:
    """`SUB_ORDER_ID[:QTY[:COMPONENT]]` -> affected_items; no QTY means every unit of the line."""
    out = []
    quantities = {item.sub_order_id: item.quantity for item in order.items if item.sub_order_id}
    for value in values:
        sub, _, rest = value.partition(":")
        qty, _, component = rest.partition(":")
        if sub not in quantities:
            raise click.UsageError(f"--affected {value}: the order has no sub-order {sub!r}")
        if qty and not qty.isdigit():
            raise click.UsageError(f"--affected {value}: the quantity must be a whole number")
        entry: dict = {"sub_order_id": sub, "quantity": int(qty) if qty else max(1, quantities[sub])}
        if component:
            entry["component"] = component
        out.append(entry)
    return out


@main.command()
@click.option(
    "--order",
    "order_file",
    default=None,
    type=click.Path(exists=True),
    help="An order JSON, or a saved reading (its first order, or --order-id).",
)
@click.option("--order-id", default=None)
@click.option("--problem", default=None, help="What went wrong, in the shopper's words.")
@click.option("--symptom", "symptoms", multiple=True)
@click.option("--wanted", default=None, help="The outcome wanted (a remedy code).")
@click.option("--now", default=None, help="ISO 8601; default: now.")
@click.option(
    "--affected",
    "affected",
    multiple=True,
    metavar="SUB_ORDER_ID[:QTY[:COMPONENT]]",
    help="A line the problem concerns (repeatable); without QTY every unit of it.",
)
@click.option(
    "--request",
    "request_file",
    default=None,
    type=click.Path(exists=True),
    help="A whole AdviceRequest JSON (as POST /api/v1/advice takes); the other options override it.",
)
@click.option("--data-dir", default=None, help="Whose corrected settings to use (tousu settings).")
def advise(
    order_file: str | None,
    order_id: str | None,
    problem: str | None,
    symptoms: tuple[str, ...],
    wanted: str | None,
    now: str | None,
    affected: tuple[str, ...],
    request_file: str | None,
    data_dir: str | None,
) -> None:
    """Print the advice (same JSON as POST /api/v1/advice)."""
    from pydantic import ValidationError

    from . import preferences
    from .advice import advise as run
    from .models import AdviceRequest, Order

    body: dict = {}
    if request_file:
        try:
            body = json.loads(Path(request_file).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise click.UsageError(f"--request {request_file}: {exc}") from None
        if not isinstance(body, dict):
            raise click.UsageError("--request: the file must hold one JSON object")
    if order_file:
        body["order"] = _load_order(order_file, order_id).model_dump(mode="json")
    elif "order" not in body:
        raise click.UsageError("give --order FILE or --request FILE")
    if problem is not None or symptoms or wanted:
        given = dict(body.get("problem") or {})
        if problem is not None:
            given["text"] = problem
        if symptoms:
            given["symptoms"] = list(symptoms)
        if wanted:
            given["wanted"] = wanted
        body["problem"] = given
    if not (body.get("problem") or {}).get("text"):
        raise click.UsageError("give --problem TEXT or a problem in --request FILE")
    if now:
        body["now"] = now
    try:
        if affected:
            body["affected_items"] = _affected(affected, Order.model_validate(body["order"]))
        request = AdviceRequest.model_validate(body)
    except ValidationError as exc:
        raise click.UsageError(f"not an advice request: {exc}") from None
    settings, warning = preferences.load(_data_dir(data_dir))
    if warning:
        click.echo(warning, err=True)
    _print_json(run(request, settings))


@main.command()
@click.argument("text")
@click.option(
    "--order",
    "order_file",
    default=None,
    type=click.Path(exists=True),
    help="An order JSON (or a saved reading): demands are judged against its price and remedies.",
)
@click.option("--order-id", default=None)
@click.option("--type", "type_code", default=None, help="The complaint type code (else ranked).")
@click.option("--affected", multiple=True, help="SUB_ORDER_ID:QUANTITY, the goods the draft concerns.")
@click.option("--data-dir", default=None, help="Whose corrected settings to use (tousu settings).")
def lint(
    text: str,
    order_file: str | None,
    order_id: str | None,
    type_code: str | None,
    affected: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Print the findings for TEXT ("-" reads it from stdin); same JSON as POST /api/v1/lint."""
    from pydantic import ValidationError

    from . import preferences
    from .advice.lint_order import lint_request
    from .models import LintRequest, LintResult

    if text == "-":
        text = sys.stdin.read()
    items = []
    for entry in affected:
        sub_order_id, _, quantity = entry.rpartition(":")
        if not sub_order_id or not quantity.isdigit():
            raise click.UsageError(f"--affected takes SUB_ORDER_ID:QUANTITY, not {entry!r}")
        items.append({"sub_order_id": sub_order_id, "quantity": int(quantity)})
    try:
        request = LintRequest.model_validate(
            {
                "text": text,
                "order": _load_order(order_file, order_id) if order_file else None,
                "type": type_code,
                "affected_items": items or None,
            }
        )
    except ValidationError as exc:
        raise click.UsageError(f"not a lint request: {exc}") from None
    settings, warning = preferences.load(_data_dir(data_dir))
    if warning:
        click.echo(warning, err=True)
    _print_json(LintResult(findings=lint_request(request, settings)))


# The shopper's data: export, import, wipe ----------------------------------------------------


def _fail(message_zh: str, message_en: str, details: list | None = None) -> None:
    """A failure a shopper can read (Chinese first), on stderr, with exit status 1."""
    click.echo(f"错误：{message_zh}\nError: {message_en}", err=True)
    for line in details or []:
        click.echo(f"  {line}", err=True)
    sys.exit(1)


def _open_existing_store(data_dir: Path):
    from .store import DB_NAME, StoreError, open_store

    if not (data_dir / DB_NAME).is_file():
        _fail(f"{data_dir} 里没有 Tousu 的数据。", f"no Tousu data in {data_dir}.")
    try:
        return open_store(data_dir)
    except StoreError as exc:
        _fail(exc.message, exc.message, exc.details)


def _write_private(path: Path, text: str) -> None:
    """Write atomically, readable by this user only: an export holds orders and complaints."""
    import secrets

    from .security.private import open_private

    # A fresh random name, created with O_EXCL|O_NOFOLLOW: in a shared folder another user
    # cannot pre-create the temporary file (or a symlink in its place) and own the export.
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        with os.fdopen(open_private(temp), "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


@main.command("export")
@click.option("--data-dir", default=None)
@click.option(
    "-o",
    "--output",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write the export here (default: standard output).",
)
def export_cases(data_dir: str | None, output: str | None) -> None:
    """Print every case with its events and evidence (hashes, not bytes) as JSON."""
    from .store import export_all

    store = _open_existing_store(_data_dir(data_dir))
    damaged: list[dict] = []
    try:
        bundle = export_all(store, damaged)
    finally:
        store.close()
    for row in damaged:
        # The rest of the store is still exported: one bad row must not hold every case hostage.
        click.echo(
            f"警告：案件 {row['id']} 已损坏，未导出。 / Warning: case {row['id']} is damaged and was "
            f"left out: {'; '.join(row['problems'])}",
            err=True,
        )
    text = json.dumps(bundle, ensure_ascii=False, indent=2)
    if output is None:
        click.echo(text)
        return
    _write_private(Path(output), text + "\n")
    _print_json(
        {
            "ok": True,
            "file": str(Path(output).resolve()),
            "cases": len(bundle["cases"]),
            "evidence": sum(len(c["evidence"]) for c in bundle["cases"]),
            "damaged": damaged,
        }
    )


@main.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--data-dir", default=None)
def import_cases(file, data_dir: str | None) -> None:
    """Add the cases of an export that this data directory lacks (running it twice adds nothing)."""
    from .store import InvalidData, StoreError, import_all, open_store

    data = file.read()
    try:
        store = open_store(_data_dir(data_dir))
    except StoreError as exc:
        _fail(exc.message, exc.message, exc.details)
    try:
        summary = import_all(store, data)
    except InvalidData as exc:
        _fail(
            f"{file.name} 不是 Tousu 的案件导出文件，或已损坏。", f"{file.name}: {exc.message}", exc.details
        )
    finally:
        store.close()
    _print_json(summary)


@main.command()
@click.option("--data-dir", default=None)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def wipe(data_dir: str | None, yes: bool) -> None:
    """Delete every case, event and evidence file, and revoke every pairing."""
    from .security import PAIRING_FILE, PairingStore
    from .store import wipe as wipe_store

    directory = _data_dir(data_dir)
    if not yes:
        click.confirm(
            f"将删除 {directory} 中的全部案件、事件和证据文件，并撤销所有配对（扩展需要重新配对）。继续？\n"
            f"This deletes every case, event and evidence file in {directory} and revokes every "
            f"pairing (the extension must pair again). Continue?",
            abort=True,
            err=True,
        )
    store = _open_existing_store(directory)
    try:
        summary = wipe_store(store).model_dump()
    finally:
        store.close()
    pairing_file = directory / PAIRING_FILE
    # A wiped helper must not keep trusting tokens issued before: the shopper starts afresh.
    revoked = 0
    if pairing_file.exists():
        pairing = PairingStore(pairing_file)
        revoked = pairing.revoke()
        pairing.clear_codes()
    _print_json({"ok": True, **summary, "pairings_revoked": revoked})


@main.group(invoke_without_command=True)
@click.option("--data-dir", default=None)
@click.pass_context
def settings(ctx: click.Context, data_dir: str | None) -> None:
    """Show the uncertain platform figures the advice uses (with their sources); correct them
    with `settings set NAME=VALUE`, undo with `settings reset`."""
    ctx.obj = _data_dir(data_dir)
    if ctx.invoked_subcommand is None:
        _show_settings(ctx.obj)


def _show_settings(directory: Path, current=None) -> None:
    from . import preferences
    from .advice import setting_sources

    warning = None
    if current is None:
        current, warning = preferences.load(directory)
    _print_json(
        {
            "values": current.model_dump(mode="json"),
            "corrected": [] if warning else sorted(preferences.overrides(directory)),
            "sources": setting_sources(),
            "warning": warning,
        }
    )


@settings.command("set")
@click.argument("assignments", nargs=-1, required=True, metavar="NAME=VALUE...")
@click.pass_obj
def settings_set(directory: Path, assignments: tuple[str, ...]) -> None:
    """Correct settings, e.g. `tousu settings set ship_by_hours=72` (VALUE "default" undoes)."""
    from . import preferences

    changes: dict = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE")
        changes[name.strip()] = None if value.strip() == "default" else value.strip()
    try:
        current = preferences.update(directory, changes)
    except preferences.PreferencesError as exc:
        _fail("设置无效。", "invalid settings.", exc.details)
    _show_settings(directory, current)


@settings.command("reset")
@click.pass_obj
def settings_reset(directory: Path) -> None:
    """Undo every correction."""
    from . import preferences

    _show_settings(directory, preferences.reset(directory))


@main.command()
def openapi() -> None:
    """Print the helper's OpenAPI document."""
    from .api.openapi import build_openapi

    _print_json(build_openapi())


@main.command()
@click.option("--port", type=int, default=None)
@click.option("--data-dir", default=None)
def doctor(port: int | None, data_dir: str | None) -> None:
    """Is a helper running, is it ours, which version, is the extension paired, who has the port."""
    from .doctor import diagnose
    from .native.state import read_state

    directory = _data_dir(data_dir)
    state = read_state(directory)
    if port is None and not os.environ.get("TOUSU_PORT") and state:
        port = state["port"]  # a helper the native host started may be on a port of its own
    report = diagnose(_port(port), directory, _native_target())
    _print_json(report)
    # The JSON is for scripts and support threads; the shopper reads this.
    click.echo(report["advice"], err=True)
    sys.exit(0 if report["ready"] else 1)


@main.command("native-host", context_settings={"ignore_unknown_options": True})
@click.argument("origin", nargs=-1, type=click.UNPROCESSED)
def native_host(origin: tuple[str, ...]) -> None:
    """What the browser runs for the extension (stdin/stdout carry native messages)."""
    from .native.host import main as host_main

    sys.exit(host_main(list(origin)))


def _native_target():
    from .native.browsers import Target

    return Target.current()


@main.command()
@click.option(
    "--extension-id",
    "extension_ids",
    multiple=True,
    help="Allow this extension id too (e.g. the store build). Repeatable.",
)
@click.option(
    "--profile-dir",
    "profile_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Register in this Chromium user-data-dir only (its NativeMessagingHosts folder).",
)
def install(extension_ids: tuple[str, ...], profile_dirs: tuple[str, ...]) -> None:
    """Let the browser start the helper: register the native messaging host (no admin rights)."""
    from .native.install import install as run

    ids = [config.DEFAULT_EXTENSION_ID, *config.from_environment().get("EXTENSION_IDS", []), *extension_ids]
    report = run(_native_target(), ids, profile_dirs=[Path(d) for d in profile_dirs])
    for line in report.lines:
        click.echo(line)
    click.echo(
        f"加载扩展 / Load the extension: chrome://extensions -> 开发者模式 Developer mode -> "
        f"加载已解压的扩展程序 Load unpacked -> {config.extension_dir()}"
    )


@main.command()
@click.option("--profile-dir", "profile_dirs", multiple=True, type=click.Path(file_okay=False))
def uninstall(profile_dirs: tuple[str, ...]) -> None:
    """Remove what `tousu install` registered (your cases stay)."""
    from .native.install import uninstall as run

    for line in run(_native_target(), profile_dirs=[Path(d) for d in profile_dirs]).lines:
        click.echo(line)


@main.group()
def rules() -> None:
    """The advice rule files (helper/tousu/advice/rules/*.toml)."""


@rules.command("check")
@click.argument("directory", required=False, default=None, type=click.Path(file_okay=False))
def rules_check(directory: str | None) -> None:
    """Validate every rule file (schemas, codes, sources); exit 1 listing each problem."""
    if directory is not None and not Path(directory).is_dir():
        raise click.UsageError(f"{directory}: not a directory")
    try:
        from .advice.rules import check_rules

        problems = check_rules(directory)
    except ValueError as exc:  # the package's own rules are broken: importing advice refuses them
        problems = getattr(exc, "problems", None) or [str(exc)]
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise SystemExit(1)
    click.echo(f"rule files OK: {directory or 'package rules'}")


@main.command("dev-browser")
@click.argument("url", required=False, default=None)
def dev_browser(url: str | None) -> None:
    """Open a headed Chromium with the extension, a paired helper and the mock shop."""
    devbrowser = _toolkit("tousu_testing.devbrowser")
    devbrowser.run(url or devbrowser.START_URL)


def _toolkit(module: str):
    """A module of the QA toolkit, which ships apart (`tousu-testing`), or a clear way to get it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] not in {"tousu_testing", "playwright"}:
            raise
        raise click.ClickException(
            f"这个命令需要测试工具包 tousu-testing（缺少 {exc.name}）。\n"
            f"This command needs the QA toolkit (missing {exc.name}): pip install tousu-testing\n"
            "  from a checkout of Tousu: pip install -e ./tousu-testing"
        ) from None


if __name__ == "__main__":
    main()
