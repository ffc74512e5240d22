"""Property tests (hypothesis): over arbitrary Unicode and over mutations of real news
sentences, the pipeline never raises, every span points at its text, results are
deterministic, and ``pipe`` results do not depend on the order of the documents."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsie.io.clean import normalize_for_matching

from .conftest import check_spans, fingerprint

PUBLISHED = "2025-11-28T10:00:00+08:00"

NEWS_SENTENCES = [
    "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体。",
    "远望科技11月20日宣布向宁波市慈善总会捐赠500万元，专项用于受灾群众的安置与救助。",
    "江南市人民医院发布招标公告，计划采购120台医用呼吸机，预算金额约3600万元。",
    "星辰电子今日推出两款新手机——星辰X10与星辰X10 Pro，售价分别为3999元和4999元。",
    "2026年春节前，老字号餐厅福满楼将在杭州西湖区重新开业，营业面积扩大至800平方米。",
    "晨光机器人公司首席技术官李明远于周二在公司内部信中宣布离职。",
    "2025年11月19日晚，浙江省宁波市海曙区一处仓库突发火灾，火灾造成2人受伤。",
    "国务院总理李强10月15日主持召开国务院常务会议，部署推动消费品以旧换新工作。",
    "据国家统计局数据，前三季度国内生产总值同比增长5.2%，达到94.97万亿元。",
    "铁路暑运7月1日启动，预计发送旅客9.53亿人次，同比增长3.6%。",
    "天问二号探测器昨天拍摄的地月影像图今天发布。",
    "香港特区政府7月1日上午在金紫荆广场举行升旗仪式，庆祝香港回归祖国28周年。",
    "上海证券交易所周五收盘，沪指上涨1.25%，报3380.21点，成交额超过8000亿元。",
    "华为公司于2025年9月4日在深圳发布新款折叠屏手机，起售价为17999元。",
    "北京市海淀区人民法院下月将公开审理该起合同纠纷案件。",
    "农历正月初一，全国铁路发送旅客1050万人次，较去年同期增加8.1%。",
    "受台风影响，海南省三亚市凤凰国际机场今天下午3点起取消全部进出港航班。",
    "阿里巴巴集团宣布，将在未来三年投入超过3800亿元建设云和AI硬件基础设施。",
    "中国人民银行决定自2025年5月15日起下调金融机构存款准备金率0.5个百分点。",
    "臺灣中央氣象署今天上午8時發布海上颱風警報，預計明天清晨登陸。",
    "10:15\n宁波市海曙区消防救援大队出动12辆消防车扑救，起火原因正在调查中...",
]

INSERTS = [
    "\n", "\r\n", "\n10:15\n", "\n2025年11月20日\n", "\u200b", "\u200d", "\x00", "\ud800", "　",
    "😀", "<p>", "</p>", "&amp;", "年", "月", "日", "万亿", "%", "1234567890", "……", "。", "，",
    "上午", "下午3点", "去年", "明天", "至", "-", "~", "\t", "\u202e", "ｆｕｌｌ", "臺灣",
]


@st.composite
def mutated_news(draw) -> str:
    sentences = draw(st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=4))
    text = "".join(sentences)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "cut", "char"]))
        if not text:
            kind = "insert"
        position = draw(st.integers(0, len(text)))
        if kind == "insert":
            text = text[:position] + draw(st.sampled_from(INSERTS)) + text[position:]
        elif kind == "char":
            text = text[:position] + draw(st.characters()) + text[position:]
        elif kind == "delete":
            end = draw(st.integers(position, min(len(text), position + 8)))
            text = text[:position] + text[end:]
        elif kind == "duplicate":
            end = draw(st.integers(position, min(len(text), position + 20)))
            text = text[:end] + text[position:end] + text[end:]
        else:
            text = text[:position]
    return text


ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=()),  # surrogates and controls included
    max_size=300,
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(text=ANY_TEXT)
def test_arbitrary_unicode_never_crashes_and_spans_hold(robust_nlp, text):
    doc = robust_nlp(text, published=PUBLISHED)
    check_spans(doc)
    assert all(not d.errors for d in doc.documents())


@FAST
@given(text=mutated_news())
def test_mutated_news_never_crashes_and_spans_hold(robust_nlp, text):
    doc = robust_nlp(text, published=PUBLISHED)
    check_spans(doc)
    assert all(not d.errors for d in doc.documents())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_news())
def test_results_are_deterministic(robust_nlp, text):
    first = fingerprint(robust_nlp(text, published=PUBLISHED))
    second = fingerprint(robust_nlp(text, published=PUBLISHED))
    assert first == second


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(mutated_news(), min_size=2, max_size=6), seed=st.integers(0, 2**32))
def test_pipe_is_order_independent(robust_nlp, texts, seed):
    records = [{"id": f"d{i}", "text": t, "published": PUBLISHED} for i, t in enumerate(texts)]
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    forward = {d.id: fingerprint(d) for d in robust_nlp.pipe(records)}
    backward = {d.id: fingerprint(d) for d in robust_nlp.pipe(shuffled)}
    assert forward == backward


@settings(max_examples=100, deadline=None)
@given(text=ANY_TEXT)
def test_matching_view_has_the_same_length(text):
    assert len(normalize_for_matching(text)) == len(text)
