"""Ingest runs end to end (fake embedder, real Chroma): bad input, idempotence, crashes."""

import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from tests.conftest import QUESTIONS, ROOT, FakeEmbedder, kill_after_lines


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_bad_files_are_reported_with_reasons_and_the_good_ones_still_go_in(
    fake_assistant, docs_copy, tmp_path
):
    bad = tmp_path / "bad"
    _write(bad / "empty.txt", "")
    _write(bad / "binary.txt", bytes(range(256)) * 20)
    _write(bad / "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    _write(bad / "broken.docx", b"PK\x03\x04 not a zip")
    _write(bad / "notes.xyz", "Văn bản")
    _write(bad / "big.txt", "Nông thôn mới. " * 200_000)  # ~3 MB > the 1 MB limit below
    bot = Assistant(fake_assistant.settings.replace(max_file_mb=1), embedder=FakeEmbedder())
    report = bot.ingest([docs_copy, bad, tmp_path / "missing.txt"])
    assert sorted(report.added) == sorted(p.name for p in docs_copy.glob("*.txt"))
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "broken.pdf",
        "broken.docx",
        "notes.xyz",
        "big.txt",
        "missing.txt",
    }
    assert "rỗng" in reasons["empty.txt"]
    assert "PDF" in reasons["broken.pdf"] and "DOCX" in reasons["broken.docx"].upper()
    assert "NTM_MAX_FILE_MB" in reasons["big.txt"]
    assert report.exit_code == 3
    assert len(bot.documents()) == 5


def test_two_files_with_the_same_name_do_not_overwrite_each_other(fake_assistant, tmp_path):
    text = "Hội nghị NTM\n\nNgày 1/2/2022, huyện Bắc Sơn có 5 xã đạt chuẩn nông thôn mới."
    _write(tmp_path / "a" / "bao-cao.txt", text)
    _write(tmp_path / "b" / "bao-cao.txt", text.replace("5 xã", "7 xã"))
    report = fake_assistant.ingest([tmp_path / "a", tmp_path / "b"])
    assert report.added == ["bao-cao.txt"]
    assert len(report.rejected) == 1 and "bao-cao.txt" in report.rejected[0].reason
    assert "5 xã" in fake_assistant.document("bao-cao.txt").text


def test_an_index_an_older_fact_reader_built_gets_its_figures_read_again(fake_assistant, tmp_path):
    text = (
        "Huyện Ia Lâm tổng kết nông thôn mới\n\n"
        "Năm 2023, huyện Ia Lâm có 9 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo còn 4,1%, thấp "
        "hơn 1,2% so với bình quân toàn tỉnh."
    )
    _write(tmp_path / "docs" / "ia-lam.txt", text)
    fake_assistant.ingest([tmp_path / "docs"])
    store = fake_assistant.store
    doc_id = fake_assistant.documents()[0].doc_id
    # what an older reader left: a wrong figure (the gap read as the rate) and no others
    gap = next(f for f in store.facts(doc_ids=[doc_id]) if f.value.endswith("1,2%"))
    store.put_facts(doc_id, [replace(gap, kind="value")])
    store.set_facts_reader("1")

    again = fake_assistant.ingest([tmp_path / "docs"])
    assert again.unchanged == ["ia-lam.txt"] and again.facts_reread == 1
    rates = fake_assistant.facts(place="Ia Lâm", indicator="ho_ngheo")
    assert {f.value: f.kind for f in rates} == {"4,1%": "value", "hơn 1,2%": "difference"}
    assert fake_assistant.ingest([tmp_path / "docs"]).facts_reread == 0  # once per reader


def test_a_document_without_a_headline_is_stored_with_its_first_line_as_title(
    fake_assistant, tmp_path
):
    opening = "Ngày 12/3/2023, huyện Ia Lâm tổ chức hội nghị sơ kết xây dựng nông thôn mới"
    body = (
        "Năm 2022, huyện Ia Lâm có 9 xã đạt chuẩn nông thôn mới; các xã còn lại đạt bình quân "
        "14,5 tiêu chí, tăng 1,2 tiêu chí so với năm 2021. "
    )
    text = f"Cập nhật: 13/03/2023 08:00\nEmail: toasoan@baogialai.vn\n\n{opening}. {body * 3}"
    _write(tmp_path / "docs" / "0b3f9a6c1d2e4f5a.txt", text)
    fake_assistant.ingest([tmp_path / "docs"])
    (meta,) = fake_assistant.documents()
    assert meta.title == opening
    assert (
        fake_assistant.ask("Huyện Ia Lâm có bao nhiêu xã đạt chuẩn nông thôn mới?")
        .citations[0]
        .title
        == opening
    )

    # an index an older reader built titled it by its file name: the next ingest retitles it
    store = fake_assistant.store
    doc = store.get_document(meta.doc_id)
    store.put_document(replace(doc, meta=replace(doc.meta, title="0b3f9a6c1d2e4f5a")))
    store.set_facts_reader("15")
    assert fake_assistant.documents()[0].title == "0b3f9a6c1d2e4f5a"
    assert fake_assistant.ingest([tmp_path / "docs"]).facts_reread == 1
    assert fake_assistant.documents()[0].title == opening


def test_a_crash_in_the_middle_leaves_an_index_the_next_ingest_completes(
    settings, docs_copy, monkeypatch
):
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "EMBED_GROUP", 5)

    class Crashing(FakeEmbedder):
        def embed_documents(self, texts, titles=None):
            if self.calls == 2:
                self.calls += 1
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C
            return super().embed_documents(texts, titles)

    crashing = Assistant(settings, embedder=Crashing())
    with pytest.raises(KeyboardInterrupt):
        crashing.ingest([docs_copy])
    partial = {m.source for m in crashing.documents()}
    assert 0 < len(partial) < 5
    # nothing half-written is visible to search
    for hit in crashing.search("nông thôn mới xã đạt chuẩn", k=20):
        assert hit.doc.source in partial

    bot = Assistant(settings, embedder=FakeEmbedder())
    report = bot.ingest([docs_copy])
    assert sorted(report.added) == sorted({p.name for p in docs_copy.glob("*.txt")} - partial)
    assert sorted(report.unchanged) == sorted(partial)
    _assert_complete_without_duplicates(bot)


def _assert_complete_without_duplicates(bot):
    total = 0
    for meta in bot.documents():
        got = bot.store.chunks.get(where={"doc_id": meta.doc_id}, include=["metadatas"])
        starts = [m["start"] for m in got["metadatas"]]
        assert len(starts) == len(set(starts)) == meta.chunk_count, meta.source
        total += meta.chunk_count
    assert bot.store.count_chunks() == total


WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
import ingest.pipeline as pipeline
from assistant.core import Assistant
from base.settings import Settings

pipeline.EMBED_GROUP = 3

class Slow(FakeEmbedder):
    def embed_documents(self, texts, titles=None):
        print("embedding", flush=True)
        time.sleep(0.4)
        return super().embed_documents(texts, titles)

Assistant(Settings.from_env(), embedder=Slow()).ingest([{docs!r}])
print("done", flush=True)
"""


def test_a_killed_ingest_is_completed_by_the_next_one(settings, docs_copy, tmp_path):
    script = tmp_path / "worker.py"
    script.write_text(WORKER.format(root=str(ROOT), docs=str(docs_copy)), encoding="utf-8")
    kill_after_lines(script, "embedding", 4)

    bot = Assistant(settings, embedder=FakeEmbedder())
    before = {m.source for m in bot.documents()}
    assert len(before) < 5
    report = bot.ingest([docs_copy])
    assert len(report.added) + len(report.unchanged) == 5 and not report.rejected
    _assert_complete_without_duplicates(bot)


# -- reindex killed with SIGKILL at several points ------------------------------------------------

REINDEX_WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
from assistant import Assistant, Settings
from vectorstore.chroma_store import ChromaStore

POINT = {point!r}


def pause(mark):
    print(mark, flush=True)
    time.sleep(30)  # the test kills the process here


class Slow(FakeEmbedder):
    def embed_documents(self, texts, titles=None):
        print("embedding", flush=True)
        time.sleep(0.2)
        return super().embed_documents(texts, titles)


class Announcing(ChromaStore):
    def start_rebuild(self, model, dimension, full=False):
        rebuild = super().start_rebuild(model, dimension, full)
        if POINT == "started":
            pause("started")
        return rebuild

    def put_documents(self, docs):
        super().put_documents(docs)
        if POINT == "documents-written" and len(docs) > 1:
            pause("documents-written")

    def _drop_orphans(self):
        if POINT == "switched" and self.pending_rebuild() is None:
            pause("switched")
        super()._drop_orphans()


settings = Settings.from_env()
Assistant(settings, embedder=Slow({model!r}), store=Announcing(settings)).reindex(full={full!r})
print("done", flush=True)
"""


def _answers(bot, questions) -> dict[str, str | None]:
    """The direct answer of each question, None where the assistant abstains."""
    out = {}
    for q in questions:
        answer = bot.ask(q)
        out[q] = None if answer.abstained else answer.answer.splitlines()[0]
    return out


def _kill_reindex_at(point, model, env, tmp_path, full: bool = False) -> None:
    script = tmp_path / f"reindex-{point}.py"
    script.write_text(
        REINDEX_WORKER.format(root=str(ROOT), point=point, model=model, full=full),
        encoding="utf-8",
    )
    kill_after_lines(script, point, 3 if point == "embedding" else 1, env=env)


def _assert_one_complete_index(bot) -> None:
    assert bot.store.pending_rebuild() is None
    _assert_complete_without_duplicates(bot)
    names = [c if isinstance(c, str) else c.name for c in bot.store._connect().list_collections()]
    assert len([n for n in names if "_chunks" in n]) == 1, names  # no orphaned vector set


@pytest.mark.parametrize(
    ("point", "next_command"),
    [
        ("started", "reindex"),
        ("embedding", "ingest"),
        ("embedding", "reindex"),
        ("documents-written", "ingest"),
        ("switched", "reindex"),
    ],
)
def test_a_reindex_to_a_new_model_killed_anywhere_loses_no_answer(
    point, next_command, docs_copy, tmp_path, monkeypatch
):
    questions = [json.loads(line)["question"] for line in QUESTIONS.open(encoding="utf-8")]
    old = Assistant(Settings.from_env(), embedder=FakeEmbedder("model-a"))
    old.ingest([docs_copy])
    before = _answers(old, questions)
    assert sum(a is not None for a in before.values()) >= 15

    _kill_reindex_at(point, "model-b", {}, tmp_path)

    if point != "switched":  # the old vectors are still the searchable ones
        survivor = Assistant(Settings.from_env(), embedder=FakeEmbedder("model-a"))
        assert _answers(survivor, questions) == before
    # model-b's fake vectors equal model-a's: every answer must come back unchanged
    new = Assistant(Settings.from_env(), embedder=FakeEmbedder("model-b"))
    if next_command == "ingest":
        assert not new.ingest([docs_copy]).added
    else:
        new.reindex()
    assert new.store.indexed_model() == ("model-b", 256)
    _assert_one_complete_index(new)
    assert _answers(new, questions) == before


@pytest.mark.parametrize("point", ["embedding", "documents-written"])
def test_a_killed_chunk_size_reindex_ends_as_an_uninterrupted_one(
    point, docs_copy, tmp_path, monkeypatch
):
    questions = [json.loads(line)["question"] for line in QUESTIONS.open(encoding="utf-8")]
    reference_env = {"NTM_HOME": str(tmp_path / "reference"), "NTM_CHUNK_CHARS": "350"}
    reference = Assistant(Settings.from_env(reference_env), embedder=FakeEmbedder())
    reference.ingest([docs_copy])
    expected = _answers(reference, questions)

    old = Assistant(Settings.from_env(), embedder=FakeEmbedder())
    old.ingest([docs_copy])
    before = _answers(old, questions)
    _kill_reindex_at(point, "fake-hash", {"NTM_CHUNK_CHARS": "350"}, tmp_path)
    assert _answers(Assistant(Settings.from_env(), embedder=FakeEmbedder()), questions) == before

    monkeypatch.setenv("NTM_CHUNK_CHARS", "350")
    resumed = Assistant(Settings.from_env(), embedder=FakeEmbedder())
    written = len(resumed.store.chunk_ids(rebuild=resumed.store.pending_rebuild()))
    assert written > 0
    report = resumed.reindex()
    assert report.resumed  # and the killed run's chunks were neither embedded nor copied again:
    assert report.embedded + report.reused == report.chunks - written
    _assert_one_complete_index(resumed)
    assert _answers(resumed, questions) == expected


def test_a_killed_full_reindex_finished_by_ingest_stays_full(docs_copy, tmp_path):
    old = Assistant(Settings.from_env(), embedder=FakeEmbedder())
    old.ingest([docs_copy])
    chunks = old.store.count_chunks()
    _kill_reindex_at("embedding", "fake-hash", {}, tmp_path, full=True)

    embedder = FakeEmbedder()  # the same model: only the stored intent asks for --full
    bot = Assistant(Settings.from_env(), embedder=embedder)
    pending = bot.store.pending_rebuild()
    assert pending is not None and pending.full
    written = len(bot.store.chunk_ids(rebuild=pending))
    assert 0 < written < chunks
    assert not bot.ingest([docs_copy]).added  # finishes the reindex first
    # every chunk the killed run had not written was embedded anew, none copied
    assert embedder.texts_embedded == chunks - written
    _assert_one_complete_index(bot)


def test_reindex_removes_the_segment_folders_it_replaced(fake_assistant, docs_copy):
    fake_assistant.ingest([docs_copy])
    chroma = fake_assistant.settings.chroma_dir

    def folders() -> set[str]:
        return {p.name for p in chroma.iterdir() if p.is_dir()}

    before = folders()
    hits = fake_assistant.search("Đình Lập có bao nhiêu xã đạt chuẩn")
    for _ in range(3):
        fake_assistant.reindex(full=True)
    after = folders()
    assert len(after) == len(before), (before, after)  # one vector set's folder replaced
    assert fake_assistant.search("Đình Lập có bao nhiêu xã đạt chuẩn") == hits


_HOLD = """
import sys
from base.settings import Settings
from vectorstore.chroma_store import ChromaStore
with ChromaStore(Settings.from_env()).writing():
    print("held", flush=True)
    sys.stdin.readline()
"""

_INGEST = """
import sys
from tests.conftest import FakeEmbedder
from assistant import Assistant, Settings
bot = Assistant(Settings.from_env(), embedder=FakeEmbedder())
bot.on_wait = lambda message: print(message, file=sys.stderr, flush=True)
report = bot.ingest([sys.argv[1]])
print(len(report.added), flush=True)
"""


def test_a_second_writer_on_one_home_waits_for_the_first_and_says_so(settings, docs_copy):
    env = {**os.environ, "NTM_HOME": str(settings.home), "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        writer = subprocess.Popen(
            [sys.executable, "-c", _INGEST, str(docs_copy)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        said = writer.stderr.readline()  # blocks until the writer reports that it waits
        assert "đang chờ" in said and "waiting" in said, said
        assert writer.poll() is None  # still waiting: nothing written meanwhile
        assert Assistant(settings, embedder=FakeEmbedder()).documents() == []
        holder.stdin.write("\n")
        holder.stdin.flush()
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert int(out.strip()) == len(list(docs_copy.glob("*.txt")))
    finally:
        holder.kill()
        holder.wait()
    assert len(Assistant(settings, embedder=FakeEmbedder()).documents()) == len(
        list(docs_copy.glob("*.txt"))
    )


def test_a_link_to_a_file_outside_the_folder_is_not_ingested(fake_assistant, docs_copy, tmp_path):
    secret = _write(tmp_path / "ngoai" / "passwd.txt", "Mật khẩu quản trị: rồng-vàng-2024.")
    (docs_copy / "passwd.txt").symlink_to(secret)
    report = fake_assistant.ingest([docs_copy])
    assert "passwd.txt" not in report.added
    assert any(r.path.endswith("passwd.txt") and "ra ngoài" in r.reason for r in report.rejected)
    assert not any("rồng-vàng" in h.chunk.text for h in fake_assistant.search("mật khẩu", k=10))


UPDATE_WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
from assistant import Assistant, Settings
from vectorstore.chroma_store import ChromaStore


class Announcing(ChromaStore):
    def put_facts(self, doc_id, facts, prune=True):
        super().put_facts(doc_id, facts, prune)
        if not prune:  # the new version is written, its record not yet switched
            print("written", flush=True)
            time.sleep(60)  # the test kills the process here


settings = Settings.from_env()
Assistant(settings, embedder=FakeEmbedder(), store=Announcing(settings)).ingest([{path!r}])
"""


def test_a_kill_during_an_update_leaves_the_old_version_answerable(settings, docs_copy, tmp_path):
    path = docs_copy / "000_b1a6b20c5124416e.txt"
    questions = [json.loads(line)["question"] for line in QUESTIONS.open(encoding="utf-8")]
    old = Assistant(settings, embedder=FakeEmbedder())
    old.ingest([docs_copy])
    before, chunks = _answers(old, questions), old.store.count_chunks()
    visible = len(old.retriever.chunks_of(old.store.get_meta(path.name).doc_id))

    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Đình Lập", "Đình Lập (Lạng Sơn)"), encoding="utf-8")
    script = tmp_path / "update.py"
    script.write_text(UPDATE_WORKER.format(root=str(ROOT), path=str(path)), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    survivor = Assistant(settings, embedder=FakeEmbedder())
    assert survivor.store.count_chunks() > chunks  # both versions are stored …
    meta = survivor.store.get_meta(path.name)
    assert len(survivor.retriever.chunks_of(meta.doc_id)) == visible  # … the old one is seen
    assert _answers(survivor, questions) == before
    report = survivor.ingest([docs_copy])
    assert report.updated == [path.name]
    _assert_complete_without_duplicates(survivor)
    assert survivor.store.count_chunks() == sum(m.chunk_count for m in survivor.documents())


def test_a_different_file_of_the_same_name_is_refused_unless_replaced_on_purpose(
    fake_assistant, tmp_path
):
    first = _write(
        tmp_path / "huyen-a" / "bao-cao.txt", "Huyện A có 12 xã đạt chuẩn nông thôn mới."
    )
    other = _write(tmp_path / "huyen-b" / "bao-cao.txt", "Huyện B có 7 xã đạt chuẩn nông thôn mới.")
    assert fake_assistant.ingest([first]).added == ["bao-cao.txt"]
    report = fake_assistant.ingest([other])
    (rejection,) = report.rejected
    assert "huyen-a" in rejection.reason and "--replace" in rejection.reason
    assert "12 xã" in fake_assistant.document("bao-cao.txt").text  # the first one kept
    # a new version from the same folder is an ordinary update
    first.write_text("Huyện A có 13 xã đạt chuẩn nông thôn mới.", encoding="utf-8")
    assert fake_assistant.ingest([first]).updated == ["bao-cao.txt"]
    # replacing on purpose works, and the document then belongs to the new folder
    assert fake_assistant.ingest([other], replace_same_name=True).updated == ["bao-cao.txt"]
    assert "7 xã" in fake_assistant.document("bao-cao.txt").text
    assert fake_assistant.documents()[0].origin == str(other.parent.resolve())
    # an upload of that name is another origin too
    upload = _write(tmp_path / "tmp-upload" / "bao-cao.txt", "Huyện C có 3 xã.")
    assert fake_assistant.ingest([upload], origin="upload").rejected
