"""Shared behaviour of the index, run against an embedded Chroma and a Chroma server.

Written once against the ``Store`` protocol; ``store_settings`` runs each test on both (only the
server case is marked ``server``). The fake embedder keeps these fast; the store, the lexical
index and the fusion are real.
"""

import pytest

from assistant import Assistant, DocumentNotFoundError, ModelMismatchError, SearchFilter
from base.protocols import Store
from tests.conftest import FakeEmbedder


def _bot(store_settings, fake_embedder):
    return Assistant(store_settings, embedder=fake_embedder)


def test_ingested_documents_are_listed_searchable_and_quote_exact_text(
    store_settings, fake_embedder, docs_copy
):
    bot = _bot(store_settings, fake_embedder)
    report = bot.ingest([docs_copy])
    assert sorted(report.added) == sorted(p.name for p in docs_copy.glob("*.txt"))
    metas = {m.source: m for m in bot.documents()}
    assert metas["000_b1a6b20c5124416e.txt"].date == "2021-08-27"
    assert "Lạng Sơn" in metas["000_b1a6b20c5124416e.txt"].provinces
    assert sum(m.chunk_count for m in metas.values()) == report.chunks_written
    hits = bot.search("Đình Lập có bao nhiêu xã đạt chuẩn", k=5)
    assert hits and hits[0].doc.source == "000_b1a6b20c5124416e.txt"
    for hit in hits:
        text = bot.document(hit.doc.source).text
        assert text[hit.chunk.start : hit.chunk.end] == hit.chunk.text


def test_unchanged_files_are_skipped_and_changed_files_replace_their_chunks(
    store_settings, fake_embedder, docs_copy
):
    bot = _bot(store_settings, fake_embedder)
    bot.ingest([docs_copy])
    embedded = fake_embedder.texts_embedded
    again = bot.ingest([docs_copy])
    assert again.added == [] and again.updated == [] and len(again.unchanged) == 5
    assert fake_embedder.texts_embedded == embedded  # nothing re-embedded

    target = docs_copy / "002_2e0f810e498e8f01.txt"
    target.write_text(
        "Hội nghị tổng kết nông thôn mới huyện Hữu Lũng\n\nNgày 5/1/2023, huyện Hữu Lũng có "
        "thêm 4 xã đạt chuẩn nông thôn mới nâng cao, đạt kỷ lục mới.",
        encoding="utf-8",
    )
    changed = bot.ingest([docs_copy])
    assert changed.updated == ["002_2e0f810e498e8f01.txt"]
    new_meta = next(m for m in bot.documents() if m.source == target.name)
    assert new_meta.date == "2023-01-05"
    assert bot.store.count_chunks(new_meta.doc_id) == new_meta.chunk_count
    # the old text is gone from search, the new one is found
    old = bot.search("375 km đường bê tông xi măng", k=10)
    assert all("375 km" not in h.chunk.text for h in old)
    new = bot.search("Hữu Lũng xã đạt chuẩn nâng cao", k=3)
    assert new[0].doc.source == target.name and "4 xã" in new[0].chunk.text


def test_remove_deletes_a_document_everywhere(store_settings, fake_embedder, docs_copy):
    bot = _bot(store_settings, fake_embedder)
    bot.ingest([docs_copy])
    removed = bot.remove("003_7c20399e720dfcdf.txt")
    assert removed.source == "003_7c20399e720dfcdf.txt"
    assert "003_7c20399e720dfcdf.txt" not in {m.source for m in bot.documents()}
    assert all(h.doc.source != removed.source for h in bot.search("Thái Nguyên OCOP", k=20))
    assert bot.store.count_chunks(removed.doc_id) == 0
    with pytest.raises(DocumentNotFoundError, match="003_7c20399e720dfcdf.txt"):
        bot.remove("003_7c20399e720dfcdf.txt")


def test_writes_go_in_batches_under_the_client_limit(
    store_settings, fake_embedder, docs_copy, monkeypatch
):
    from vectorstore.chroma_store import ChromaStore

    sizes = []
    original = ChromaStore.upsert_chunks
    monkeypatch.setattr(ChromaStore, "max_batch", property(lambda self: 4))

    def spy(self, chunks, vectors, meta):
        sizes.append(len(chunks))
        return original(self, chunks, vectors, meta)

    monkeypatch.setattr(ChromaStore, "upsert_chunks", spy)
    bot = _bot(store_settings, fake_embedder)
    report = bot.ingest([docs_copy])
    assert bot.store.count_chunks() == report.chunks_written
    raw = bot.store.chunks  # every upsert call went through ≤ 4-sized batches
    assert raw.count() == report.chunks_written and max(sizes) > 4


def test_vectors_of_two_models_are_never_mixed(store_settings, docs_copy):
    from tests.conftest import FakeEmbedder

    first = Assistant(store_settings, embedder=FakeEmbedder("model-a"))
    first.ingest([docs_copy / "000_b1a6b20c5124416e.txt"])
    second = Assistant(store_settings, embedder=FakeEmbedder("model-b"))
    with pytest.raises(ModelMismatchError) as err:
        second.ingest([docs_copy / "001_4df30f9ad513b73d.txt"])
    assert "model-a" in str(err.value) and "model-b" in str(err.value)
    assert [m.source for m in second.documents()] == ["000_b1a6b20c5124416e.txt"]


def test_filters_restrict_results_by_source_place_and_year(
    store_settings, fake_embedder, docs_copy
):
    bot = _bot(store_settings, fake_embedder)
    bot.ingest([docs_copy])
    question = "xã đạt chuẩn nông thôn mới"
    by_source = bot.search(
        question, k=10, filters=SearchFilter(sources=("003_7c20399e720dfcdf.txt",))
    )
    assert by_source and {h.doc.source for h in by_source} == {"003_7c20399e720dfcdf.txt"}
    by_province = bot.search(question, k=10, filters=SearchFilter(provinces=("thai nguyen",)))
    assert by_province and all("Thái Nguyên" in h.doc.provinces for h in by_province)
    by_district = bot.search(question, k=10, filters=SearchFilter(districts=("Đình Lập",)))
    assert by_district and {h.doc.source for h in by_district} == {"000_b1a6b20c5124416e.txt"}
    by_year = bot.search(question, k=10, filters=SearchFilter(years=(2020,)))
    assert by_year and {h.doc.year for h in by_year} == {2020}
    assert bot.search(question, k=10, filters=SearchFilter(years=(1999,))) == []


@pytest.mark.parametrize(
    "filters", [None, SearchFilter(provinces=("Lạng Sơn",)), SearchFilter(years=(1999,))]
)
def test_the_exact_scan_and_chromas_index_find_the_same_nearest_passages(
    store_settings, fake_embedder, docs_copy, filters
):
    exact = _bot(store_settings, fake_embedder)
    exact.ingest([docs_copy])
    by_chroma = _bot(store_settings, fake_embedder)
    by_chroma.retriever.exact_limit = 0  # as for a collection too large to hold in memory
    assert exact.retriever.snapshot().vectors is not None
    assert by_chroma.retriever.snapshot().vectors is None
    for question in ("Đình Lập có bao nhiêu xã đạt chuẩn", "OCOP Thái Nguyên", "kinh phí"):
        a = exact.search(question, k=8, filters=filters)
        b = by_chroma.search(question, k=8, filters=filters)
        assert [h.chunk.chunk_id for h in a] == [h.chunk.chunk_id for h in b]
        assert [h.dense_score for h in a] == pytest.approx([h.dense_score for h in b], abs=1e-5)
    if filters is not None and filters.years:
        assert exact.search("xã đạt chuẩn", filters=filters) == []


def test_a_write_by_another_instance_is_seen_without_restart(
    store_settings, fake_embedder, docs_copy
):
    reader = _bot(store_settings, fake_embedder)
    reader.ingest([docs_copy / "000_b1a6b20c5124416e.txt"])
    assert all(
        h.doc.source == "000_b1a6b20c5124416e.txt" for h in reader.search("Thái Nguyên", k=5)
    )
    writer = _bot(store_settings, fake_embedder)
    writer.ingest([docs_copy / "003_7c20399e720dfcdf.txt"])
    hits = reader.search("Thái Nguyên 103 xã OCOP", k=3)  # lexical index rebuilt: stale
    assert "003_7c20399e720dfcdf.txt" in {h.doc.source for h in hits}


def test_the_store_satisfies_the_store_protocol(store_settings, fake_embedder):
    assert isinstance(_bot(store_settings, fake_embedder).store, Store)


def _searches(bot, questions=("Đình Lập có bao nhiêu xã đạt chuẩn", "Thái Nguyên OCOP")):
    return [[(h.doc.source, h.chunk.text) for h in bot.search(q, k=3)] for q in questions]


def test_reindex_rebuilds_vectors_with_the_configured_model(store_settings, docs_copy):
    Assistant(store_settings, embedder=FakeEmbedder("model-a")).ingest([docs_copy])
    model_b = FakeEmbedder("model-b")
    bot = Assistant(store_settings, embedder=model_b)
    with pytest.raises(ModelMismatchError) as err:  # model-b questions, model-a vectors
        bot.search("Đình Lập", k=1)
    assert "model-a" in str(err.value) and "ntm reindex" in str(err.value)
    report = bot.reindex()
    assert report.chunks == bot.store.count_chunks() > 0
    assert report.embedded == report.chunks == model_b.texts_embedded and report.reused == 0
    assert bot.store.indexed_model() == ("model-b", 256)
    assert bot.search("Đình Lập", k=1)[0].doc.source == "000_b1a6b20c5124416e.txt"
    again = bot.ingest([docs_copy])
    assert len(again.unchanged) == 5  # the documents kept their content hashes


def test_reindex_with_the_same_model_embeds_only_chunks_that_changed(store_settings, docs_copy):
    embedder = FakeEmbedder()
    bot = Assistant(store_settings, embedder=embedder)
    bot.ingest([docs_copy])
    before, embedded = _searches(bot), embedder.texts_embedded
    old_ids = bot.store.chunk_ids()

    same = bot.reindex()
    assert same.embedded == 0 and same.reused == same.chunks == len(old_ids)
    assert embedder.texts_embedded == embedded
    assert bot.store.chunk_ids() == old_ids and _searches(bot) == before

    smaller = Assistant(store_settings.replace(chunk_chars=300), embedder=embedder)
    report = smaller.reindex()
    new_ids = smaller.store.chunk_ids()
    assert report.chunks == len(new_ids) > len(old_ids)
    assert report.embedded == len(new_ids - old_ids) > 0  # only passages that are new
    assert report.reused == len(new_ids & old_ids) > 0  # short paragraphs did not change
    assert embedder.texts_embedded == embedded + report.embedded
    assert sum(m.chunk_count for m in smaller.documents()) == report.chunks
    assert all(len(h.chunk.text) <= 300 for h in smaller.search("xã đạt chuẩn nông thôn mới"))

    full = smaller.reindex(full=True)
    assert full.embedded == full.chunks == report.chunks and full.reused == 0


class _CrashAfter(FakeEmbedder):
    """Raises (as Ctrl-C would) on its n-th ``embed_documents`` call."""

    def __init__(self, name: str, calls: int):
        super().__init__(name)
        self.crash_at = calls

    def embed_documents(self, texts, titles=None):
        if self.calls + 1 == self.crash_at:
            self.calls += 1
            raise KeyboardInterrupt
        return super().embed_documents(texts, titles)


def test_an_interrupted_reindex_leaves_the_old_index_and_the_next_ingest_finishes_it(
    store_settings, docs_copy
):
    old = Assistant(store_settings, embedder=FakeEmbedder("model-a"))
    old.ingest([docs_copy])
    before = _searches(old)
    total = old.store.count_chunks()

    crashing = Assistant(store_settings, embedder=_CrashAfter("model-b", calls=3))
    with pytest.raises(KeyboardInterrupt):
        crashing.reindex()
    pending = crashing.store.pending_rebuild()
    assert pending is not None and pending.model == "model-b"
    written = len(crashing.store.chunk_ids(rebuild=pending))
    assert 0 < written < total
    # nothing changed for the old model's users
    assert _searches(Assistant(store_settings, embedder=FakeEmbedder("model-a"))) == before
    with pytest.raises(ModelMismatchError, match="chưa xong"):  # says the reindex is unfinished
        crashing.search("Đình Lập", k=1)
    # a document removed meanwhile is removed from the rebuild too
    removed = old.remove("003_7c20399e720dfcdf.txt")
    assert not crashing.store.chunk_ids(removed.doc_id, rebuild=pending)
    written = len(crashing.store.chunk_ids(rebuild=pending))

    finisher_model = FakeEmbedder("model-b")
    finisher = Assistant(store_settings, embedder=finisher_model)
    report = finisher.ingest([docs_copy])
    assert report.added == ["003_7c20399e720dfcdf.txt"] and len(report.unchanged) == 4
    assert finisher.store.pending_rebuild() is None
    assert finisher.store.indexed_model() == ("model-b", 256)
    assert finisher.store.count_chunks() == sum(m.chunk_count for m in finisher.documents())
    # what the interrupted run wrote was not embedded again: the rest, and 003 anew
    assert finisher_model.texts_embedded == total - written
    assert _searches(finisher)[0][0][0] == "000_b1a6b20c5124416e.txt"


def test_a_resumed_reindex_embeds_only_what_the_interrupted_one_had_not(store_settings, docs_copy):
    Assistant(store_settings, embedder=FakeEmbedder("model-a")).ingest([docs_copy])
    crashing = Assistant(store_settings, embedder=_CrashAfter("model-b", calls=4))
    with pytest.raises(KeyboardInterrupt):
        crashing.reindex()
    written = len(crashing.store.chunk_ids(rebuild=crashing.store.pending_rebuild()))
    resumer = FakeEmbedder("model-b")
    report = Assistant(store_settings, embedder=resumer).reindex()
    assert report.resumed and report.embedded == report.chunks - written == resumer.texts_embedded


def test_a_document_changed_while_a_reindex_was_interrupted_is_rebuilt_in_its_new_version(
    store_settings, docs_copy
):
    model_a = Assistant(store_settings, embedder=FakeEmbedder("model-a"))
    model_a.ingest([docs_copy])
    crashing = Assistant(store_settings, embedder=_CrashAfter("model-b", calls=2))
    with pytest.raises(KeyboardInterrupt):
        crashing.reindex()  # sorted by name: 000_… is already in the rebuild
    target = docs_copy / "000_b1a6b20c5124416e.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("06/10 xã", "07/10 xã"), encoding="utf-8")
    assert model_a.ingest([docs_copy]).updated == [target.name]

    bot = Assistant(store_settings, embedder=FakeEmbedder("model-b"))
    assert bot.reindex().resumed
    meta = next(m for m in bot.documents() if m.source == target.name)
    # every passage of the new version is searchable, none of the old one
    assert len(bot.retriever.chunks_of(meta.doc_id)) == meta.chunk_count
    texts = [h.chunk.text for h in bot.search("Đình Lập có bao nhiêu xã đạt chuẩn", k=5)]
    assert any("07/10 xã" in t for t in texts) and not any("06/10 xã" in t for t in texts)
