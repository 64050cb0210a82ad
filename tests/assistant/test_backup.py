"""`ntm export` / `ntm import`: a backup restores the same answers without embedding again."""

import json
import zipfile

import pytest

from assistant import Assistant
from assistant.cli import main
from base.errors import BackupError
from tests.conftest import QUESTIONS, FakeEmbedder


def _questions(limit=8):
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    return [r["question"] for r in rows[:limit]]


def _answers(bot):
    out = []
    for q in _questions():
        a = bot.ask(q)
        out.append((a.answer, a.abstained, [(c.source, c.quote, c.start) for c in a.citations]))
    return out


@pytest.fixture
def source(settings, tmp_path_factory, docs_copy):
    bot = Assistant(
        settings.replace(home=tmp_path_factory.mktemp("source")), embedder=FakeEmbedder()
    )
    bot.ingest([docs_copy])
    return bot


def test_an_import_into_an_empty_index_gives_the_same_answers_without_embedding(
    source, store_settings, tmp_path
):
    backup = tmp_path / "ntm-backup.zip"
    exported = source.export(backup)
    assert exported.documents == len(source.documents()) and exported.chunks > 0
    assert exported.facts == len(source.facts())

    embedder = FakeEmbedder()
    target = Assistant(store_settings, embedder=embedder)  # an empty home, or a Chroma server
    imported = target.import_collection(backup)
    assert (imported.documents, imported.chunks, imported.facts) == (
        exported.documents,
        exported.chunks,
        exported.facts,
    )
    assert embedder.texts_embedded == 0  # the vectors came with the file
    assert [m.to_dict() for m in target.documents()] == [m.to_dict() for m in source.documents()]
    assert _answers(target) == _answers(source)
    # importing again replaces, it does not duplicate
    target.import_collection(backup)
    assert target.store.count_chunks() == source.store.count_chunks()


def test_an_export_of_another_model_is_refused_and_nothing_is_written(source, settings, tmp_path):
    backup = tmp_path / "b.zip"
    source.export(backup)
    other = Assistant(settings.replace(home=tmp_path / "other"), embedder=FakeEmbedder("model-b"))
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(
        "Xã Tân Mỹ đạt chuẩn nông thôn mới năm 2020.", encoding="utf-8"
    )
    other.ingest([tmp_path / "one"])
    with pytest.raises(BackupError, match="fake-hash") as err:
        other.import_collection(backup)
    assert "model-b" in str(err.value)
    assert [m.source for m in other.documents()] == ["a.txt"]


def _tamper(backup, edit):
    with zipfile.ZipFile(backup) as z:
        manifest = z.read("manifest.json")
        lines = z.read("documents.jsonl").decode("utf-8").splitlines()
    lines = edit(lines)
    with zipfile.ZipFile(backup, "w") as z:
        z.writestr("manifest.json", manifest)
        z.writestr("documents.jsonl", "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda lines: [*lines[:2], "{not json", *lines[2:]], "dòng 3"),
        (
            lambda lines: [
                json.dumps({**json.loads(lines[0]), "text": "ngắn"}, ensure_ascii=False),
                *lines[1:],
            ],
            "không thuộc tài liệu",
        ),
    ],
)
def test_a_damaged_export_is_refused_before_anything_is_written(
    source, settings, tmp_path, edit, words
):
    backup = tmp_path / "b.zip"
    source.export(backup)
    _tamper(backup, edit)
    target = Assistant(settings.replace(home=tmp_path / "t"), embedder=FakeEmbedder())
    with pytest.raises(BackupError, match=words):
        target.import_collection(backup)
    assert target.documents() == [] and target.store.count_chunks() == 0


def test_the_cli_exports_and_imports_and_names_what_it_cannot_use(
    source, settings, tmp_path, capsys, monkeypatch
):
    def run(home, *argv):
        monkeypatch.setenv("NTM_HOME", str(home))
        code = main(list(argv), assistant_factory=lambda s: Assistant(s, embedder=FakeEmbedder()))
        out, err = capsys.readouterr()
        return code, out, err

    backup = tmp_path / "sao-luu.zip"
    code, out, _ = run(source.settings.home, "export", str(backup))
    assert code == 0 and "Đã xuất" in out and backup.exists()
    code, _, err = run(source.settings.home, "export", str(backup))
    assert code == 2 and "--force" in err  # an existing backup is not overwritten silently
    code, out, _ = run(tmp_path / "moi", "import", str(backup))
    assert code == 0 and f"Đã nhập {len(source.documents())} tài liệu" in out
    audit = [json.loads(line) for line in (tmp_path / "moi" / "audit.jsonl").open()]
    assert {e["source"] for e in audit if e["action"] == "import"} == {
        m.source for m in source.documents()
    }
    assert all(e["user"].startswith("cli:") and e["sha256"] for e in audit)
    code, out, _ = run(tmp_path / "moi", "ask", _questions(1)[0])
    assert (
        code == 0 and out.split("\n\n")[0] == source.ask(_questions(1)[0]).answer.split("\n\n")[0]
    )
    not_zip = tmp_path / "x.zip"
    not_zip.write_text("không phải zip", encoding="utf-8")
    for path, words in ((tmp_path / "khong-co.zip", "không tồn tại"), (not_zip, "không phải")):
        code, _, err = run(tmp_path / "moi2", "import", str(path))
        assert code == 1 and words in err and "Traceback" not in err, err


# --- an import checks everything against the text it carries ---------------------------------

TAN_LAP = (
    "Huyện Tân Lập có 21/29 xã đạt chuẩn nông thôn mới\n"
    "Ngày 12/3/2024, huyện Tân Lập cho biết toàn huyện có 21/29 xã đạt chuẩn nông thôn mới, "
    "chiếm 72,4%. Thu nhập bình quân đạt 48 triệu đồng/người/năm.\n"
)


@pytest.fixture
def backup(settings, tmp_path, docs_copy):
    """A real export of the bundled articles and an invented one ('21/29 xã')."""
    (docs_copy / "tan-lap.txt").write_text(TAN_LAP, encoding="utf-8")
    bot = Assistant(settings.replace(home=tmp_path / "source"), embedder=FakeEmbedder())
    assert not bot.ingest([docs_copy]).rejected
    path = tmp_path / "ntm-backup.zip"
    bot.export(path)
    return path


@pytest.fixture
def full_home(settings, tmp_path, backup):
    """A home that already holds every exported document (imported from the intact export)."""
    bot = Assistant(settings.replace(home=tmp_path / "full"), embedder=FakeEmbedder())
    bot.import_collection(backup)
    return bot


def _state(bot):
    """What a user of the home would notice: its documents, passages and figures, and the
    imports its audit log records."""
    audit = bot.settings.home / "audit.jsonl"
    entries = [json.loads(x) for x in audit.open(encoding="utf-8")] if audit.exists() else []
    return (
        [m.to_dict() for m in bot.documents()],
        sorted(c.chunk_id for c, _ in bot.store.iter_chunk_vectors()),
        sorted((f.fact_id, f.value) for f in bot.facts()),
        [e for e in entries if e.get("result") == "imported"],
    )


def _lines(backup):
    with zipfile.ZipFile(backup) as z:
        return [json.loads(x) for x in z.read("documents.jsonl").decode("utf-8").splitlines()]


def _rewrite(backup, lines, extra=()):
    with zipfile.ZipFile(backup) as z:
        manifest = z.read("manifest.json")
    with zipfile.ZipFile(backup, "w") as z:
        z.writestr("manifest.json", manifest)
        z.writestr(
            "documents.jsonl",
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
        )
        for name in extra:
            z.writestr(zipfile.ZipInfo(name), b"x")


def _line_of(lines, source):
    return next(i for i, x in enumerate(lines) if x["meta"]["source"] == source)


def _fact_changed(lines):
    """'21/29 xã' -> '99/99 xã' in the stored fact (its quote, the text, still says 21/29)."""
    i = _line_of(lines, "tan-lap.txt")
    for fact in lines[i]["facts"]:
        if fact["value"] == "21/29 xã":
            fact.update(value="99/99 xã", number=99.0, denominator=99.0)
            return i + 1
    raise AssertionError("no fact '21/29 xã' in the export")


def _text_changed(lines):
    """The text says 31/29 where it said 21/29; chunks, vectors and facts kept."""
    i = _line_of(lines, "tan-lap.txt")
    lines[i]["text"] = lines[i]["text"].replace("có 21/29 xã", "có 31/29 xã")
    return i + 1


def _doc_id_taken(lines):
    """The line of tan-lap.txt carries the doc_id of another document (everywhere in it)."""
    i = _line_of(lines, "tan-lap.txt")
    other = lines[(i + 1) % len(lines)]["meta"]["doc_id"]
    own = lines[i]["meta"]["doc_id"]
    lines[i] = json.loads(json.dumps(lines[i], ensure_ascii=False).replace(own, other))
    return i + 1


def _fact_twice(lines):
    i = _line_of(lines, "tan-lap.txt")
    lines[i]["facts"].append(dict(lines[i]["facts"][0]))
    return i + 1


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        (_fact_changed, ["'99/99 xã'", "không có trong văn bản", "'21/29 xã'"]),
        (_text_changed, ["không khớp với văn bản", "tan-lap.txt"]),
        (_doc_id_taken, ["không phải mã của tệp 'tan-lap.txt'"]),
        (_fact_twice, ["hai số liệu cùng mã", "two facts share an id"]),
    ],
    ids=[
        "fact 21/29 -> 99/99",
        "text changed, chunks kept",
        "another doc's doc_id",
        "fact id twice",
    ],
)
def test_a_tampered_export_is_refused_naming_the_line_and_the_home_is_unchanged(
    backup, full_home, tamper, words
):
    lines = _lines(backup)
    number = tamper(lines)
    _rewrite(backup, lines)
    before = _state(full_home)
    with pytest.raises(BackupError) as err:
        full_home.import_collection(backup)
    message = str(err.value)
    assert f"documents.jsonl dòng {number}:" in message, message
    for w in words:
        assert w in message, message
    assert _state(full_home) == before  # nothing lost, nothing written


@pytest.mark.parametrize("entry", ["../../x", "/tmp/ntm-absolute-x", "ghi-chu.txt"])
def test_an_entry_outside_the_export_layout_is_refused_by_name(backup, full_home, tmp_path, entry):
    _rewrite(backup, _lines(backup), extra=[entry])
    before = _state(full_home)
    with pytest.raises(BackupError) as err:
        full_home.import_collection(backup)
    assert f"mục '{entry}' không thuộc tệp xuất" in str(err.value)
    assert _state(full_home) == before
    assert not (tmp_path / "x").exists()


def test_the_cli_refuses_a_tampered_export_with_the_reason_and_exit_code_1(
    backup, settings, tmp_path, capsys, monkeypatch
):
    lines = _lines(backup)
    number = _fact_changed(lines)
    _rewrite(backup, lines)
    monkeypatch.setenv("NTM_HOME", str(tmp_path / "cli-home"))
    code = main(
        ["import", str(backup)], assistant_factory=lambda s: Assistant(s, embedder=FakeEmbedder())
    )
    _, err = capsys.readouterr()
    assert code == 1 and f"dòng {number}" in err and "'99/99 xã'" in err, err
    assert "Traceback" not in err
    bot = Assistant(settings.replace(home=tmp_path / "cli-home"), embedder=FakeEmbedder())
    assert bot.documents() == [] and bot.store.count_chunks() == 0
