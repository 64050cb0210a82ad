"""Reading the figures of an NTM article into structured facts (pure functions).

Every number that carries a unit ("12 xã", "33/119 xã", "trên 270 km", "2,26%", "54,8 triệu
đồng/người/năm", "13,3 tiêu chí/xã") becomes a :class:`~base.types.Fact` with:

- the value as written, with its denominator ("33/119", "33 trên tổng số 119 xã") and a share
  stated with it ("chiếm 27,32%");
- what it counts: the words around it and an indicator key (``base.lexicon``);
- its kind: a total ("nâng tổng số lên", "toàn tỉnh có", "lũy kế"), an increment ("có thêm",
  "tăng"), a target ("phấn đấu", "mục tiêu", "kế hoạch"), a difference from another figure
  ("thấp hơn 2,56% so với …"), a part ("trong đó …") or a plain value;
- its place: the place named before it in the sentence ("huyện Đình Lập", "toàn tỉnh"), else the
  paragraph's, else the document's own words;
- its time: the sentence's time expression, else the paragraph's, else the document's date
  (``base.times``), so that an undated article's "năm 2020" still dates a figure.

Usage::

    facts = read_facts(document)
    [(f.value, f.kind, f.indicator, f.place, f.time_lo) for f in facts]

The reader is a package, a module per question it answers of a figure: ``mentions`` (how a
figure is written), ``kinds`` (total, increment, target…), ``places``, ``times``, ``sentence``
(what a sentence's figures share), ``english`` (English articles), ``rows`` (table rows) and
``read`` (the loop over paragraphs and sentences that puts them together).
"""

from ingest.facts.kinds import names_now, states_plan
from ingest.facts.mentions import to_number
from ingest.facts.read import read_facts
from ingest.facts.times import sentence_time

__all__ = ["READER", "names_now", "read_facts", "sentence_time", "states_plan", "to_number"]

# The version of this reader: bump it whenever the figures it reads from the same text change.
# Ingest then reads every stored document's figures again, once (``ingest.pipeline``), so an
# index built by an older reader does not keep its mistakes.
# 2: differences, qualified counts, 'đến nay' in undated articles; 3: average ranges ('bình
# quân đạt từ 11,5 - 12 tiêu chí'); 4: table rows ('Dòng 5: Xã: Tân Mỹ; Số tiêu chí đạt: 15');
# 6: a row's Thôn cell outranks its Xã cell (one lexicon of place levels: thôn < xã); 7: the
# share of households using clean water is an indicator of its own ('nuoc_sach'); 8: one amount
# in two units ('71 tỷ 355 triệu đồng'); 9: a ranking ('huyện đầu tiên trong cả nước') is no
# scope, 'trên địa bàn huyện' is; 10: an address ('huyện Vị Thủy, tỉnh Hậu Giang') is about its
# first place; 11: text without sentence ends is read in pieces of _MAX_SENTENCE characters, a
# figure's clause within _CLAUSE_REACH of it, a sentence's places once for all its figures
# (linear time; the bundled, fixture and real-article documents read exactly as before);
# 12: a target keeps what it counts (``Fact.aim``: a total, an increment, a yearly increment),
# an average or share of part of a place says which part (``Fact.group``: 'xã biên giới'), a
# count of the communes that aim at another figure ('20 xã biên giới phấn đấu bình quân đạt
# 12 tiêu chí') is no figure of the indicator before it, a figure reached after a plan's words
# ('5 xã … phấn đấu đạt chuẩn … đã đạt 10,8 tiêu chí') is a result, and an average range
# ('bình quân mỗi xã trên địa bàn tỉnh đạt từ 12,5 đến 13 tiêu chí') is read; 13: 'chỉ tiêu'
# counted ('10 tiêu chí, 47 chỉ tiêu') are a standard's indicators, not a goal; gardens
# ('1.300 vườn') are a unit; 14: a short aside in brackets ends no clause ('tỷ lệ hộ nghèo
# (theo chuẩn mới) còn 3,69%'), and a share that names its own base ('95,13% số dân …')
# takes no indicator from the figure before it; 15: English articles' figures ('785
# communes', '8.8 percent', 'VND30 billion', '84 of 133 communes') in the lexicon's units,
# places and kinds; 16: a text without a headline is titled by its opening sentence, not its
# file name (``ingest.metadata.extract_title``), and the place its figures are about may be
# read from that title: the re-read stores the new title too;
# 17: communes not yet meeting the standard ('còn 2 xã chưa đạt chuẩn') are their own
# indicator (xa_chua_dat); 39: the programme's name written out after a unit ('6/9 huyện nông
# thôn mới') names places meeting its standard, as 'huyện NTM' does; 40: the year after a multiple
# ('gấp 4,13 lần năm 2011') is its baseline (``base.times``); 41: OCOP by its Vietnamese name
# ('Mỗi xã một sản phẩm'), a range of star grades ('từ 3 sao trở lên', '3-5 sao') is every rated
# product, and a figure that takes its indicator from the one before it takes the one of that
# family its own words name ('…, gồm 326 sản phẩm 3 sao, 103 sản phẩm 4 sao'); 42: a count whose
# unit is named before it ('Số tiêu chí bình quân mỗi xã là 15,9', 'Tổng số xã đạt chuẩn: 12');
# 43: a share of a plan reached ('đạt 88% mục tiêu giai đoạn') sets no plan (``base.times``),
# those of the registered that met the standard ('đăng ký …, trong đó có 230 khu dân cư … đạt
# chuẩn') are a result; 44: every item of a breakdown ('bao gồm 4 sản phẩm 5 sao, 86 sản phẩm
# 4 sao') is a part; 45: communes that met every criterion, its number unsaid ('hoàn thành các
# tiêu chí', ``base.lexicon.indicators``); 46: a product by its star grade alone ('sản phẩm 4
# sao') is an OCOP product (taken back in 48: the grade may be the figure before's, and only a
# question reads it so, ``asked_indicator``); 47: English farming words ('cultivated land', 'high-tech vegetables')
# in the glossary (``base.english``); 48: a count whose unit is named before it raised to it
# ('nâng số đơn vị cấp huyện đạt chuẩn … lên 7/11'), a share of district-level units meeting the
# standard ('Ở cấp huyện, 51% đã hoàn thành nhiệm vụ', ``ty_le_huyen``)
# 49: the same as 48, re-read (an index may hold 48's facts read with 46's star grades); 50: a
# product with its own star grade right after it ('336 sản phẩm đạt từ 3-5 sao'), or counted in a
# sentence that names the programme before it (51), is OCOP's
READER = "51"
