"""The `ntm` command line. The only module (with app.py) that talks to people.

Exit status: 0 success, 1 error, 2 usage error (bad arguments, bad setting, bad question),
3 some files were rejected by ingest, 4 some lines of an `ntm eval` question set were malformed
(the others were scored).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.audit import AuditLog, cli_actor
from base.errors import AssistantError, QuestionError, UserError
from base.settings import Settings
from base.text import printable, printable_lines
from base.types import FactKind

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # Vietnamese first, then argparse's own words
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"ntm: lỗi cú pháp lệnh (usage error): {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ntm",
        description="Trợ lý hỏi đáp tài liệu Nông thôn mới (NTM Assistant).",
    )
    _global_options(parser, None)
    # The same options after the sub-command ('ntm ingest --home X') work too.
    common = _Parser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add = sub.add_parser

    def add_parser(name, **kwargs):
        return _add(name, parents=[common], **kwargs)

    sub.add_parser = add_parser

    model = sub.add_parser("model", help="quản lý mô hình nhúng (embedding model)")
    model_sub = model.add_subparsers(dest="model_command", required=True, parser_class=_Parser)
    fetch = model_sub.add_parser("fetch", help="tải và kiểm tra mô hình mặc định")
    fetch.add_argument("--local-dir", type=Path, help="thư mục có sẵn mô hình (ưu tiên trước)")

    users = sub.add_parser(
        "users", help="quản lý người dùng và vai trò của ứng dụng (NTM_USERS_FILE)"
    )
    users_sub = users.add_subparsers(dest="users_command", required=True, parser_class=_Parser)
    add = users_sub.add_parser("add", help="thêm người dùng (hỏi mật khẩu)")
    add.add_argument("name", help="tên đăng nhập, hoặc e-mail khi đăng nhập qua OIDC")
    add.add_argument("--role", required=True, help="reader, editor hoặc admin")
    secret = add.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin"
    )
    secret.add_argument(
        "--no-password",
        action="store_true",
        help="không mật khẩu: chỉ gán vai trò cho e-mail đăng nhập qua OIDC",
    )
    users_sub.add_parser("list", help="liệt kê người dùng và vai trò")
    rm = users_sub.add_parser("remove", help="xoá người dùng")
    rm.add_argument("name")
    role = users_sub.add_parser("set-role", help="đổi vai trò")
    role.add_argument("name")
    role.add_argument("role", help="reader, editor hoặc admin")
    pw = users_sub.add_parser("set-password", help="đặt lại mật khẩu")
    pw.add_argument("name")
    pw.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")

    ingest = sub.add_parser("ingest", help="nạp tài liệu vào chỉ mục")
    ingest.add_argument(
        "paths", nargs="*", type=Path, help="tệp hoặc thư mục (mặc định documents/)"
    )
    ingest.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    ingest.add_argument(
        "--replace",
        action="store_true",
        help="thay tài liệu cùng tên đã nạp từ thư mục khác (replace same-named documents "
        "indexed from elsewhere)",
    )
    ingest.add_argument(
        "--follow-links",
        action="store_true",
        help="nạp cả tệp mà liên kết tượng trưng trỏ ra ngoài thư mục (follow symbolic links "
        "that leave the folder)",
    )

    docs = sub.add_parser("docs", help="liệt kê tài liệu đã nạp")
    docs.add_argument("--json", action="store_true")

    remove = sub.add_parser("remove", help="xoá một tài liệu khỏi chỉ mục")
    remove.add_argument("source", help="tên tệp nguồn, như trong `ntm docs`")

    export = sub.add_parser(
        "export", help="xuất cả bộ sưu tập ra một tệp .zip (backup: texts, vectors, facts)"
    )
    export.add_argument("file", type=Path, help="tệp .zip sẽ ghi")
    export.add_argument("--force", action="store_true", help="ghi đè tệp đã có (overwrite)")
    imp = sub.add_parser(
        "import", help="nhập một tệp của `ntm export` (restore, or move to a Chroma server)"
    )
    imp.add_argument("file", type=Path, help="tệp .zip do `ntm export` ghi")

    rebuild = sub.add_parser(
        "reindex", help="chia đoạn và xây lại vector (sau khi đổi mô hình hoặc cỡ đoạn)"
    )
    rebuild.add_argument(
        "--full",
        action="store_true",
        help="nhúng lại mọi đoạn, kể cả đoạn không đổi (re-embed every chunk)",
    )

    for name, help_text in (
        ("search", "tìm các đoạn liên quan"),
        ("ask", "hỏi và nhận câu trả lời"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("question", help="câu hỏi")
        cmd.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        cmd.add_argument("--source", action="append", default=[], help="chỉ tìm trong tài liệu này")
        cmd.add_argument("--province", action="append", default=[], help="lọc theo tỉnh")
        cmd.add_argument("--district", action="append", default=[], help="lọc theo huyện")
        cmd.add_argument("--year", action="append", default=[], type=int, help="lọc theo năm")
        if name == "search":
            cmd.add_argument("-k", type=int, default=5, help="số đoạn trả về (mặc định 5)")
        else:
            cmd.add_argument(
                "--explain",
                action="store_true",
                help="in thêm vì sao: phân tích câu hỏi, các ứng viên và kết quả từng bước kiểm tra",
            )
            cmd.add_argument(
                "--lang",
                choices=["vi", "en"],
                default=None,
                help="ngôn ngữ của câu trả lời (mặc định: theo câu hỏi; câu hỏi tiếng Anh "
                "luôn được trả lời bằng tiếng Anh)",
            )

    rules = sub.add_parser(
        "rules", help="bảng quy tắc của phần trả lời: mọi trọng số, hệ số, cửa sổ và ngưỡng"
    )
    rules.add_argument("--json", action="store_true", help="in dạng JSON (như tệp NTM_RULES)")

    facts = sub.add_parser("facts", help="các số liệu đọc được từ tài liệu (facts index)")
    facts.add_argument("--place", help="địa danh (có hoặc không dấu), như 'Lạng Sơn'")
    facts.add_argument("--indicator", help="chỉ tiêu, như xa_dat_chuan (xem --indicator list)")
    facts.add_argument("--year", type=int, help="năm số liệu")
    facts.add_argument(
        "--kind",
        choices=[k.value for k in FactKind],
        help="loại số liệu",
    )
    facts.add_argument("--source", help="chỉ tài liệu này")
    facts.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    brief = sub.add_parser(
        "brief", help="soạn báo cáo số liệu cho một địa bàn và thời kỳ (.docx hoặc .md)"
    )
    brief.add_argument("--place", help="tỉnh, huyện hay xã (bỏ trống: mọi địa bàn)")
    brief.add_argument("--from", dest="year_from", help="từ năm")
    brief.add_argument("--to", dest="year_to", help="đến năm")
    brief.add_argument(
        "--indicator",
        action="append",
        default=[],
        help="chỉ tiêu (lặp lại được; mặc định: các chỉ tiêu chính; xem `ntm facts --indicator list`)",
    )
    brief.add_argument("--out", type=Path, help="ghi ra tệp .docx hoặc .md (mặc định: in Markdown)")
    brief.add_argument(
        "--lang",
        choices=["vi", "en"],
        default="vi",
        help="ngôn ngữ của báo cáo: tiêu đề, nhãn, đơn vị và cách viết số (mặc định: vi); "
        "trích dẫn giữ nguyên văn",
    )

    ev = sub.add_parser("eval", help="chấm điểm trên một bộ câu hỏi (JSONL)")
    ev.add_argument("questions", type=Path)
    ev.add_argument("--answers-out", type=Path, help="ghi mọi câu trả lời (JSONL)")
    ev.add_argument("--report", type=Path, help="ghi báo cáo .html hoặc .md")
    ev.add_argument("--min-accuracy", type=float, help="thoát mã 1 nếu độ chính xác thấp hơn")
    ev.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def _global_options(parser: argparse.ArgumentParser, default) -> None:
    home_default = default if default is not None else None
    flag_default = default if default is not None else False
    parser.add_argument(
        "--home", type=Path, default=home_default, help="thư mục dữ liệu (ghi đè NTM_HOME)"
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        default=flag_default,
        help="không hiện thanh tiến trình",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=flag_default, help="ghi log chi tiết"
    )


def main(argv: Sequence[str] | None = None, *, assistant_factory: Callable | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings.from_env()
        if args.home:
            settings = settings.replace(home=args.home)
        if args.no_progress or os.environ.get("CI"):
            settings = settings.replace(progress=False)
        return _run(args, settings, assistant_factory)
    except AssistantError as exc:  # a file name in it may hold terminal codes: spelt out
        print(f"ntm: {printable_lines(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `ntm ask … | head`: the reader left, nothing to report
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("ntm: đã dừng (interrupted)", file=sys.stderr)
        return 130


def _run(args, settings: Settings, factory: Callable | None) -> int:
    if args.command == "model":
        from vectorstore.model_fetch import fetch_model

        path = fetch_model(
            settings.model_cache,
            local_dir=args.local_dir or settings.model_local_dir,
            progress=settings.progress,
        )
        print(f"Mô hình sẵn sàng (model ready): {path}")
        return EXIT_OK
    if args.command == "users":
        return _users(args, settings)
    if args.command == "rules":
        return _rules(args, settings)

    if factory is None:
        from assistant.core import Assistant

        factory = Assistant
    bot = factory(settings)
    bot.on_wait = lambda message: print(message, file=sys.stderr, flush=True)

    if args.command == "ingest":
        return _ingest(bot, args, settings)
    if args.command == "docs":
        return _docs(bot, args)
    if args.command == "remove":
        meta = bot.remove(_stored_name(bot, args.source), actor=cli_actor())
        print(f"Đã xoá {printable(meta.source)} ({meta.chunk_count} đoạn). (Removed.)")
        return EXIT_OK
    if args.command == "export":
        if args.file.exists() and not args.file.is_dir() and not args.force:
            print(
                f"ntm export: {args.file} đã có; thêm --force để ghi đè. (File exists: use "
                "--force to overwrite.)",
                file=sys.stderr,
            )
            return EXIT_USAGE
        report = bot.export(args.file)
        print(
            f"Đã xuất {report.documents} tài liệu, {report.chunks} đoạn, {report.facts} số liệu "
            f"(mô hình {report.model}) vào {report.path}. "
            f"(Exported.)"
        )
        return EXIT_OK
    if args.command == "import":
        report = bot.import_collection(args.file, actor=cli_actor())
        print(
            f"Đã nhập {report.documents} tài liệu, {report.chunks} đoạn, {report.facts} số liệu "
            f"(mô hình {report.model}) từ {report.path}. (Imported; nothing re-embedded.)"
        )
        return EXIT_OK
    if args.command == "reindex":
        report = bot.reindex(
            progress=_progress_bar(settings, "Đánh chỉ mục lại"), full=args.full, actor=cli_actor()
        )
        resumed = " (tiếp tục lần trước bị ngắt; resumed)" if report.resumed else ""
        print(
            f"Đã xây lại chỉ mục{resumed}: {report.documents} tài liệu, {report.chunks} đoạn; "
            f"nhúng mới {report.embedded}, giữ vector cũ {report.reused}, trong "
            f"{report.seconds:.1f} s. (Re-indexed {report.chunks} chunks: {report.embedded} "
            f"embedded, {report.reused} kept.)"
        )
        return EXIT_OK
    if args.command in ("search", "ask"):
        _check_utf8(args.question)
        filters = _filters(args)
        if args.command == "search":
            return _search(bot, args, filters)
        return _ask(bot, args, filters)
    if args.command == "facts":
        return _facts(bot, args)
    if args.command == "brief":
        return _brief(bot, args)
    if args.command == "eval":
        from assistant.evaluate import run_eval_cli

        return run_eval_cli(bot, args, settings)
    raise AssertionError(args.command)


def _filters(args):
    from base.types import SearchFilter

    return SearchFilter(
        sources=tuple(args.source),
        provinces=tuple(args.province),
        districts=tuple(args.district),
        years=tuple(args.year),
    )


def _progress_bar(settings: Settings, label: str):
    if not settings.progress:
        return None
    from tqdm import tqdm

    state: dict = {}

    def update(done: int, total: int, message: str) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = tqdm(total=total, desc=label, unit="đoạn", file=sys.stderr)
        bar.n = done
        if message:
            bar.set_postfix_str(message[:40], refresh=False)
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _ingest(bot, args, settings: Settings) -> int:
    paths = args.paths or [Path("documents")]
    report = bot.ingest(
        paths,
        progress=_progress_bar(settings, "Nạp tài liệu"),
        follow_links=args.follow_links,
        replace_same_name=args.replace,
        actor=cli_actor(),
    )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"Thêm mới (added): {len(report.added)} · Cập nhật (updated): {len(report.updated)} · "
            f"Không đổi (unchanged): {len(report.unchanged)} · Bị từ chối (rejected): "
            f"{len(report.rejected)} · {report.chunks_written} đoạn trong {report.seconds:.1f} s"
        )
        if report.facts_reread:
            print(
                f"Đã đọc lại số liệu của {report.facts_reread} tài liệu bằng bộ đọc mới "
                f"(figures of {report.facts_reread} documents re-read by the new fact reader)"
            )
        for rejection in report.rejected:
            print(f"  ✗ {printable(rejection.path)}: {rejection.reason}", file=sys.stderr)
        for warning in report.warnings:
            print(f"  ! {printable(warning.path)}: {warning.message}", file=sys.stderr)
    return report.exit_code


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Mật khẩu (password): ")
    if getpass.getpass("Nhập lại mật khẩu (repeat): ") != first:
        raise UserError("Hai lần nhập mật khẩu không khớp. (The passwords do not match.)")
    return first


def _users(args, settings: Settings) -> int:
    from assistant.users import ROLE_NAMES, UsersFile, check_role

    users = UsersFile(settings.users_file, audit=AuditLog(settings.audit_file))
    actor = cli_actor()
    command = args.users_command
    if command == "list":
        found = users.load()
        if not found:
            print(f"{users.path}: chưa có người dùng nào. (No users.)")
        for user in found:
            how = "mật khẩu" if user.password else "OIDC"
            print(f"{user.name}\t{user.role} ({ROLE_NAMES[user.role]})\t{how}")
        return EXIT_OK
    if command == "add":
        check_role(args.role)  # before asking for a password
        password = None if args.no_password else _read_password(args.password_stdin)
        user = users.add(args.name, args.role, password, actor=actor)
        print(f"Đã thêm {user.name} ({user.role}) vào {users.path}. (User added.)")
    elif command == "remove":
        user = users.remove(args.name, actor=actor)
        print(f"Đã xoá {user.name} khỏi {users.path}. (User removed.)")
    elif command == "set-role":
        user = users.set_role(args.name, args.role, actor=actor)
        print(f"{user.name} giờ là {user.role} ({ROLE_NAMES[user.role]}). (Role changed.)")
    elif command == "set-password":
        user = users.get(args.name)
        if user is None:
            raise UserError(f"Không có người dùng '{args.name}' trong {users.path}. (No user.)")
        users.set_password(user.name, _read_password(args.password_stdin), actor=actor)
        print(f"Đã đặt mật khẩu mới cho {user.name}. (Password changed.)")
    return EXIT_OK


def _docs(bot, args) -> int:
    metas = bot.documents()
    if args.json:
        print(json.dumps([m.to_dict() for m in metas], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not metas:
        print("Chỉ mục chưa có tài liệu nào: chạy `ntm ingest`. (The index is empty.)")
        return EXIT_OK
    for m in metas:  # control characters of a name spelt out: one line, no terminal codes
        places = ", ".join(m.provinces + m.districts) or "—"
        print(
            f"{printable(m.source)}\t{m.date or '—'}\t{m.chunk_count} đoạn\t{places}\n"
            f"    {printable(m.title)}"
        )
    return EXIT_OK


def _stored_name(bot, given: str) -> str:
    """The document's name as stored: ``given`` itself, or the name ``ntm docs`` shows with
    its control characters spelt out ('ten\\tx.txt' for a name holding a tab)."""
    names = [m.source for m in bot.documents()]
    if given in names:
        return given
    return next((name for name in names if printable(name) == given), given)


def _check_utf8(question: str) -> None:
    """A question whose bytes are not UTF-8 (a terminal in another encoding) is refused with
    where the first bad byte is, instead of failing deep inside the model."""
    raw = os.fsencode(question)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuestionError(
            f"Câu hỏi không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02x} ở vị trí {exc.start}): "
            "hãy gõ lại trong một terminal dùng UTF-8 (ví dụ LANG=C.UTF-8). (The question is not "
            f"UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}; type it again in a UTF-8 "
            "terminal.)"
        ) from None


def _brief(bot, args) -> int:
    from assistant.brief_export import brief_markdown, write_brief

    if args.out is not None and args.out.suffix.lower() not in (".docx", ".md"):
        raise QuestionError(
            f"Không ghi được '{args.out}': chỉ hỗ trợ .docx và .md. (Only .docx and .md.)"
        )
    brief = bot.brief(
        place=args.place,
        year_from=args.year_from,
        year_to=args.year_to,
        indicators=args.indicator or None,
    )
    if args.out is None:
        print(brief_markdown(brief, args.lang), end="")
    else:
        write_brief(brief, args.out, args.lang)
        rows = len(brief.headline)
        print(
            f"Đã ghi {args.out}: {rows} chỉ tiêu, {len(brief.conflicts)} chỗ các nguồn khác nhau, "
            f"{len(brief.citations)} trích dẫn. (Brief written.)"
        )
    if brief.empty:
        print(brief.empty_reason, file=sys.stderr)
    return EXIT_OK


def _facts(bot, args) -> int:
    from base.lexicon import INDICATORS

    if args.indicator == "list":
        for key, label in INDICATORS.items():
            print(f"{key}\t{label}")
        return EXIT_OK
    facts = bot.facts(
        place=args.place,
        indicator=args.indicator,
        year=args.year,
        kind=args.kind,
        source=args.source,
    )
    if args.json:
        rows = [f.to_dict() | {"quote": bot.quote(f)} for f in facts]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not facts:
        print(
            "Không có số liệu nào khớp. Nếu chỉ mục được tạo trước khi có bảng số liệu, chạy "
            "`ntm reindex`. (No matching facts; an index built before the facts index needs "
            "`ntm reindex`.)"
        )
        return EXIT_OK
    for f in facts:
        when = f.time_text or "không rõ thời điểm"
        label = f.indicator or f.unit
        print(
            f"{f.value}\t{label}\t{FactKind(f.kind).label()}\t{f.place or '—'}\t{when}\t"
            f"{printable(f.source)}"
        )
        print(f"    “{bot.quote(f)}”")
    return EXIT_OK


def _search(bot, args, filters) -> int:
    hits = bot.search(args.question, k=args.k, filters=filters)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        print("Không tìm thấy đoạn nào. (No passage found.)")
    for h in hits:
        print(
            f"#{h.rank} [{h.score:.4f}] {printable(h.doc.source)} ({h.doc.date or '—'}) {h.chunk.start}–{h.chunk.end}"
        )
        print(f"    {h.chunk.text[:300].replace(chr(10), ' ')}")
    return EXIT_OK


def _rules(args, settings: Settings) -> int:
    from assistant.answering import Rules

    rules = Rules.for_settings(settings)
    if args.json:
        print(json.dumps(rules.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    source = settings.rules_file or "mặc định (defaults)"
    print(f"Bảng quy tắc (rules table): {source}")
    if rules.trained_on:
        print(f"khớp trên (fitted on): {', '.join(rules.trained_on)}")
    group = ""
    for name, key, value, why in rules.table():
        if name != group:
            group = name
            print(f"\n[{group}]")
        print(f"  {key} = {value}\n      {why}")
    return EXIT_OK


def _ask(bot, args, filters) -> int:
    from assistant.answering.wording import say
    from base.locations import describe

    trace = None
    if args.explain:
        answer, trace = bot.explain(args.question, filters=filters, lang=args.lang)
    else:
        answer = bot.ask(args.question, filters=filters, lang=args.lang)
    if args.json:
        data = answer.to_dict()
        if trace is not None:
            data["trace"] = trace.to_dict()
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = answer.lang  # the language of the answer's frame
    print(answer.answer)
    if answer.citations:
        print("\n" + say("sources", lang))
        for c in answer.citations:
            where = f", {describe(c.location, lang)}" if c.location else ""
            print(
                f"  [{c.n}] {c.title} ({c.date or say('date_unknown', lang)}) — "
                f"{printable(c.source)}{where}"
            )
            print(f"      “{c.quote}”")
    if answer.related:
        print("\n" + say("related", lang))
        for c in answer.related:
            where = f", {describe(c.location, lang)}" if c.location else ""
            print(f"  - {c.title} — {printable(c.source)}{where}: “{c.quote[:200]}”")
    if trace is not None:
        print("\nVì sao (why):")
        print(trace.render())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
