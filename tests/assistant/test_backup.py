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
